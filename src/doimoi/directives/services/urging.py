"""The urging dispatch (công văn đôn đốc): one click lists the late units, takes a number from the
sender's outgoing register, stores the dispatch as a document, and tells the late units."""

from __future__ import annotations

import datetime
from typing import Any

from django.db import transaction
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils.translation import gettext as _

from doimoi.core.errors import ApplicationError
from doimoi.directives import events
from doimoi.directives.models import Assignment, Directive, Distribution, Report, UrgingDispatch
from doimoi.directives.output import urging_text
from doimoi.directives.output.party_layout import official_name, superior_line
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


def _sending(directive: Directive, sender: Unit) -> Distribution:
    dist = (
        Distribution.objects.filter(directive=directive, sender=sender)
        .select_related("document", "sender")
        .order_by("sent_on", "pk")
        .first()
    )
    if dist is None:
        raise ApplicationError(
            {
                "sender": _("%(unit)s chưa gửi văn bản chỉ đạo này cho đơn vị nào.")
                % {"unit": sender.name}
            }
        )
    return dist


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
    sender = Unit.objects.get(pk=sender.pk)
    day = today()
    dist = _sending(directive, sender)
    late = late_recipients(directive, sender, day)
    if not late:
        raise ApplicationError(
            {"sender": _("Không có đơn vị nào chậm thực hiện: chưa cần đôn đốc.")}
        )
    if reply_by <= day:
        raise ApplicationError(
            {"reply_by": _("Hạn báo cáo phải sau hôm nay (%(date)s).") % {"date": dmy(day)}}
        )
    place, signer_title, signer_name = clean(place), clean(signer_title), clean(signer_name)
    if not (place and signer_title and signer_name):
        raise ApplicationError({"signer_name": _("Ghi địa danh, chức vụ và họ tên người ký.")})
    items = urging_text.late_items(late, day, {a.pk for a in late if a.was_returned})  # type: ignore[attr-defined]
    subject = urging_text.subject(dist)
    entry = documents.outgoing_register_take(
        actor=actor, unit=sender, type_code="CV", kind="party", date=day, title=subject
    )
    body_name = (
        f"Ban Thường vụ {official_name(sender)}"
        if authority.upper().startswith("T/M BAN THƯỜNG VỤ")
        else official_name(sender)
    )
    urging = UrgingDispatch.objects.create(
        directive=directive,
        sender=sender,
        reference=entry.symbol,
        date=day,
        place=place,
        superior_name=superior_line(Unit.objects.get_parent(sender)),
        issuer_name=official_name(sender),
        subject=subject,
        late_units=items,
        body=urging_text.body(dist, items, body_name, reply_by),
        reply_by=reply_by,
        authority=clean(authority),
        signer_title=signer_title,
        signer_name=signer_name,
        created_by=user_or_none(actor),
    )
    urging.document = documents.document_create_from_text(
        actor=actor, unit=sender, text=urging_text.plain_text(urging), outgoing=entry
    )
    urging.save(update_fields=["document"])
    payload = {
        "reference": urging.reference,
        "late": [i["unit_id"] for i in items],
        "reply_by": reply_by,
        "document": urging.document_id,
    }
    ledger.append(
        action=events.URGING_ISSUED, subject=urging, actor=actor, unit=sender, payload=payload
    )
    link = reverse("directives:urging_detail", args=[urging.pk])
    notify.send(
        notify.Notice(
            unit_id=a.unit_id,
            key=f"urging:{urging.pk}",
            message=_("%(sender)s đôn đốc (công văn số %(ref)s): %(title)s")
            % {"sender": sender.name, "ref": urging.reference, "title": directive.title},
            link=link,
            directive=directive,
            assignment=a,
        )
        for a in late
    )
    return urging
