"""Search indexes terms cut in Python, the same on both databases: rebuild the index.

PostgreSQL's text parser kept "1335-cv/tu" as one file-path token, so a document symbol was never
found there; now both databases hold the terms of ``documents.search.terms`` ("1335", "cv", "tu").
Every document but a placeholder is indexed again, as ``services.documents.index`` does.
"""

from typing import Any

from django.db import migrations

from doimoi.core.text import fold
from doimoi.documents.search import body_of

BATCH = 500
FIELDS = ("pk", "number", "symbol", "kind", "type_name", "issuer_name", "signer_name", "title")


def _reference(number: str, symbol: str, kind: str) -> str:
    """As ``Document.reference`` writes it (a historical model has no properties)."""
    if not symbol or not number:
        return symbol or number
    return f"{number}{'/' if kind == 'state' else '-'}{symbol}"


def _rows(apps: Any) -> Any:
    Document = apps.get_model("documents", "Document")
    documents = Document.objects.exclude(state="placeholder").order_by("pk")
    for row in documents.values(*FIELDS, "text").iterator(chunk_size=BATCH):
        head = (
            _reference(row["number"], row["symbol"], row["kind"]),
            *(row[f] for f in FIELDS[4:]),
        )
        yield row["pk"], body_of(*head, folded=fold(row["text"]))


def rebuild(apps: Any, schema_editor: Any) -> None:
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        insert = (
            "INSERT INTO documents_search(document_id, vector) VALUES "
            "(%s, array_to_tsvector(array_remove(string_to_array(%s, ' '), '')))"
        )
    elif vendor == "sqlite":
        insert = "INSERT INTO documents_search(rowid, body) VALUES (%s, %s)"
    else:
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("DELETE FROM documents_search")
        for pk, body in _rows(apps):
            cursor.execute(insert, [pk, body])


class Migration(migrations.Migration):
    dependencies = [("documents", "0006_i9c_incoming_cancel")]

    operations = [migrations.RunPython(rebuild, migrations.RunPython.noop)]
