"""OpenAPI schemas of the initiatives API; each transition's input is built from its form's fields,
so the API and the pages accept the same data and one form validates both."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any, Literal

from django import forms
from django.utils import translation
from ninja import Schema
from pydantic import Field, create_model

from doimoi.initiatives import states
from doimoi.initiatives.forms import FORMS
from doimoi.initiatives.forms.base import DatesField


class DeadlineOut(Schema):
    label: str
    due: datetime.date | None
    owner: str
    overdue: bool
    confidence: str


class TransitionOut(Schema):
    name: str
    label: str
    url: str


class CaseOut(Schema):
    id: int
    title: str
    state: str
    state_label: str
    regime: str
    rule_set: str
    unit: str
    decider: str | None
    proposer: str
    submitted_on: datetime.date | None
    updated_at: datetime.datetime


class DecisionOut(Schema):
    kind: str
    symbol: str
    decided_on: datetime.date
    override: bool
    content: str
    reasons: str


class CaseIn(Schema):
    unit_id: int = Field(description="Đơn vị công tác của người đề xuất (nơi giữ vai trò).")
    regime: str = Field(description="Chế độ áp dụng: kl14 hoặc nd73.")
    title: str = Field(min_length=1, max_length=255)


class CaseDetailOut(CaseOut):
    dossier: dict[str, str] = {}
    plan: dict[str, Any]
    deadlines: list[DeadlineOut]
    allowed_transitions: list[TransitionOut]
    decisions: list[DecisionOut]
    outcome: str
    damage: bool | None


class ErrorOut(Schema):
    detail: str = ""
    errors: dict[str, list[str]] = {}


class AnswerIn(Schema):
    answer: Literal["yes", "no"]
    note: str
    citation: str = ""


SPECIAL: dict[str, dict[str, Any]] = {
    "answer_checklist": {
        "answers": (
            dict[int, AnswerIn],
            Field(description="Mã nội dung rà soát → kết quả, nhận xét"),
        ),
    },
    "record_vote": {
        "held_on": (datetime.date, Field(description="Ngày họp")),
        "ballots": (
            dict[int, Literal["for", "against", "absent"]],
            Field(description="Mã cán bộ (người đứng đầu, cấp phó) → biểu quyết"),
        ),
    },
}


def _python_type(field: forms.Field) -> Any:
    if isinstance(field, DatesField):
        return list[datetime.date]
    if isinstance(field, forms.ModelMultipleChoiceField):
        return list[int]
    if isinstance(field, forms.ModelChoiceField):
        return int
    if isinstance(field, forms.DateField):
        return datetime.date
    if isinstance(field, forms.DecimalField):
        return Decimal
    if isinstance(field, forms.IntegerField):
        return int
    if isinstance(field, forms.BooleanField):
        return bool
    if isinstance(field, forms.ChoiceField):
        choices: list[tuple[Any, Any]] = list(field.choices)  # type: ignore[arg-type]
        values = tuple(str(v) for v, _label in choices if v != "")
        return Literal[values] if values else str
    return str


def _field(name: str, field: forms.Field, required: bool) -> tuple[Any, Any]:
    kind = _python_type(field)
    description = str(field.label or name)
    if field.help_text:
        description += f" — {field.help_text}"
    if (field.required or required) and not isinstance(field, forms.BooleanField):
        return kind, Field(description=description)
    default = False if kind is bool else None
    return kind | None if default is None else kind, Field(default=default, description=description)


def transition_schema(name: str) -> type[Schema]:
    """The input schema of transition ``name``: the fields of its form."""
    required = set(states.TRANSITIONS[name].required)
    with translation.override("vi"):
        fields = SPECIAL.get(name) or {
            key: _field(key, field, key in required)
            for key, field in FORMS[name].base_fields.items()
        }
        schema: type[Schema] = create_model(f"{_camel(name)}In", __base__=Schema, **fields)
        return schema


def _camel(name: str) -> str:
    return "".join(part.capitalize() for part in name.split("_"))


def transition_description(spec: states.Transition) -> str:
    with translation.override("vi"):
        sources = ", ".join(str(s.label) for s in states.CaseState if s in spec.sources)
        who = ", ".join(str(states.ROLE_LABELS[r]) for r in states.CaseRole if r in spec.roles)
        target = str(spec.target.label) if spec.target else "giữ nguyên trạng thái, thêm hồ sơ"
        return (
            f"{spec.label}. Từ trạng thái: {sources}. Sang: {target}. Người thực hiện: {who}. "
            f"Trường bắt buộc: {', '.join(spec.required) or '—'}."
        )
