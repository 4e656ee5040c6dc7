"""The urging dispatch (công văn đôn đốc): one click lists the late units, takes a number from the
sender's outgoing register, stores the dispatch as a document, and tells the late units."""

from __future__ import annotations

import datetime
from typing import Any

from django.db import transaction
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils.translation import gettext as _

from doimoi.compose.names import official_name, superior_line
from doimoi.core.errors import ApplicationError
from doimoi.directives import events
from doimoi.directives.models import Assignment, Directive, Distribution, Report, UrgingDispatch
from doimoi.directives.output import urging_doc, urging_text
from doimoi.directives.selectors import overdue_q
from doimoi.directives.services import notify
from doimoi.directives.services.common import clean, dmy, require, today, user_or_none
from doimoi.directives.states import AssignmentState, ReportState
from doimoi.documents import services as documents
from doimoi.ledger import services as ledger
from doimoi.organizations.models import Unit


def late_recipients(directive: Directive, sender: Unit, day: datetime.date) -> list[Assignment]:
    """The units ``sender`` sent to that are late today, in tree order."""
    returned = Report.objects.filter(
        assignment=OuterRef("pk"), task__isnull=True, state=ReportState.RETURNED
    )
    return list(
        Assignment.objects.filter(directive=directive, sender=sender)
        .filter(overdue_q(day))
        .exclude(state=AssignmentState.DONE)
        .annotate(was_returned=Exists(returned))
        .select_related("unit")
        .order_by("unit__path")
    )


def _sendings(directive: Directive, sender: Unit) -> list[Distribution]:
    """Every sending of the directive by ``sender``, first first."""
    sendings = list(
        Distribution.objects.filter(directive=directive, sender=sender)
        .select_related("document", "sender")
        .prefetch_related("requirements")
        .order_by("sent_on", "pk")
    )
    if not sendings:
        raise ApplicationError(
            {
                "sender": _("%(unit)s chưa gửi văn bản chỉ đạo này cho đơn vị nào.")
                % {"unit": sender.name}
            }
        )
    return sendings


def _check(
    late: list[Assignment], day: datetime.date, reply_by: datetime.date, signer: list[str]
) -> None:
    if not late:
        raise ApplicationError(
            {"sender": _("Không có đơn vị nào chậm thực hiện: chưa cần đôn đốc.")}
        )
    if reply_by <= day:
        raise ApplicationError(
            {"reply_by": _("Hạn báo cáo phải sau hôm nay (%(date)s).") % {"date": dmy(day)}}
        )
    if not all(signer):
        raise ApplicationError({"signer_name": _("Ghi địa danh, chức vụ và họ tên người ký.")})


def _compose(
    sendings: list[Distribution],
    late: list[Assignment],
    day: datetime.date,
    reply_by: datetime.date,
    authority: str,
) -> dict[str, Any]:
    """The dispatch's fields, as the document will carry them."""
    dist = sendings[0]
    sender = dist.sender
    items = urging_text.late_items(late, day, {a.pk for a in late if a.was_returned})  # type: ignore[attr-defined]
    collective = authority.upper().startswith("T/M BAN THƯỜNG VỤ")
    body_name = f"Ban Thường vụ {official_name(sender)}" if collective else official_name(sender)
    return {
        "superior_name": superior_line(Unit.objects.get_parent(sender)),
        "issuer_name": official_name(sender),
        "subject": urging_text.subject(dist),
        "late_units": items,
        "body": urging_text.body(sendings, items, body_name, reply_by),
    }


def _tell(urging: UrgingDispatch, late: list[Assignment]) -> None:
    link = reverse("directives:urging_detail", args=[urging.pk])
    message = _("%(sender)s đôn đốc (công văn số %(ref)s): %(title)s") % {
        "sender": urging.issuer_name,
        "ref": urging.reference,
        "title": urging.directive.title,
    }
    notify.send(
        notify.Notice(
            unit_id=a.unit_id,
            key=f"urging:{urging.pk}",
            message=message,
            link=link,
            directive=urging.directive,
            assignment=a,
        )
        for a in late
    )


@transaction.atomic
def urging_issue(
    *,
    actor: Any,
    directive: Directive,
    sender: Unit,
    reply_by: datetime.date,
    place: str,
    authority: str,
    signer_title: str,
    signer_name: str,
) -> UrgingDispatch:
    """Issue a numbered urging dispatch from ``sender`` to its late recipients."""
    require(actor, "directives.create_directive", sender)
    day, sendings = today(), _sendings(directive, Unit.objects.get(pk=sender.pk))
    dist = sendings[0]
    late = late_recipients(directive, dist.sender, day)
    signer = [clean(place), clean(signer_title), clean(signer_name)]
    _check(late, day, reply_by, signer)
    fields = _compose(sendings, late, day, reply_by, authority)
    entry = documents.outgoing_register_take(
        actor=actor,
        unit=dist.sender,
        type_code="CV",
        kind="party",
        date=day,
        title=fields["subject"],
    )
    urging = UrgingDispatch.objects.create(
        directive=directive,
        sender=dist.sender,
        reference=entry.symbol,
        date=day,
        place=signer[0],
        reply_by=reply_by,
        authority=clean(authority),
        signer_title=signer[1],
        signer_name=signer[2],
        created_by=user_or_none(actor),
        **fields,
    )
    word = (
        f"cong-van-don-doc-{entry.symbol.replace('/', '-')}.docx",
        urging_doc.urging_docx(urging),
    )
    urging.document = documents.document_create_from_text(
        actor=actor,
        unit=dist.sender,
        text=urging_doc.plain_text(urging),
        outgoing=entry,
        files=[word],
    )
    urging.save(update_fields=["document"])
    late_ids = [item["unit_id"] for item in fields["late_units"]]
    payload = {
        "reference": urging.reference,
        "late": late_ids,
        "reply_by": reply_by,
        "document": urging.document_id,
    }
    ledger.append(
        action=events.URGING_ISSUED, subject=urging, actor=actor, unit=dist.sender, payload=payload
    )
    _tell(urging, late)
    return urging
