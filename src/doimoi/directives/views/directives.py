"""Directive pages: the list, creating one, sending it, its cascade with rollups, the export."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from doimoi.core.views import HtmxHttpRequest, link_parts, links, require_rule
from doimoi.directives import selectors, services
from doimoi.directives.forms.filters import CascadeFilterForm
from doimoi.directives.forms.reports import DirectiveForm
from doimoi.directives.forms.sending import SendingForm
from doimoi.directives.models import Assignment
from doimoi.directives.output.xlsx import cascade_xlsx
from doimoi.directives.selectors import Scope
from doimoi.directives.views.common import directive_of, run, status
from doimoi.organizations import selectors as org_selectors
from doimoi.organizations.scope import kept

LATE_SHOWN = 30  # at a time: the next ones come with «Xem thêm» (htmx), all of them in the XLSX
NODES_SHOWN = 300
STAMPS = {"results": "cascade_token", "events": "timeline_token"}  # read by views.common


@require_rule("directives.view_directives")
def directive_list(request: HttpRequest) -> HttpResponse:
    """Directives the user's units issued or received."""
    context = {
        "directives": selectors.directive_list(viewer=request.user)[:200],
        "units": org_selectors.units_of_user(user=request.user),
        "can_create": request.user.has_perm("directives.start_directive"),
    }
    context["detail_head"], context["detail_tail"] = link_parts("directives:directive_detail")
    return render(request, "directives/directive_list.html", context)


@require_rule("directives.start_directive")
def directive_create(request: HttpRequest) -> HttpResponse:
    """Make a document a directive of one of the user's units."""
    form = DirectiveForm(
        request.POST or None, viewer=request.user, initial={"document": request.GET.get("van_ban")}
    )
    directive = run(
        request,
        form,
        lambda: services.directive_create(actor=request.user, **form.cleaned_data),
        _("Đã tạo văn bản chỉ đạo. Hãy chọn đơn vị nhận và yêu cầu."),
    )
    if directive:
        return redirect("directives:directive_distribute", pk=directive.pk)
    return render(request, "directives/directive_form.html", {"form": form}, status=status(request))


@require_rule("directives.distribute_directive", directive_of)
def directive_distribute(request: HttpRequest, pk: int) -> HttpResponse:
    """The issuer sends its directive to units, with requirements and deadlines."""
    directive = directive_of(request, pk)
    form = SendingForm(request.POST or None, sender=directive.issuer)
    sent = run(
        request,
        form,
        lambda: services.directive_distribute(
            actor=request.user,
            directive=directive,
            recipients=form.chosen_units(),
            requirements=form.requirements(),
            sent_on=form.cleaned_data["sent_on"],
            note=form.cleaned_data["note"],
        ),
        _("Đã gửi văn bản chỉ đạo."),
    )
    if sent:
        return redirect("directives:directive_detail", pk=directive.pk)
    context = {"form": form, "directive": directive, "sender": directive.issuer}
    return render(request, "directives/sending_form.html", context, status=status(request))


def _scope(request: HttpRequest, directive: Any, filters: CascadeFilterForm | None = None) -> Scope:
    filters = filters or CascadeFilterForm(request.GET, viewer=request.user)
    return Scope(directive=directive, viewer=request.user, **filters.chosen())


