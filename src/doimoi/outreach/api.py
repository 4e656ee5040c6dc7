"""REST endpoints of the outreach app (mounted under /api/v1/outreach/): log and list activities,
list plans and forms. Everything reads through the viewer's scope; a unit or plan the user does
not see answers 404, as a missing one."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import ninja
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from doimoi.core.errors import ApplicationError
from doimoi.organizations.models import Unit
from doimoi.organizations.scope import scope_of
from doimoi.outreach import selectors, services
from doimoi.outreach.models import Activity, ContentItem, Form

router = Router(tags=["outreach"])
# Newer django-ninja names an explicit status; older versions take a (status, body) tuple.
Status: Any = getattr(ninja, "Status", None)


def _status(code: int, body: dict[str, Any]) -> Any:
    return Status(code, body) if Status is not None else (code, body)


MAX_COUNT = 100_000_000


class ErrorOut(Schema):
    detail: str


REFUSALS: dict[int, Any] = {400: ErrorOut, 403: ErrorOut, 404: ErrorOut}


class ActivityIn(Schema):
    unit_id: int
    form_id: int
    held_on: datetime.date
    title: str = Field(..., max_length=300)
    plan_id: int | None = None
    item_ids: list[int] = []
    place: str = Field("", max_length=300)
    cadres: int = Field(0, ge=0, le=MAX_COUNT)
    party_members: int = Field(0, ge=0, le=MAX_COUNT)
    people: int = Field(0, ge=0, le=MAX_COUNT)
    audience: int = Field(0, ge=0, le=MAX_COUNT)
    excused: int = Field(0, ge=0, le=MAX_COUNT)
    attended: int = Field(0, ge=0, le=MAX_COUNT)
    link: str = Field("", max_length=500)
    notes: str = Field("", max_length=4000)


class ActivityOut(Schema):
    id: int
    unit_id: int
    unit: str
    form_id: int
    form: str
    plan_id: int | None
    item_ids: list[int]
    held_on: datetime.date
    title: str
    place: str
    cadres: int
    party_members: int
    people: int
    audience: int
    study: bool
    members: int
    excused: int
    attended: int
    link: str
    has_photo: bool


class ActivityFilter(Schema):
    unit_id: int | None = None
    plan_id: int | None = None
    start: datetime.date | None = None
    end: datetime.date | None = None
    limit: int = Field(100, ge=1, le=500)
    offset: int = Field(0, ge=0)


class PlanOut(Schema):
    id: int
    reference: str
    title: str
    unit_id: int
    starts_on: datetime.date
    ends_on: datetime.date
    confirmed: bool
    items: list[dict[str, Any]]
    form_ids: list[int]


class FormOut(Schema):
    id: int
    name: str
    study: bool
    active: bool


@contextmanager
def _errors() -> Iterator[None]:
    try:
        yield
    except ApplicationError as error:
        detail = "; ".join(f"{f}: {' '.join(m)}" for f, m in error.message_dict.items())
        raise HttpError(400, detail) from error
    except PermissionDenied as error:
        raise HttpError(
            403, str(error) or _("Bạn không có quyền thực hiện thao tác này.")
        ) from error


def _out(a: Activity) -> dict[str, Any]:
    return {
        "id": a.pk,
        "unit_id": a.unit_id,
        "unit": a.unit.name,
        "form_id": a.form_id,
        "form": a.form.name,
        "plan_id": a.plan_id,
        "item_ids": [i.pk for i in a.items.all()],
        "held_on": a.held_on,
        "title": a.title,
        "place": a.place,
        "cadres": a.cadres,
        "party_members": a.party_members,
        "people": a.people,
        "audience": a.audience,
        "study": a.study,
        "members": a.members,
        "excused": a.excused,
        "attended": a.attended,
        "link": a.link,
        "has_photo": a.photo_id is not None,
    }


def _unit(request: HttpRequest, pk: int) -> Unit:
    unit = Unit.objects.filter(pk=pk).first()
    if unit is None or not scope_of(request.user).covers(unit):
        raise HttpError(404, _("Không tìm thấy đơn vị."))
    return unit


@router.get("/activities", response={200: list[ActivityOut], 404: ErrorOut})
def activity_list(request: HttpRequest, filters: Query[ActivityFilter]) -> Any:
    """Activities the user sees, newest first, in a unit's subtree, for a plan, between dates."""
    unit = _unit(request, filters.unit_id) if filters.unit_id is not None else None
    plan = None
    if filters.plan_id is not None:
        plan = selectors.plan_get(viewer=request.user, pk=filters.plan_id)
        if plan is None:
            raise HttpError(404, _("Không tìm thấy kế hoạch."))
    qs = selectors.activity_list(
        viewer=request.user, unit=unit, plan=plan, start=filters.start, end=filters.end
    ).prefetch_related("items")
    return [_out(a) for a in qs[filters.offset : filters.offset + filters.limit]]


@router.post("/activities", response={201: ActivityOut, **REFUSALS})
def activity_log(request: HttpRequest, data: ActivityIn) -> Any:
    """Log an activity (a study session when its form is one) for a unit."""
    unit = _unit(request, data.unit_id)
    form = Form.objects.filter(pk=data.form_id).first()
    if form is None:
        raise HttpError(404, _("Không tìm thấy hình thức."))
    plan = None
    if data.plan_id is not None:
        plan = selectors.plan_get(viewer=request.user, pk=data.plan_id)
        if plan is None:
            raise HttpError(404, _("Không tìm thấy kế hoạch."))
    items = list(ContentItem.objects.filter(pk__in=data.item_ids, plan=plan)) if plan else []
    if len(items) != len(set(data.item_ids)):
        raise HttpError(400, _("item_ids: nội dung không thuộc kế hoạch đã chọn."))
    fields = data.dict(exclude={"unit_id", "form_id", "plan_id", "item_ids"})
    spec = services.ActivitySpec(unit=unit, form=form, plan=plan, items=items, **fields)
    with _errors():
        activity = services.activity_log(actor=request.user, spec=spec)
    return _status(201, _out(activity))


@router.get("/plans", response=list[PlanOut])
def plan_list(request: HttpRequest) -> list[dict[str, Any]]:
    """The dissemination plans the user sees, with their content items and forms."""
    plans = selectors.plan_list(viewer=request.user).prefetch_related("items", "forms")
    return [
        {
            "id": p.pk,
            "reference": p.document.reference,
            "title": p.title,
            "unit_id": p.unit_id,
            "starts_on": p.starts_on,
            "ends_on": p.ends_on,
            "confirmed": p.confirmed_at is not None,
            "items": [
                {"id": i.pk, "number": i.number, "group": i.group, "text": i.text}
                for i in p.items.all()
            ],
            "form_ids": [f.pk for f in p.forms.all()],
        }
        for p in plans
    ]


@router.get("/forms", response=list[FormOut])
def form_list(request: HttpRequest) -> list[dict[str, Any]]:
    """The managed list of forms."""
    return [
        {"id": f.pk, "name": f.name, "study": f.study, "active": f.active}
        for f in Form.objects.all()
    ]
