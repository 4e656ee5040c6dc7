"""Helpers shared by the initiatives views: object getters for the rules, the form runner."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from doimoi.core.errors import ApplicationError
from doimoi.core.views import once_per_request
from doimoi.initiatives.models import Attachment, Case, RuleSet, TimeLimit
from doimoi.initiatives.selectors import co_proposers


@once_per_request
def get_case(request: HttpRequest, pk: int, **_kwargs: Any) -> Case:
    return get_object_or_404(
        Case.objects.restrict(request.user)
        .select_related("unit", "decider", "proposer", "supervisor", "rule_set")
        .prefetch_related(co_proposers()),
        pk=pk,
    )


def get_attachment_case(request: HttpRequest, pk: int, attachment_pk: int) -> Case:
    case = get_case(request, pk)
    get_object_or_404(Attachment, pk=attachment_pk, case_id=case.pk)
    return case


def get_rule_set(request: HttpRequest, pk: int) -> RuleSet:
    return get_object_or_404(RuleSet, pk=pk)


def get_limit(request: HttpRequest, pk: int) -> TimeLimit:
    return get_object_or_404(TimeLimit.objects.select_related("rule_set"), pk=pk)


def run_form(form: forms.Form, action: Callable[[], Any]) -> Any:
    """Call ``action`` when ``form`` is valid; put a refused change back on the field at fault."""
    if not form.is_bound or not form.is_valid():
        return None
    try:
        return action()
    except ApplicationError as error:
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
        return None
