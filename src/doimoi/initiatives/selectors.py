"""Reading cases, always scoped to the viewer; deadlines for the home page; figures for reports."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ObjectDoesNotExist
from django.db import connection
from django.db.models import Count, Exists, OuterRef, Prefetch, QuerySet
from django.utils import timezone

from doimoi.initiatives import states
from doimoi.initiatives.deadlines import Deadline, case_deadlines
from doimoi.initiatives.models import (
    Adoption,
    Case,
    ChecklistAnswer,
    Finding,
    Outcome,
    Protection,
    Referral,
    RuleSet,
)
from doimoi.initiatives.rules import case_roles, co_proposer_known, headed_unit_ids
from doimoi.initiatives.services.common import Context
from doimoi.initiatives.services.guards import guards_pass
from doimoi.initiatives.states import CaseRole, CaseState
from doimoi.organizations.models import Membership, Person, Role, Unit

S = CaseState
DECIDED = (S.APPROVED, S.PILOT_APPROVED, S.REJECTED)
APPROVED_LATER = (
    S.APPROVED, S.PILOT_APPROVED, S.IN_PROGRESS, S.SUSPENDED, S.STOPPED, S.COMPLETED,
    S.REPORTED, S.EVALUATED, S.PROTECTED, S.REFERRED, S.RECOGNIZED,
)  # fmt: skip
WITH_DEADLINES = (S.SUBMITTED, S.IN_PROGRESS, S.COMPLETED, S.STOPPED, S.REPORTED, S.EVALUATED)


def case_list(
    *, viewer: Any, state: str = "", unit: Unit | None = None, query: str = ""
) -> QuerySet[Case]:
    """The cases ``viewer`` may see, newest change first, filtered by state, unit subtree, title."""
    qs = Case.objects.restrict(viewer).select_related("unit", "decider", "proposer", "rule_set")
    if state:
        qs = qs.filter(state=state)
    if unit is not None:
        qs = qs.filter(unit__path__under=unit.path)
    if query:
        qs = qs.filter(title__icontains=query)
    return qs.order_by("-updated_at", "-pk")


# What the list of cases shows of each (its template); the texts, the deciding unit and the
# rule set read with every case cost the page more than the rest of its statement
# (tests/initiatives/test_views.py holds the list to one statement whatever the cases).
ROW_FIELDS = ("title", "state", "updated_at", "unit__name", "proposer__full_name")


def case_rows(*, viewer: Any, state: str = "", query: str = "") -> QuerySet[Case]:
    """``case_list`` as the list page shows it: the columns of its rows only."""
    cases = case_list(viewer=viewer, state=state, query=query).select_related(None)
    return cases.select_related("unit", "proposer").only(*ROW_FIELDS)


def case_get(*, viewer: Any, pk: int) -> Case | None:
    """One case if ``viewer`` may see it."""
    return case_list(viewer=viewer).filter(pk=pk).first()


def rule_sets_in_force(on: datetime.date | None = None) -> list[RuleSet]:
    """The latest version of each regime in force on ``on`` (today by default)."""
    on = on or timezone.localdate()
    found: dict[str, RuleSet] = {}
    for rule_set in RuleSet.objects.filter(valid_from__lte=on).order_by("regime", "-version"):
        found.setdefault(rule_set.regime, rule_set)
    return list(found.values())


def rule_set_list() -> QuerySet[RuleSet]:
    """Every version of every regime, with its limits and items (rules are public)."""
    return RuleSet.objects.prefetch_related("time_limits", "items").order_by("regime", "-version")


# Moves the table allows that make no sense yet for this case: not offered (the service would
# refuse them with the same reason anyway).
RELEVANT: dict[str, Any] = {
    "recognize_model": lambda case: case.outcome == Outcome.COMPLETED,
    "propose_reward": lambda case: case.outcome == Outcome.COMPLETED,
    "decide_reward": lambda case: case.rewards.filter(granted__isnull=True).exists(),
    "report_adoption": lambda case: case.adoptions.exists(),
    "give_support": lambda case: case.problems.filter(support="").exists(),
    "suspend": lambda case: case.rule_set.allows_suspension,
    "resume": lambda case: case.rule_set.allows_suspension,
    "stop": lambda case: case.rule_set.allows_suspension,
}


def allowed_transitions(*, viewer: Any, case: Case) -> list[states.Transition]:
    """What ``viewer`` may do next on ``case``, in the table's order: the moves the table gives
    their roles whose guards would pass now (run without writing)."""
    roles = case_roles(viewer, case)
    found = states.available(case.state, roles)
    ctx = Context(actor=viewer, case=case, data={}, roles=roles)
    return [
        t
        for t in found
        if RELEVANT.get(t.name, lambda _case: True)(case) and guards_pass(ctx, t.guards)
    ]


@dataclass(frozen=True)
class DeadlineRow:
    """A deadline on the home page: the case, what is due, and whether it is late."""

    case: Case
    deadline: Deadline


def _mine(viewer: Any) -> list[int]:
    """The ids of the cases with deadlines that the viewer proposed, co-proposed, supervises or
    decides on: a UNION of one-table index lookups by the viewer's person and headed units,
    written out (the ORM took ~3 ms of Python to build and compile the four-part UNION; PostgreSQL
    plans it in 0.3 ms, where one OR over five joins took 1.5)."""
    q = connection.ops.quote_name
    case, co = q(Case._meta.db_table), q(Case.co_proposers.through._meta.db_table)
    parts: list[str] = []
    params: list[Any] = []
    person = _person_id(viewer)
    if person is not None:
        parts += [
            f"SELECT id FROM {case} WHERE proposer_id = %s",
            f"SELECT case_id FROM {co} WHERE person_id = %s",
            f"SELECT id FROM {case} WHERE supervisor_id = %s",
        ]
        params += [person] * 3
    headed = sorted(headed_unit_ids(viewer))
    if headed:
        parts.append(
            f"SELECT id FROM {case} WHERE decider_id IN ({', '.join(['%s'] * len(headed))})"
        )
        params += headed
    if not parts:
        return []
    states = ", ".join(["%s"] * len(WITH_DEADLINES))
    sql = f"SELECT id FROM {case} WHERE state IN ({states}) AND id IN ({' UNION '.join(parts)})"
    with connection.cursor() as cursor:
        cursor.execute(sql, [*(state.value for state in WITH_DEADLINES), *params])
        return [row[0] for row in cursor.fetchall()]


def _person_id(user: Any) -> int | None:
    try:
        return int(user.person.pk)
    except ObjectDoesNotExist:
        return None


def _concerns(deadline: Deadline, roles: set[CaseRole]) -> bool:
    if deadline.owner in roles:
        return True
    return deadline.owner == CaseRole.PROPOSER and CaseRole.SUPERVISOR in roles


# What the start page reads of a case: its deadlines (``case_deadlines``), whose they are
# (``case_roles``) and its title; a case's page reads the whole case. The texts and the rule set
# read with every case cost a millisecond of the start page (tests/initiatives hold the count).
HOME_FIELDS = (
    "title", "state", "wide_scope", "rule_set", "submitted_on", "completed_on", "reported_on",
    "evaluated_on", "end_on", "unit__path", "decider__path", "proposer__user", "supervisor__user",
)  # fmt: skip


def home_deadlines(*, viewer: Any) -> list[DeadlineRow]:
    """The deadlines that are the viewer's to meet or to watch, overdue first, then soonest."""
    if not viewer.is_authenticated:
        return []
    # first the ids (most users have no case, and their panel stops here); then the cases by
    # id, with whether the viewer co-proposes each (no query per case in case_roles)
    ids = _mine(viewer)
    if not ids:
        return []
    co = Case.co_proposers.through.objects.filter(case_id=OuterRef("pk"), person__user=viewer)
    cases = (
        Case.objects.filter(pk__in=ids)
        .annotate(viewer_co_proposes=Exists(co))
        .select_related("unit", "decider", "proposer", "supervisor")
        .only(*HOME_FIELDS)
    )
    rows = []
    for case in cases:
        co_proposer_known(case, viewer, case.viewer_co_proposes)
        roles = case_roles(viewer, case)
        rows += [
            DeadlineRow(case, d) for d in case_deadlines(case) if d.is_set and _concerns(d, roles)
        ]
    return sorted(rows, key=lambda r: (not r.deadline.overdue, r.deadline.due))


