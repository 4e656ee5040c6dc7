"""Read a Word file back: every paragraph, in the body and in tables, in order."""

from __future__ import annotations

import io

from docx import Document


def docx_lines(content: bytes) -> list[str]:
    document = Document(io.BytesIO(content))
    lines: list[str] = []
    for block in document.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append("".join(t.text or "" for t in block.iter() if t.tag.endswith("}t")))
        elif tag == "tbl":
            for cell in block.iter():
                if cell.tag.endswith("}p"):
                    lines.append("".join(t.text or "" for t in cell.iter() if t.tag.endswith("}t")))
    return [line for line in lines if line.strip()]
