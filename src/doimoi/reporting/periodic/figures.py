"""The figures of a report, read through the apps' selectors (scoped to the viewer): the 14-KL/TW
mechanism (proposals, decisions, pilots, outcomes, protections, models, replications, rewards) and
the directives received (on time, late, overdue), for a unit's subtree and for each unit below."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import F, Q, QuerySet
from django.utils import timezone, translation

from doimoi.directives.selectors import assignment_list, overdue_q
from doimoi.directives.states import AssignmentState
from doimoi.initiatives.models import (
    Adoption,
    Case,
    Decision,
    DecisionKind,
    Finding,
    Outcome,
    Protection,
    Reward,
)
from doimoi.initiatives.selectors import case_list
from doimoi.initiatives.states import CaseState
from doimoi.organizations.models import Unit
from doimoi.outreach.selectors import totals as outreach_totals
from doimoi.reporting.periodic.periods import Period


def mechanism_rows() -> list[tuple[str, str]]:
    """(key, label) of the mechanism's rows, in Vietnamese (the report is an official text)."""
    with translation.override("vi"):
        return [(key, str(label)) for key, label in _mechanism_rows()]


def _mechanism_rows() -> list[tuple[str, Any]]:
    return [
        ("submitted", "Đề xuất được gửi người đứng đầu"),
        ("approved", "Được quyết định cho thực hiện"),
        ("pilots", "Được quyết định cho thí điểm"),
        ("rejected", "Không được phê duyệt"),
        ("suspended", "Quyết định tạm dừng"),
        ("running", "Đang thực hiện, thí điểm (cuối kỳ)"),
        ("evaluated", "Được đánh giá kết quả"),
        *((f"outcome:{v}", f"— trong đó: {str(label).lower()}") for v, label in Outcome.choices),
        ("protected", "Kết luận bảo vệ"),
        *((f"finding:{v}", f"— trong đó: {str(label).lower()}") for v, label in Finding.choices),
        ("models", "Được công nhận là mô hình"),
        ("adoptions", "Lượt nhân rộng mô hình"),
        ("rewards", "Khen thưởng, khuyến khích được quyết định"),
    ]


DIRECTIVE_ROWS = [
    ("received", "Văn bản chỉ đạo được giao"),
    ("done", "Đã hoàn thành trong kỳ"),
    ("on_time", "— trong đó: đúng hạn"),
    ("late", "— trong đó: trễ hạn"),
    ("overdue", "Quá hạn chưa hoàn thành (cuối kỳ)"),
]
OUTREACH_ROWS = [
    ("outreach_activities", "Hoạt động tuyên truyền"),
    ("outreach_participants", "Lượt người tham dự"),
    ("outreach_audience", "Lượt tiếp cận (nghe, đọc, xem)"),
    ("outreach_sessions", "Buổi học tập, quán triệt"),
    ("outreach_attended", "Đảng viên tham dự học tập, quán triệt"),
    ("outreach_expected", "Đảng viên phải dự (trừ vắng có lý do)"),
]
RUNNING = (CaseState.IN_PROGRESS, CaseState.SUSPENDED)


@dataclass
class UnitFigures:
    """One unit's (or subtree's) counts, keyed as in MECHANISM_ROWS and DIRECTIVE_ROWS."""

    unit: Unit
    counts: dict[str, int] = field(default_factory=dict)

    def __getitem__(self, key: str) -> int:
        return self.counts.get(key, 0)


def _in(period: Period, name: str) -> Q:
    return Q(**{f"{name}__range": (period.start, period.end)})


def _decisions(cases: QuerySet[Case], period: Period, kind: str) -> int:
    qs = Decision.objects.filter(case__in=cases, kind=kind).filter(_in(period, "decided_on"))
    return qs.values("case").distinct().count()


def _outcomes(cases: QuerySet[Case], period: Period) -> dict[str, int]:
    evaluated = cases.filter(_in(period, "evaluated_on"))
    counts = {"evaluated": evaluated.count()}
    for value in Outcome.values:
        counts[f"outcome:{value}"] = evaluated.filter(outcome=value).count()
    return counts


def _protections(cases: QuerySet[Case], period: Period) -> dict[str, int]:
    qs = Protection.objects.filter(case__in=cases, revoked=False).filter(
        _in(period, "decision__decided_on")
    )
    counts = {"protected": qs.count()}
    for value in Finding.values:
        counts[f"finding:{value}"] = qs.filter(finding=value).count()
    return counts


def mechanism(viewer: Any, unit: Unit, period: Period) -> dict[str, int]:
    """The 14-KL/TW mechanism in ``unit``'s subtree over ``period``."""
    cases = case_list(viewer=viewer, unit=unit).exclude(state=CaseState.DRAFT).order_by()
    counts = {
        "submitted": cases.filter(_in(period, "submitted_on")).count(),
        "approved": _decisions(cases, period, DecisionKind.APPROVE),
        "pilots": _decisions(cases, period, DecisionKind.PILOT),
        "rejected": _decisions(cases, period, DecisionKind.REJECT),
        "suspended": _decisions(cases, period, DecisionKind.SUSPEND),
        "running": cases.filter(state__in=RUNNING, started_on__lte=period.end).count(),
        "models": cases.filter(_in(period, "recognized_on")).count(),
        "adoptions": Adoption.objects.filter(model_case__in=cases)
        .filter(_in(period, "adopted_on"))
        .count(),
        "rewards": Reward.objects.filter(case__in=cases, granted=True)
        .filter(_in(period, "decision__decided_on"))
        .count(),
    }
    return counts | _outcomes(cases, period) | _protections(cases, period)


def directives(viewer: Any, unit: Unit, period: Period, directive: Any = None) -> dict[str, int]:
    """Directives received by ``unit``'s subtree in ``period``: done on time, late, overdue."""
    qs = assignment_list(viewer=viewer, directive=directive).filter(unit__path__under=unit.path)
    qs = qs.order_by()
    done = qs.filter(state=AssignmentState.DONE).filter(_in(period, "done_on"))
    as_of = min(period.end, timezone.localdate())
    overdue = qs.filter(received_on__lte=period.end).filter(
        overdue_q(as_of) & ~Q(state=AssignmentState.DONE)
    )
    return {
        "received": qs.filter(_in(period, "received_on")).count(),
        "done": done.count(),
        "on_time": done.filter(done_on__lte=F("due_final")).count(),
        "late": done.filter(done_on__gt=F("due_final")).count(),
        "overdue": overdue.count(),
    }


def outreach(viewer: Any, unit: Unit, period: Period) -> dict[str, int]:
    """Dissemination in ``unit``'s subtree over ``period``'s months (every plan), from outreach."""
    f = outreach_totals(viewer=viewer, root=unit, start=period.start, end=period.end)
    return {
        "outreach_activities": f.activities,
        "outreach_participants": f.participants,
        "outreach_audience": f.audience,
        "outreach_sessions": f.sessions,
        "outreach_attended": f.attended,
        "outreach_expected": f.expected,
    }


def children_of(unit: Unit) -> list[Unit]:
    """The units directly below ``unit``, in tree order."""
    return list(Unit.objects.get_children(unit).order_by("path"))


def unit_figures(
    viewer: Any, unit: Unit, period: Period, topic: str = "kl14", directive: Any = None
) -> UnitFigures:
    counts = directives(viewer, unit, period, directive) | outreach(viewer, unit, period)
    if topic == "kl14":
        counts |= mechanism(viewer, unit, period)
    return UnitFigures(unit, counts)