@dataclass
class Figures:
    """Periodic figures of a unit subtree, for the reporting issue."""

    unit: Unit
    start: datetime.date
    end: datetime.date
    by_state: dict[str, int] = field(default_factory=dict)
    submitted: int = 0
    decided: int = 0
    approved: int = 0
    pilots_running: int = 0
    outcomes: dict[str, int] = field(default_factory=dict)
    protections: dict[str, int] = field(default_factory=dict)
    adoptions: int = 0

    @property
    def approval_rate(self) -> float | None:
        return round(100 * self.approved / self.decided, 1) if self.decided else None


def _labelled(qs: QuerySet[Any], field: str, choices: Any) -> dict[str, int]:
    """Counts of ``qs`` by ``field``, keyed by the value's label."""
    counts = qs.values_list(field).annotate(n=Count("pk")).order_by(field)
    return {str(choices(value).label): n for value, n in counts if value}


def case_figures(*, viewer: Any, unit: Unit, start: datetime.date, end: datetime.date) -> Figures:
    """Proposals by state, approval rate, pilots running, outcomes, protections, adoptions."""
    cases = case_list(viewer=viewer, unit=unit).exclude(state=S.DRAFT)
    figures = Figures(unit=unit, start=start, end=end)
    sent = cases.filter(submitted_on__range=(start, end))
    figures.submitted = sent.count()
    figures.by_state = _labelled(sent, "state", CaseState)
    decided = cases.filter(decided_on__range=(start, end))
    figures.decided = decided.count()
    figures.approved = decided.filter(state__in=[s for s in APPROVED_LATER]).count()
    figures.pilots_running = cases.filter(
        is_pilot=True, state__in=[S.IN_PROGRESS, S.SUSPENDED]
    ).count()
    evaluated = cases.filter(evaluated_on__range=(start, end))
    figures.outcomes = _labelled(evaluated, "outcome", Outcome)
    protections = Protection.objects.filter(
        case__in=cases, revoked=False, decision__decided_on__range=(start, end)
    )
    figures.protections = _labelled(protections, "finding", Finding)
    figures.adoptions = Adoption.objects.filter(
        model_case__in=cases, adopted_on__range=(start, end)
    ).count()
    return figures


