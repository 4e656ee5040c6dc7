"""What an assignment's page lists besides the assignment (its sendings on, the units they went
to, its requirements, tasks and reports), each read by a statement compiled once per process.

Each statement depends on one id alone (the assignment's, or its sending's): building and
compiling its queryset cost ten times what running it did (0.5-1 ms of Python against 0.07 for
each of the page's five on PostgreSQL). The querysets are compiled with a stand-in id, which
must be their only parameter, and the rows read through ``raw()``, which converts each column as
the ORM does; a related row the page names is read as columns of the same statement."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from django.db.models import Count, F, Model, QuerySet, prefetch_related_objects

from doimoi.core.statements import Statements, instance, with_stand_ins
from doimoi.directives.models import Assignment, Distribution, Report, Requirement, Task
from doimoi.documents.models import Document

M = TypeVar("M", bound=Model)

_KEPT = Statements(16)
_STAND_IN = -7001  # an id no row has, compiled into the statement's only parameter


def _kept(key: str, build: Callable[[int], QuerySet[M]]) -> str:
    """The SQL of ``build(id)``, compiled once with the stand-in id, for the id given later."""
    return _KEPT.get(key, lambda: with_stand_ins(build(_STAND_IN), [_STAND_IN]))[0]


def _rows(key: str, model: type[M], build: Callable[[int], QuerySet[M]], pk: int) -> list[M]:
    return list(model._default_manager.raw(_kept(key, build), [pk]))


_DOCUMENT = ("number", "symbol", "kind")  # what Document.reference is made of


def _sendings(pk: int) -> QuerySet[Distribution]:
    return (
        Distribution.objects.filter(parent_id=pk)
        .only("id", "sent_on", "document_id")
        .annotate(
            n=Count("assignments"),
            **{f"document_{name}": F(f"document__{name}") for name in _DOCUMENT},
        )
        .order_by("sent_on", "pk")
    )


def _children(pk: int) -> QuerySet[Assignment]:
    return (
        Assignment.objects.filter(parent_id=pk)
        .only("id", "state")
        .annotate(unit_name=F("unit__name"))
        .order_by("unit__path")
    )


def _requirements(pk: int) -> QuerySet[Requirement]:
    return Requirement.objects.filter(distribution_id=pk).order_by("pk")


def _tasks(pk: int) -> QuerySet[Task]:
    return Task.objects.filter(assignment_id=pk).order_by("number", "pk")


def _reports(pk: int) -> QuerySet[Report]:
    return (
        Report.objects.filter(assignment_id=pk)
        .annotate(task_number=F("task__number"))
        .order_by("-submitted_on", "-pk")
    )


def sendings_of(a: Assignment) -> list[Distribution]:
    """The sendings ``a``'s unit made from it, each with ``n`` (units it went to) and its
    document's number, symbol and kind (what the page names it by)."""
    sendings = _rows("sendings", Distribution, _sendings, a.pk)
    for s in sendings:
        s.document = _document(s)
    return sendings


def _document(s: Distribution) -> Document:
    """The sending's document with the columns its reference is made of (the rest deferred)."""
    names = {name: getattr(s, f"document_{name}") for name in _DOCUMENT}
    return instance(Document, id=s.document_id, **names)


def children_of(a: Assignment) -> list[Assignment]:
    """The assignments sent on from ``a``, with ``unit_name``, by the unit's place in the tree."""
    return _rows("children", Assignment, _children, a.pk)


def requirements_of(a: Assignment) -> list[Requirement]:
    return _rows("requirements", Requirement, _requirements, a.distribution_id)


def tasks_of(a: Assignment) -> list[Task]:
    return _rows("tasks", Task, _tasks, a.pk)


def reports_of(a: Assignment) -> list[Report]:
    """``a``'s reports, the latest first, with ``task_number`` and their attachments."""
    reports = _rows("reports", Report, _reports, a.pk)
    prefetch_related_objects(reports, "attachments")
    return reports
