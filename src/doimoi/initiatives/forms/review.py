"""The reviewer's checklist and the collective's vote: forms whose fields depend on the case."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from doimoi.initiatives.forms.base import TransitionForm, date_field
from doimoi.initiatives.models import Answer, Choice, ItemKind
from doimoi.initiatives.services.guards import checklist_items
from doimoi.initiatives.services.review import voters


class ChecklistForm(TransitionForm):
    """An answer and a note for each condition and legality item of the rule set."""

    def setup(self) -> None:
        answered = {a.item_id: a for a in self.case.checklist.filter(unit=self.case.decider)}
        for item in checklist_items(self.case):
            given = answered.get(item.pk)
            kind = _("Điều kiện") if item.kind == ItemKind.CONDITION else _("Tính hợp pháp")
            self.fields[f"item_{item.pk}_answer"] = forms.ChoiceField(
                label=f"{kind} — {item.label}",
                choices=[("", "—"), *Answer.choices],
                initial=given.answer if given else "",
            )
            self.fields[f"item_{item.pk}_note"] = forms.CharField(
                label=_("Nhận xét — %(item)s") % {"item": item.short_label},
                widget=forms.Textarea(attrs={"rows": 2}),
                initial=given.note if given else "",
            )
            self.fields[f"item_{item.pk}_citation"] = forms.CharField(
                label=_("Văn bản dẫn chiếu — %(item)s") % {"item": item.short_label},
                help_text=_("Ví dụ 1335-CV/TU: văn bản đã có trong mục Văn bản được liên kết."),
                required=False,
                max_length=255,
                initial=given.citation if given else "",
            )

    @classmethod
    def api_data(cls, payload: dict[str, Any]) -> dict[str, Any]:
        data = {}
        for pk, given in (payload.get("answers") or {}).items():
            for part in ("answer", "note", "citation"):
                data[f"item_{pk}_{part}"] = given.get(part) or ""
        return data

    def service_data(self) -> dict[str, Any]:
        answers: dict[int, dict[str, Any]] = {}
        for name, value in self.cleaned_data.items():
            _prefix, pk, part = name.split("_", 2)
            answers.setdefault(int(pk), {})[part] = value
        return {"answers": answers}


class VoteForm(TransitionForm):
    """The meeting date and each member's vote (the proposer, if a deputy, does not vote)."""

    held_on = date_field(_lazy("Ngày họp"))

    def setup(self) -> None:
        for person, is_head in voters(self.case):
            role = _("người đứng đầu") if is_head else _("cấp phó")
            self.fields[f"voter_{person.pk}"] = forms.ChoiceField(
                label=f"{person.full_name} ({role})", choices=[("", "—"), *Choice.choices]
            )

    @classmethod
    def api_data(cls, payload: dict[str, Any]) -> dict[str, Any]:
        ballots = payload.get("ballots") or {}
        return {"held_on": payload.get("held_on")} | {f"voter_{k}": v for k, v in ballots.items()}

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        strangers = [k for k in self.data if k.startswith("voter_") and k not in self.fields]
        if strangers:  # never drop a vote silently (a proposer who is a deputy does not vote)
            raise forms.ValidationError(
                _("Chỉ người đứng đầu và cấp phó (không phải người đề xuất) biểu quyết.")
            )
        return cleaned

    def service_data(self) -> dict[str, Any]:
        ballots = {
            int(name.removeprefix("voter_")): value
            for name, value in self.cleaned_data.items()
            if name.startswith("voter_")
        }
        return {"held_on": self.cleaned_data["held_on"], "ballots": ballots}