@dataclass(frozen=True)
class RecognizedCadre:
    """A cadre with a result recognized as completed, for the organization board."""

    unit: Unit
    person_name: str
    case: Case


def recognized_cadres(*, viewer: Any, unit: Unit | None = None) -> list[RecognizedCadre]:
    """Proposers and co-proposers whose proposals were evaluated completed and kept protection."""
    cases = case_list(viewer=viewer, unit=unit).filter(
        outcome=Outcome.COMPLETED, state__in=[S.PROTECTED, S.RECOGNIZED]
    )
    rows = []
    for case in cases.prefetch_related("co_proposers").order_by("unit__path", "title"):
        people = [case.proposer, *case.co_proposers.all()]
        rows += [RecognizedCadre(case.unit, p.full_name, case) for p in people]
    return sorted(rows, key=lambda r: (r.unit.path, r.person_name))


def co_proposers() -> Prefetch[Any]:
    """A case's co-proposers by name, read with the case (its rules and its page use them)."""
    return Prefetch("co_proposers", queryset=Person.objects.order_by("full_name"))


def _lists(case: Case) -> dict[str, Callable[[], QuerySet[Any]]]:
    """The records of ``case`` its page lists, each built only when the case has some."""
    return {
        "attachments": lambda: case.attachments.all(),
        "heads": lambda: _heads(case).select_related("person"),
        "party_opinions": lambda: case.party_opinions.select_related("unit"),
        "checklist": lambda: (
            case.checklist.filter(unit=case.decider)
            .select_related("item")
            .order_by("item__kind", "item__order")
        ),
        "votes": lambda: case.votes.select_related("unit").prefetch_related("ballots__person"),
        "decisions": lambda: case.decisions.select_related("unit", "signer"),
        "pilot_units": lambda: case.pilot_units.order_by("path"),
        "checkpoints": lambda: case.checkpoints.select_related("report"),
        "resources": lambda: case.resources.all(),
        "progress_reports": lambda: case.progress_reports.select_related("checkpoint"),
        "visits": lambda: case.visits.select_related("by"),
        "problems": lambda: case.problems.all(),
        "adoptions": lambda: case.adoptions.select_related("unit"),
        "regulation_proposals": lambda: case.regulation_proposals.all(),
        "rewards": lambda: case.rewards.select_related("person", "decision"),
    }


