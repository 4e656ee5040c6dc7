"""The words of an urging dispatch: always Vietnamese, as the official document must be."""

from __future__ import annotations

import datetime

from django.utils import translation

from doimoi.compose.names import official_name
from doimoi.directives.models import Assignment, Distribution, RequirementKind
from doimoi.directives.selectors import missing


def lower_first(text: object) -> str:
    value = str(text)
    return value[:1].lower() + value[1:]


def _dmy(day: datetime.date) -> str:
    return f"{day:%d/%m/%Y}"


def document_name(dist: Distribution) -> str:
    """ "Kế hoạch số 64-KH/ThU ngày 04/5/2022" (or the reference alone when the type is unknown)."""
    doc = dist.document
    name = f"{doc.type_name} số {doc.reference}" if doc.type_name else f"văn bản số {doc.reference}"
    return f"{name} ngày {_dmy(doc.date)}" if doc.date else name


def subject(dist: Distribution) -> str:
    doc = dist.document
    kind = f"{doc.type_name} số" if doc.type_name else "văn bản số"
    return f"V/v đôn đốc thực hiện {kind} {doc.reference}"


def late_items(
    late: list[Assignment], today: datetime.date, returned: set[int]
) -> list[dict[str, object]]:
    """What each late unit still owes, in words, kept on the dispatch."""
    items = []
    with translation.override("vi"):
        for a in late:
            owed = []
            for kind, due in missing(a, today):
                text = f"chưa {lower_first(RequirementKind(kind).label)} (hạn {_dmy(due)}"
                if kind == RequirementKind.REPORT and a.pk in returned:
                    text += "; báo cáo đã gửi bị trả lại"
                owed.append(text + ")")
            items.append(
                {
                    "unit": a.unit.name,
                    "unit_id": a.unit_id,
                    "missing": owed,
                    "sending": a.distribution_id,
                }
            )
    return items


def _asked(dist: Distribution) -> str:
    """What one sending asked and by when: "ban hành kế hoạch thực hiện (hạn 20/05/2022); …"."""
    with translation.override("vi"):
        return "; ".join(
            f"{lower_first(r.get_kind_display())} (hạn {_dmy(r.due_date)})"
            for r in dist.requirements.all()
        )


def body(
    sendings: list[Distribution],
    items: list[dict[str, object]],
    body_name: str,
    reply_by: datetime.date,
) -> list[str]:
    """The paragraphs: what each sending asked, who is late with what, what is asked now.

    A late unit is listed under the sending it received, so the requirements quoted are the ones
    it was given (a sender that sent twice, with different requirements, quotes both)."""
    paragraphs = []
    for dist in sendings:
        late = [item for item in items if item["sending"] == dist.pk]
        if not late:
            continue
        title = f" {dist.document.title}" if dist.document.title else ""
        paragraphs += [
            f"Ngày {_dmy(dist.sent_on)}, {official_name(dist.sender)} gửi {document_name(dist)}"
            f"{title}, yêu cầu các đơn vị: {_asked(dist)}.",
            "Đến nay, các đơn vị sau chưa thực hiện đúng thời hạn:",
        ]
        paragraphs += [f"- {item['unit']}: {'; '.join(item['missing'])}." for item in late]  # type: ignore[arg-type]
    sender = sendings[0].sender
    paragraphs.append(
        f"{body_name} đề nghị các đơn vị nêu trên khẩn trương thực hiện, "
        f"báo cáo kết quả về {official_name(sender)} trước ngày {_dmy(reply_by)}."
    )
    return paragraphs
