"""The urging dispatch (công văn đôn đốc) as the composer lays it out: a party công văn with
"Kính gửi" the late units, the body kept on the dispatch row, "Như kính gửi" and "Lưu"."""

from __future__ import annotations

from doimoi import compose
from doimoi.directives.models import UrgingDispatch


def composition(u: UrgingDispatch) -> compose.Composition:
    """The dispatch as a composition, built from what the dispatch row keeps."""
    _number, _dash, rest = u.reference.partition("-")
    type_code, _slash, issuer_code = rest.partition("/")
    return compose.Composition(
        kind="party",
        type_name="Công văn",
        type_code=type_code or "CV",
        issuer=u.issuer_name,
        issuer_code=issuer_code,
        superior=u.superior_name,
        reference=u.reference,
        place=u.place,
        date=u.date,
        title=u.subject,
        kinh_gui=[str(item["unit"]) for item in u.late_units],
        opening=list(u.body),
        archive="Văn phòng",
        signature=compose.Signature(
            authority=u.authority, title=u.signer_title, name=u.signer_name
        ),
    )


def urging_docx(u: UrgingDispatch) -> bytes:
    """The Word file of an urging dispatch."""
    return compose.render_docx(composition(u))


def plain_text(u: UrgingDispatch) -> str:
    """The dispatch as text, for the documents app to store and index."""
    return compose.plain_text(composition(u))
