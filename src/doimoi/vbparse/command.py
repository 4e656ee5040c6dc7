"""``doimoi parse FILE... [--json]``: read documents' metadata from text files in any encoding."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, TextIO

from doimoi.vbparse.parser import parse_all

USAGE = (
    "Cách dùng / usage: doimoi parse TỆP... [--json]\n"
    "  Đọc số, ký hiệu, loại, cơ quan ban hành, ngày, trích yếu, người ký, nơi nhận và văn bản\n"
    "  được dẫn từ tệp .txt/.md (mọi bảng mã) / read each document's metadata from text files.\n"
    "  --json   in một mảng JSON / print one JSON array"
)
_LABELS = (
    ("kind", "loại hình / kind"),
    ("number", "số / number"),
    ("symbol", "ký hiệu / symbol"),
    ("type", "loại văn bản / type"),
    ("issuer", "cơ quan ban hành / issuer"),
    ("parent_issuer", "cơ quan cấp trên / parent"),
    ("place", "địa danh / place"),
    ("date", "ngày / date"),
    ("title", "trích yếu / title"),
    ("signing_authority", "thẩm quyền ký / authority"),
    ("signer_title", "chức vụ / signer title"),
    ("signer_name", "người ký / signer"),
    ("confidentiality", "độ mật / confidentiality"),
    ("urgency", "độ khẩn / urgency"),
)


def run(argv: list[str]) -> int:
    """Run the command on its arguments (without the word "parse"); the exit code."""
    _utf8(sys.stdout)
    _utf8(sys.stderr)
    if not argv or any(a in ("-h", "--help") for a in argv):
        print(USAGE)
        return 0 if argv else 2
    as_json = "--json" in argv
    unknown = [a for a in argv if a.startswith("--") and a != "--json"]
    if unknown:
        print(f"Tùy chọn không hợp lệ / unknown option: {unknown[0]}\n{USAGE}", file=sys.stderr)
        return 2
    results, failed = _read_files([a for a in argv if a != "--json"])
    if as_json:
        print(json.dumps(results, ensure_ascii=False, indent=2))
    else:
        print(render_table(results))
    return 1 if failed else 0


def _read_files(paths: list[str]) -> tuple[list[dict[str, Any]], bool]:
    results: list[dict[str, Any]] = []
    failed = False
    for path in paths:
        try:
            data = Path(path).read_bytes()
        except OSError as error:
            vietnamese, english = _reason(error)
            print(
                f"Không đọc được tệp {path}: {vietnamese} / cannot read file {path}: {english}",
                file=sys.stderr,
            )
            failed = True
            continue
        documents = [doc.to_dict() for doc in parse_all(data)]
        results.append({"file": path, "documents": documents})
    return results, failed


def _reason(error: OSError) -> tuple[str, str]:
    english = error.strerror or error.__class__.__name__
    if isinstance(error, FileNotFoundError):
        return "không có tệp này", english
    if isinstance(error, IsADirectoryError):
        return "đây là thư mục", english
    if isinstance(error, PermissionError):
        return "không có quyền đọc", english
    return "lỗi đọc tệp", english


def render_table(results: list[dict[str, Any]]) -> str:
    """A readable listing of each file's documents, field by field."""
    out: list[str] = []
    width = max(len(label) for _, label in _LABELS) + 2
    for result in results:
        documents = result["documents"]
        out.append(f"== {result['file']} — {len(documents)} văn bản / document(s)")
        for number, doc in enumerate(documents, 1):
            out.append(f"-- {number}/{len(documents)}")
            out.extend(_document_lines(doc, width))
        out.append("")
    return "\n".join(out).rstrip()


def _document_lines(doc: dict[str, Any], width: int) -> list[str]:
    lines = [
        f"  {label.ljust(width)}{doc[key]}" for key, label in _LABELS if doc[key] not in (None, "")
    ]
    for item in doc["recipients"]:
        mark = " (b/c)" if item["for_report"] else ""
        lines.append(f"  {'nơi nhận / recipient'.ljust(width)}{item['name']}{mark}")
    for ref in doc["references"]:
        cited = f"{ref['type'] or '?'} {format_number(ref['number'], ref['symbol'])}"
        extra = ", ".join(x for x in (ref["date"], ref["issuer"]) if x)
        lines.append(f"  {'dẫn chiếu / cites'.ljust(width)}[{ref['relation']}] {cited} {extra}")
    lines.extend(f"  {'cảnh báo / warning'.ljust(width)}{w}" for w in doc["warnings"])
    return lines


def format_number(number: str | None, symbol: str | None) -> str:
    """Number and symbol joined the party way (14-KL/TW) or the state way (15/QĐ-UBND)."""
    symbol = symbol or ""
    head = number or "…"
    party = "/" in symbol and not symbol[:1].isdigit()
    return f"{head}-{symbol}" if party else f"{head}/{symbol}"


def _utf8(stream: TextIO) -> None:
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        try:
            reconfigure(encoding="utf-8")
        except (ValueError, OSError):
            return