def case_records(*, case: Case) -> dict[str, Any]:
    """Everything recorded on ``case``, for its page (the caller has checked the viewer may see
    it). Which records it has is asked first, in one statement; only those are read (a case
    just sent has almost none)."""
    lists = _lists(case)
    firsts = {"protection": _protection, "referral": _referral}
    present = _present(case, [*lists, *firsts])
    records: dict[str, Any] = {
        name: list(rows()) if present[name] else [] for name, rows in lists.items()
    }
    records.update(
        {name: rows(case).first() if present[name] else None for name, rows in firsts.items()}
    )
    records["heads"] = [m.person for m in records["heads"]]
    co = case.co_proposers
    records["co_proposers"] = list(co.all() if _read(case) else co.order_by("full_name"))
    return records


def _heads(case: Case) -> QuerySet[Membership]:
    return Membership.objects.active().filter(unit=case.decider, role=Role.HEAD)


def _present(case: Case, names: list[str]) -> dict[str, bool]:
    """Which of the records ``names`` ``case`` has, in one statement. Its subqueries are written
    out from the relations that hold the records: built as seventeen querysets and compiled,
    they cost the page more than the statement and the records read after it."""
    parts, params = [], []
    for name in names:
        sql, args = _exists(case, name)
        parts.append(f"EXISTS({sql})")
        params += args
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {', '.join(parts)}", params)
        row = cursor.fetchone()
    return {name: bool(found) for name, found in zip(names, row, strict=True)}


def _exists(case: Case, name: str) -> tuple[str, list[Any]]:
    """A subquery with a row when ``case`` has a record ``name`` (as ``_lists`` reads it)."""
    if name == "heads":  # the head in office today, of the unit that decides
        heads, heads_args = _heads(case).values("pk").query.sql_with_params()
        return heads, list(heads_args)
    table, column = _holder(name)
    quote = connection.ops.quote_name
    sql = f"SELECT 1 FROM {quote(table)} WHERE {quote(column)} = %s"
    args: list[Any] = [case.pk]
    if name == "checklist":  # the answers of the unit that decides
        unit = ChecklistAnswer._meta.get_field("unit").column
        sql, args = f"{sql} AND {quote(unit)} = %s", [case.pk, case.decider_id]
    return sql, args


def _holder(name: str) -> tuple[str, str]:
    """The table of ``name``'s rows and its column naming the case."""
    relation: Any = Case._meta.get_field(name)
    if relation.many_to_many:  # pilot_units: the case's own field, rows in its link table
        return relation.remote_field.through._meta.db_table, relation.m2m_column_name()
    return relation.related_model._meta.db_table, relation.field.column


def _read(case: Case) -> bool:
    """The case was read with its co-proposers (``co_proposers()``)."""
    return "co_proposers" in getattr(case, "_prefetched_objects_cache", {})


def _protection(case: Case) -> QuerySet[Protection]:
    return Protection.objects.filter(case=case).select_related("decision")


def _referral(case: Case) -> QuerySet[Referral]:
    return Referral.objects.filter(case=case).select_related("prohibited_act", "by")
