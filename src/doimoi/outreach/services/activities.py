"""Logging an activity (or a study session) for a unit, and taking one back."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from doimoi.core.errors import ApplicationError
from doimoi.core.services import clean, dmy, require, today, user_or_none
from doimoi.documents.models import Citation, Relation
from doimoi.ledger import services as ledger
from doimoi.organizations.closed import require_in_force
from doimoi.organizations.models import Unit
from doimoi.outreach import events
from doimoi.outreach.models import Activity, ContentItem, Form, Plan
from doimoi.outreach.services.evidence import file_keep, photo_keep
from doimoi.outreach.services.tally import tally_add


@dataclass
class ActivitySpec:
    """What a unit reports about one activity (the form's fields, checked by the service)."""

    unit: Unit
    form: Form
    held_on: datetime.date
    title: str
    plan: Plan | None = None
    items: list[ContentItem] = field(default_factory=list)
    place: str = ""
    cadres: int = 0
    party_members: int = 0
    people: int = 0
    audience: int = 0
    study: bool = False
    members: int | None = None  # a study session: the unit's member count on the day (default:
    excused: int = 0  # the unit's), the members excused, and those who attended
    attended: int = 0
    link: str = ""
    notes: str = ""
    photo: tuple[str, bytes] | None = None  # (file name, bytes)
    file: tuple[str, bytes] | None = None
    import_key: str = ""


def _check_plan(spec: ActivitySpec, viewer: Any) -> None:
    hidden = spec.plan is not None and viewer is not None
    if hidden and not Plan.objects.restrict(viewer).filter(pk=spec.plan.pk).exists():  # type: ignore[union-attr]
        raise ApplicationError({"plan": _("Chọn một kế hoạch đơn vị được xem.")})
    if spec.items and spec.plan is None:
        raise ApplicationError({"items": _("Chọn kế hoạch trước khi chọn nội dung.")})
    if any(item.plan_id != spec.plan.pk for item in spec.items if spec.plan is not None):
        raise ApplicationError({"items": _("Nội dung đã chọn không thuộc kế hoạch này.")})


def _check_link(link: str) -> None:
    if link and not link.lower().startswith(("http://", "https://")):
        raise ApplicationError(
            {"link": _("Đường dẫn phải bắt đầu bằng http:// hoặc https:// (bài đăng của đơn vị).")}
        )


def _check_study(spec: ActivitySpec) -> None:
    spec.study = spec.study or spec.form.study
    if not spec.study:
        return
    if spec.plan is None:
        raise ApplicationError({"plan": _("Buổi học tập, quán triệt phải gắn với một kế hoạch.")})
    members = spec.unit.member_count if spec.members is None else spec.members
    if spec.excused > members:
        raise ApplicationError(
            {
                "excused": _("Số vắng có lý do (%(n)s) lớn hơn số đảng viên, hội viên (%(m)s).")
                % {"n": spec.excused, "m": members}
            }
        )
    if spec.attended > members - spec.excused:
        raise ApplicationError(
            {
                "attended": _(
                    "Số tham dự (%(n)s) lớn hơn số phải dự (%(m)s = tổng số trừ vắng có lý do)."
                )
                % {"n": spec.attended, "m": members - spec.excused}
            }
        )
    spec.members = members
    if not (spec.cadres or spec.party_members or spec.people):
        spec.party_members = spec.attended  # those who attended are the unit's members


def check(spec: ActivitySpec, viewer: Any = None) -> None:
    """Validate ``spec`` (what the form and the import share); raises ApplicationError."""
    spec.title, spec.place, spec.notes = clean(spec.title), clean(spec.place), clean(spec.notes)
    spec.link = clean(spec.link)
    if not spec.title:
        raise ApplicationError({"title": _("Nhập tên hoạt động.")})
    if spec.held_on > today():
        raise ApplicationError(
            {"held_on": _("Ngày %(date)s chưa đến.") % {"date": dmy(spec.held_on)}}
        )
    require_in_force(spec.unit, spec.held_on, field="unit")
    if not spec.form.active:
        raise ApplicationError(
            {"form": _("Hình thức «%(name)s» không còn dùng.") % {"name": spec.form}}
        )
    _check_plan(spec, viewer)
    _check_link(spec.link)
    _check_study(spec)


def _create(spec: ActivitySpec, actor: Any) -> Activity:
    activity = Activity(
        unit=spec.unit,
        plan=spec.plan,
        form=spec.form,
        held_on=spec.held_on,
        title=spec.title,
        place=spec.place,
        cadres=spec.cadres,
        party_members=spec.party_members,
        people=spec.people,
        audience=spec.audience,
        study=spec.study,
        members=spec.members or 0,
        excused=spec.excused,
        attended=spec.attended,
        link=spec.link,
        notes=spec.notes,
        import_key=spec.import_key,
        created_by=user_or_none(actor),
    )
    if spec.photo is not None:
        activity.photo = photo_keep(spec.photo[1], spec.photo[0])
    if spec.file is not None:
        activity.file = file_keep(spec.file[1], spec.file[0])
    try:
        with transaction.atomic():
            activity.save()
    except IntegrityError as error:
        raise ApplicationError(
            {
                "plan": _("%(unit)s đã ghi nhận buổi học tập, quán triệt kế hoạch này.")
                % {"unit": spec.unit.name}
            }
        ) from error
    activity.items.set(spec.items)
    return activity


def studied_documents(plan: Plan) -> list[int]:
    """The documents a study session of ``plan`` brings to its unit: the plan's own and those it
    carries out (a plan to study 14-KL/TW answers 14-KL/TW's study requirement)."""
    carried = Citation.objects.filter(
        source_id=plan.document_id, relation__in=[Relation.IMPLEMENTS, Relation.BASIS]
    ).values_list("target_id", flat=True)
    return [plan.document_id, *sorted(carried)]


def record(spec: ActivitySpec, actor: Any) -> Activity:
    """Check, write, tally and record one activity, in the caller's transaction."""
    check(spec, actor)
    activity = _create(spec, actor)
    tally_add([activity])
    payload: dict[str, Any] = {
        "unit": spec.unit.pk,
        "form": spec.form.pk,
        "plan": spec.plan.pk if spec.plan else None,
        "held_on": spec.held_on,
    }
    verb = events.ACTIVITY_LOGGED
    if spec.study and spec.plan is not None:
        verb = events.STUDY_RECORDED
        payload |= {"documents": studied_documents(spec.plan), "attended": spec.attended}
    ledger.append(action=verb, subject=activity, actor=actor, unit=spec.unit, payload=payload)
    return activity


@transaction.atomic
def activity_log(*, actor: Any, spec: ActivitySpec) -> Activity:
    """A unit logs one activity or study session (from the phone form, the page or the API)."""
    require(actor, "outreach.log_activity", spec.unit)
    return record(spec, actor)


@transaction.atomic
def activity_delete(*, actor: Any, activity: Activity) -> None:
    """Take back an activity logged by mistake: its tallies go with it."""
    require(actor, "outreach.log_activity", activity.unit)
    activity = (
        Activity.objects.select_for_update(of=("self",)).select_related("unit").get(pk=activity.pk)
    )
    tally_add([activity], sign=-1)
    ledger.append(
        action=events.ACTIVITY_DELETED,
        subject=activity,
        actor=actor,
        unit=activity.unit,
        payload={"title": activity.title, "held_on": activity.held_on},
    )
    activity.items.clear()
    activity.delete()
