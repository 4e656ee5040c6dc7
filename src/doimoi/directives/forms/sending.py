"""Choosing the recipients and the requirements of a sending."""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from doimoi.directives.forms.common import (
    BaseForm,
    UnitChoice,
    UnitsChoice,
    date_field,
    set_queryset,
)
from doimoi.directives.models import KINDS, Period, RequirementKind
from doimoi.directives.services import RequirementSpec, recipients_matching
from doimoi.directives.services.sending import scope_paths
from doimoi.organizations.models import Unit, UnitKind, UnitLevel

BLANK: list[tuple[str, Any]] = [("", "—")]


PICK_LEVELS = 2  # units picked by hand: two levels down; deeper ones by kind, level or branch


def candidates(sender: Unit) -> Any:
    """Units the sender may pick by hand: two levels of its subtree (a serving board: of its
    committee's); a national sender reaches the rest by kind and level or by branch."""
    scope = Q()
    for path in scope_paths(sender):
        depth = len(path) // Unit.steplen
        scope |= Q(path__under=path, depth__lte=depth + PICK_LEVELS)
    above = [sender.path[:i] for i in range(Unit.steplen, len(sender.path) + 1, Unit.steplen)]
    return Unit.objects.filter(scope).exclude(path__in=above).order_by("path")


class SendingForm(BaseForm):
    """Recipients (by hand, by kind and level, or all under a unit) and requirements with deadlines."""

    recipients = UnitsChoice(
        label=_("Chọn đơn vị nhận"),
        queryset=Unit.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    by_kind = forms.ChoiceField(
        label=_("Hoặc mọi đơn vị thuộc loại"), choices=BLANK + UnitKind.choices, required=False
    )
    by_level = forms.ChoiceField(
        label=_("ở cấp"), choices=BLANK + UnitLevel.choices, required=False
    )
    under = UnitChoice(
        label=_("Hoặc mọi đơn vị trực thuộc (mọi cấp) của"),
        queryset=Unit.objects.none(),
        required=False,
    )
    sent_on = date_field(
        _("Ngày gửi"),
        help_text=_("Ghi ngày trước hôm nay khi nhập lại việc đã gửi trên giấy."),
    )
    note = forms.CharField(
        label=_("Ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args: Any, sender: Unit, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {}).setdefault("sent_on", timezone.localdate())
        super().__init__(*args, **kwargs)
        self.sender = sender
        units = candidates(sender)
        set_queryset(self, "recipients", units)
        set_queryset(self, "under", units)
        for kind in KINDS:
            label = RequirementKind(kind).label
            self.fields[f"{kind}_days"] = forms.IntegerField(
                label=_("%(req)s: trong số ngày làm việc") % {"req": label},
                required=False,
                min_value=1,
                max_value=365,
            )
            self.fields[f"{kind}_date"] = date_field(
                _("%(req)s: hoặc trước ngày") % {"req": label}, required=False
            )
        self.fields["tasks_note"] = forms.CharField(
            label=_("Các nhiệm vụ cụ thể, mỗi dòng một nhiệm vụ"),
            required=False,
            widget=forms.Textarea(attrs={"rows": 3}),
        )
        self.fields["report_period"] = forms.ChoiceField(
            label=_("Báo cáo định kỳ"), choices=Period.choices, initial=Period.ONCE
        )
        self.fields["report_until"] = date_field(_("Báo cáo định kỳ đến ngày"), required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        tasks_due = data.get("tasks_days") is not None or data.get("tasks_date") is not None
        if data.get("tasks_note") and not tasks_due:  # a task list without a deadline was lost
            self.add_error(
                "tasks_days",
                _(
                    "Đã ghi các nhiệm vụ cụ thể: ghi thời hạn của yêu cầu «%(req)s» (số ngày "
                    "làm việc hoặc ngày)."
                )
                % {"req": RequirementKind.TASKS.label},
            )
        return data

    def requirement_rows(self) -> list[tuple[Any, Any, Any]]:
        """(label, days field, date field) per requirement kind, for the template's table."""
        return [(RequirementKind(k).label, self[f"{k}_days"], self[f"{k}_date"]) for k in KINDS]

    def chosen_units(self) -> list[Unit]:
        """The union of the units picked by hand, by kind and level, and all under a unit."""
        data = self.cleaned_data
        day: datetime.date = data["sent_on"]
        units = {u.pk: u for u in data.get("recipients") or []}
        if data.get("by_kind") or data.get("by_level"):
            matched = recipients_matching(
                self.sender, day=day, kind=data.get("by_kind", ""), level=data.get("by_level", "")
            )
            units.update({u.pk: u for u in matched})
        if data.get("under") is not None:
            units.update(
                {u.pk: u for u in recipients_matching(self.sender, day=day, under=data["under"])}
            )
        return list(units.values())

    def requirements(self) -> list[RequirementSpec]:
        """A requirement for each kind given a deadline (in working days or as a date)."""
        data, specs = self.cleaned_data, []
        for kind in KINDS:
            days, date = data.get(f"{kind}_days"), data.get(f"{kind}_date")
            if days is None and date is None:
                continue
            report = kind == RequirementKind.REPORT
            specs.append(
                RequirementSpec(
                    kind=kind,
                    days=days,
                    date=date,
                    period=data["report_period"] if report else Period.ONCE,
                    until=data.get("report_until") if report else None,
                    note=data.get("tasks_note", "") if kind == RequirementKind.TASKS else "",
                )
            )
        return specs