def _rows(nodes: list[Assignment], counts: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    if not nodes:
        return []
    today, detail = timezone.localdate(), links("directives:assignment_detail")
    below = links("directives:cascade_children", nodes[0].directive_id)
    return [
        {
            "a": n,
            "sub": counts.get(n.unit.path, {}),
            "late": selectors.missing(n, today),
            "url": detail(n.pk),
            "below": below(n.pk),
        }
        for n in nodes
    ]


def _nodes(scope: Scope, parent: Assignment) -> list[dict[str, Any]]:
    nodes = list(selectors.cascade_nodes(scope, parent)[:NODES_SHOWN])
    today = timezone.localdate()
    return _rows(nodes, selectors.subtree_counts(scope, nodes, today=today) if nodes else {})


def _late(request: HttpRequest, scope: Scope) -> dict[str, Any]:
    """Late units from the ``tre_tu``-th on, ``LATE_SHOWN`` of them, and the query of the next."""
    today, start = timezone.localdate(), request.GET.get("tre_tu", "")
    start_at = int(start) if start.isdigit() else 0
    rows = selectors.late_page(scope, today=today, start=start_at, count=LATE_SHOWN + 1)
    more = request.GET.copy()
    more["tre_tu"] = str(start_at + LATE_SHOWN)
    detail = links("directives:assignment_detail")
    return {
        "late": [
            {"a": a, "missing": selectors.missing(a, today), "url": detail(a.pk)}
            for a in rows[:LATE_SHOWN]
        ],
        "late_more": more.urlencode() if len(rows) > LATE_SHOWN else "",
    }


def _kept(
    request: HttpRequest,
    directive: Any,
    part: str,
    context: Callable[[], dict[str, Any]],
    *,
    filtered: bool = False,
) -> str:
    """The page's ``part`` rendered, kept for the day under the directive's cascade stamp (its
    timeline stamp for the timeline) and the viewer's scope stamp (and the filters asked): the
    national rollup scans every assignment of the directive, and most views of a page find
    nothing changed since the last. The stamps change with every write to the directive's
    assignments, tasks and reports (the timeline's: but an assignment's write that changes
    nothing it shows), and to the reference of a document they cite (directives.stamp)."""

    def read() -> str:
        return render_to_string(f"directives/directive_detail.html#{part}", context(), request)

    token = getattr(directive, STAMPS[part], None)
    if not token:  # no stamp read with this directive: nothing is kept
        return read()
    asked = request.GET.urlencode() if filtered else ""
    asked = hashlib.sha256(asked.encode()).hexdigest()[:16]
    level = directive.document.confidentiality  # the directive's rows carry its document's
    what = f"cascade:{part}:{directive.pk}:{token}:{level}:{get_language()}:{asked}"
    return mark_safe(kept(what, request.user, timezone.localdate(), read))


def _results(request: HttpRequest, scope: Scope) -> dict[str, Any]:
    summary, top, counts = selectors.cascade_top(
        scope, today=timezone.localdate(), shown=NODES_SHOWN
    )
    return _late(request, scope) | {
        "summary": summary,
        "late_count": summary.total.get("overdue", 0),  # the same rule, already counted
        "nodes": _rows(top, counts),
        "scope": scope,
    }


def _events(request: HttpRequest, directive: Any) -> dict[str, Any]:
    return {"events": selectors.cascade_events(viewer=request.user, directive=directive)}


@require_rule("directives.view_directive", directive_of)
def directive_detail(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """The cascade: counts per level, late units, the tree, the timeline; filters by subtree and
    requirement (the results alone for htmx)."""
    directive = directive_of(request, pk)
    filters = CascadeFilterForm(request.GET, viewer=request.user)
    scope = _scope(request, directive, filters)
    if request.htmx and "tre_tu" in request.GET:  # the next late units, under those shown
        context = _late(request, scope) | {"directive": directive}
        return render(request, "directives/directive_detail.html#late_items", context)
    shown = {"directive": directive, "filters": filters}
    results = _kept(
        request, directive, "results", lambda: _results(request, scope) | shown, filtered=True
    )
    if request.htmx and not request.htmx.boosted:
        return HttpResponse(results)
    events = _kept(request, directive, "events", lambda: _events(request, directive))
    context = shown | {
        "results": results,
        "events": events,
        "urgings": directive.urgings.order_by("-created_at")[:20],
        "can_distribute": request.user.has_perm("directives.distribute_directive", directive),
        "can_urge": request.user.has_perm("directives.urge_directive", directive),
    }
    return render(request, "directives/directive_detail.html", context)


@require_rule("directives.view_directive", directive_of)
def cascade_children(request: HttpRequest, pk: int, assignment_pk: int) -> HttpResponse:
    """One level of the cascade tree below an assignment (loaded when a node is opened)."""
    directive = directive_of(request, pk)
    parent = get_object_or_404(Assignment, pk=assignment_pk, directive=directive)
    scope = _scope(request, directive)
    context = {"nodes": _nodes(scope, parent), "directive": directive, "scope": scope}
    return render(request, "directives/directive_detail.html#cascade_level", context)


@require_rule("directives.view_directive", directive_of)
def directive_export(request: HttpRequest, pk: int) -> HttpResponse:
    """The cascade (as far as the viewer sees it, with the page's filters) as an XLSX file."""
    directive = directive_of(request, pk)
    content = cascade_xlsx(_scope(request, directive), today=timezone.localdate())
    response = HttpResponse(
        content, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="chi-dao-{directive.pk}.xlsx"'
    return response
