"""The composer: every official document doimoi prints, in the party or state layout.

A low-level package (below ``documents``; it imports no domain app), so that every app can lay out
its documents the same way without an import cycle (docs/adr/0008-composer.md):

- ``Composition`` (with ``Section``, ``Signature``, ``Recipient``): what a document prints;
- ``rules_for(kind, day)``: the layout rule set in force (HD36-2018, HD05-2026, ND30-2020);
- ``plain_text(c)``, ``render_docx(c)``: the text the documents app stores, the Word file;
- ``convert.docx_to_pdf``: LibreOffice headless, the only place it is called;
- ``sheets.Book``: XLSX exports with formula-looking cells written as text;
- ``names``: how a unit is named on paper.
"""

from doimoi.compose.model import AUTHOR_MARK, Composition, Recipient, Section, Signature
from doimoi.compose.rules import RULE_SETS, Rules, Style, rules_for
from doimoi.compose.text import plain_text
from doimoi.compose.word import render_docx

__all__ = [
    "AUTHOR_MARK",
    "RULE_SETS",
    "Composition",
    "Recipient",
    "Rules",
    "Section",
    "Signature",
    "Style",
    "plain_text",
    "render_docx",
    "rules_for",
]
