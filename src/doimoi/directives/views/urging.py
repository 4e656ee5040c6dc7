"""The urging dispatch: preview the late units, take a number, open the Word file."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from doimoi.compose.names import (
    collective_authority,
    default_place,
    signing_title,
)
from doimoi.core.views import require_rule
from doimoi.directives import selectors, services
from doimoi.directives.forms.reports import UrgingForm
from doimoi.directives.models import Directive, UrgingDispatch
from doimoi.directives.output.urging_doc import urging_docx
from doimoi.directives.rules import SEND_ROLES, acting_units
from doimoi.directives.views.common import directive_of, run, status, urging_directive_of
from doimoi.organizations.models import Membership, Role, Unit
from doimoi.workdays import calendar

REPLY_WORKING_DAYS = 5


def _senders(request: HttpRequest, directive: Directive) -> Any:
    qs = Unit.objects.filter(pk__in=directive.distributions.values("sender_id")).order_by("path")
    if not request.user.is_superuser:
        qs = qs.filter(pk__in=acting_units(request.user, SEND_ROLES))
    return qs


def _initial(request: HttpRequest, senders: Any) -> dict[str, Any]:
    chosen = request.GET.get("don_vi", "")
    sender = senders.filter(pk=chosen).first() if chosen.isdigit() else senders.first()
    initial: dict[str, Any] = {
        "reply_by": calendar.add_working_days(timezone.localdate(), REPLY_WORKING_DAYS)
    }
    if sender is None:
        return initial
    head = (
        Membership.objects.active()
        .filter(unit=sender, role=Role.HEAD)
        .select_related("person")
        .first()
    )
    initial |= {
        "sender": sender,
        "place": default_place(sender),
        "authority": collective_authority(sender),
    }
    if head is not None:
        initial |= {
            "signer_name": head.person.full_name,
            "signer_title": signing_title(head.position_title),
        }
    return initial


@require_rule("directives.urge_directive", directive_of)
def urging_create(request: HttpRequest, pk: int) -> HttpResponse:
    """Show who is late and, on confirmation, issue the numbered urging dispatch."""
    directive = directive_of(request, pk)
    senders = _senders(request, directive)
    form = UrgingForm(request.POST or None, senders=senders, initial=_initial(request, senders))
    urging = run(
        request,
        form,
        lambda: services.urging_issue(actor=request.user, directive=directive, **form.cleaned_data),
        _("Đã ban hành công văn đôn đốc."),
    )
    if urging:
        return redirect("directives:urging_detail", pk=urging.pk)
    sender = form.initial.get("sender")
    late = services.late_recipients(directive, sender, timezone.localdate()) if sender else []
    today = timezone.localdate()
    context = {
        "form": form,
        "directive": directive,
        "late": [{"a": a, "missing": selectors.missing(a, today)} for a in late],
    }
    return render(request, "directives/urging_form.html", context, status=status(request))


def _urging(request: HttpRequest, pk: int) -> UrgingDispatch:
    try:
        return selectors.urging_get(viewer=request.user, pk=pk)
    except UrgingDispatch.DoesNotExist:
        raise Http404 from None


@require_rule("directives.view_directive", urging_directive_of)
def urging_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The urging dispatch: number, late units, and the Word file."""
    return render(request, "directives/urging_detail.html", {"u": _urging(request, pk)})


@require_rule("directives.view_directive", urging_directive_of)
def urging_download(request: HttpRequest, pk: int) -> HttpResponse:
    """The urging dispatch as DOCX in the party layout."""
    urging = _urging(request, pk)
    response = HttpResponse(
        urging_docx(urging),
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    name = urging.reference.replace("/", "-")
    response["Content-Disposition"] = f'attachment; filename="cong-van-don-doc-{name}.docx"'
    return response
