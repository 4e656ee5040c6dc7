"""Unit pages: the tree, a unit's page, and the forms that change the tree."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import get_script_prefix, reverse
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from doimoi.core import panels
from doimoi.core.errors import ApplicationError
from doimoi.core.text import fold
from doimoi.core.views import HtmxHttpRequest, link_parts, require_rule
from doimoi.organizations import picker, selectors, services
from doimoi.organizations.forms import UnitCloseForm, UnitForm, UnitMergeForm, UnitMoveForm
from doimoi.organizations.models import Unit
from doimoi.organizations.scope import KEPT_SECONDS, STAMP


def _unit(request: HttpRequest, pk: int) -> Unit:
    return get_object_or_404(Unit, pk=pk)


def _by_name(units: Any) -> list[Unit]:
    return sorted(units, key=lambda unit: fold(unit.name))


@require_rule("organizations.view_unit_tree")
def unit_tree(request: HtmxHttpRequest) -> HttpResponse:
    """The tree of units one level at a time (a national tree has 60,000 units): the top units,
    or the units directly under ``?cha=<id>``, each opening its own children on demand; with a
    search box that ignores accents."""
    query = request.GET.get("q", "").strip()
    partial = request.htmx and not request.htmx.boosted
    if not query:
        part = "tree_level" if _asked(request) and partial else "tree_body"
        level = _kept_level(request, part)
        if partial:
            return HttpResponse(level)
        return render(request, "organizations/unit_tree.html", {"query": "", "level": level})
    context: dict[str, Any] = {"query": query}
    _parent(request)
    context["results"] = selectors.unit_search(query=query)[:100]
    template = "organizations/unit_tree.html" + ("#tree_body" if partial else "")
    return render(request, template, context)


def _kept_level(request: HttpRequest, part: str) -> str:
    """The tree's level asked (``part`` of unit_tree.html), rendered once for every user under
    the scope stamp read with the user: the tree's names are everyone's, and the stamp changes
    with every write to a unit. The same level, its two statements and its rows' rendering
    (about 2 ms for the 34 provinces), was drawn again for each user on each visit."""
    stamp = getattr(request.user, STAMP, None)
    key = f"doimoi:tree:{part}:{_asked(request)}:{get_language()}:{get_script_prefix()}:{stamp}"
    found: str | None = cache.get(key) if stamp else None
    if found is None:
        context = {"query": "", **_level(_parent(request))}
        found = render_to_string(f"organizations/unit_tree.html#{part}", context)
        if stamp:
            cache.set(key, found, KEPT_SECONDS)
    return mark_safe(found)  # a template's output


def _count(n: int) -> str:
    return ngettext("(%(n)s đơn vị trực thuộc)", "(%(n)s đơn vị trực thuộc)", n) % {"n": n}


def tree_nodes(units: list[Unit]) -> list[dict[str, Any]]:
    """The level's units as its rows show them: the unit, its page and the level below it, and
    how many units are under it. Written here once per level: the row's three ``{% url %}``, its
    ids localized as numbers and its count's plural cost 80 µs a row (the 34 provinces: 2.7 ms)."""
    head, tail = link_parts("organizations:unit_detail")
    below = reverse("organizations:unit_tree") + "?cha="
    return [
        {
            "unit": unit,
            "page": f"{head}{unit.pk}{tail}",
            "below": f"{below}{unit.pk}" if unit.numchild else "",
            "count": _count(unit.numchild) if unit.numchild else "",
        }
        for unit in units
    ]


def _level(parent: Unit | None) -> dict[str, Any]:
    """The units under ``parent`` (the top units if None, or the one top unit's children)."""
    if parent is None:
        roots = _by_name(selectors.unit_roots())
        if len(roots) != 1:
            return {"nodes": tree_nodes(roots)}
        parent = roots[0]
    return {
        "parent": parent,
        "ancestors": selectors.unit_ancestors(unit=parent),
        "nodes": tree_nodes(_by_name(selectors.unit_children(unit=parent))),
    }


def _asked(request: HttpRequest) -> str:
    """The id of the unit whose children are asked for (``?cha=<id>``), or ""."""
    pk = request.GET.get("cha", "")
    if pk and not pk.isdigit():
        raise Http404
    return pk


def _parent(request: HttpRequest) -> Unit | None:
    """The unit whose children are asked for (``?cha=<id>``), if any."""
    pk = _asked(request)
    return get_object_or_404(Unit, pk=pk) if pk else None


@require_rule("organizations.view_unit_tree")
def unit_pick(request: HttpRequest) -> HttpResponse:
    """The units a picker offers for what was typed: at most ``picker.LIMIT``, from its source
    scoped to the user (an unknown source is not found)."""
    field = request.GET.get("field", "")
    if not field.isidentifier():
        raise Http404
    try:
        units = picker.source_units(request.GET.get("source", ""), request.user)
    except KeyError as error:
        raise Http404 from error
    text = request.GET.get(f"{field}_q", request.GET.get("q", ""))
    found = picker.unit_matches(units, text, limit=picker.LIMIT + 1)
    context = {
        "candidates": picker.with_parents(found[: picker.LIMIT]),
        "more": len(found) > picker.LIMIT,
        "searched": bool(text.strip()),
        "field": field,
    }
    return render(request, "organizations/widgets/unit_picker_options.html", context)


@require_rule("organizations.view_unit", _unit)
def unit_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A unit's page: who it is, its members, its children, its history."""
    unit = _unit(request, pk)
    can_see_members = request.user.has_perm("organizations.view_unit_members", unit)
    context = {
        "unit": unit,
        "ancestors": selectors.unit_ancestors(unit=unit),
        "children": selectors.unit_children(unit=unit),
        "members": selectors.unit_members(unit=unit) if can_see_members else None,
        "history": selectors.unit_history(unit=unit),
        "can_see_members": can_see_members,
        "can_change": request.user.has_perm("organizations.change_unit", unit),
        "panels": panels.render("organizations.unit", request, unit),
    }
    return render(request, "organizations/unit_detail.html", context)


def _run_form(
    request: HttpRequest,
    form: forms.Form,
    action: Callable[[dict[str, Any]], Unit],
    success: str,
) -> Unit | None:
    """Validate ``form`` and call the service; put a refused change back on the field at fault."""
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        unit = action(form.cleaned_data)
    except ApplicationError as error:
        for field, errs in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errs)
        return None
    messages.success(request, success)
    return unit


def _render_form(
    request: HttpRequest, form: forms.Form, unit: Unit | None, title: str, warning: str = ""
) -> HttpResponse:
    status = 400 if request.method == "POST" else 200
    context = {"form": form, "unit": unit, "title": title, "warning": warning}
    return render(request, "organizations/unit_form.html", context, status=status)


@require_rule("organizations.change_unit", _unit)
def unit_create(request: HttpRequest, pk: int) -> HttpResponse:
    """Add a unit under the unit ``pk``."""
    parent = _unit(request, pk)
    form = UnitForm(request.POST or None, initial={"level": parent.level, "kind": parent.kind})
    created = _run_form(
        request,
        form,
        lambda data: services.unit_create(actor=request.user, parent=parent, **data),
        _("Đã tạo đơn vị."),
    )
    if created:
        return redirect("organizations:unit_detail", pk=created.pk)
    return _render_form(
        request, form, parent, _("Thêm đơn vị trực thuộc %(unit)s") % {"unit": parent}
    )


@require_rule("organizations.change_unit", _unit)
def unit_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Change a unit's own fields."""
    unit = _unit(request, pk)
    initial = {f: getattr(unit, f) for f in services.UNIT_FIELDS}
    form = UnitForm(request.POST or None, initial=initial)
    if _run_form(
        request,
        form,
        lambda data: services.unit_update(actor=request.user, unit=unit, **data),
        _("Đã lưu thông tin đơn vị."),
    ):
        return redirect("organizations:unit_detail", pk=unit.pk)
    return _render_form(request, form, unit, _("Sửa thông tin đơn vị"))


@require_rule("organizations.change_unit", _unit)
def unit_move(request: HttpRequest, pk: int) -> HttpResponse:
    """Put a unit under another parent."""
    unit = _unit(request, pk)
    form = UnitMoveForm(
        request.POST or None,
        initial={"parent": Unit.objects.get_parent(unit)},
        viewer=request.user,
    )
    if _run_form(
        request,
        form,
        lambda data: services.unit_move(actor=request.user, unit=unit, new_parent=data["parent"]),
        _("Đã chuyển đơn vị."),
    ):
        return redirect("organizations:unit_detail", pk=unit.pk)
    return _render_form(request, form, unit, _("Chuyển đơn vị sang đơn vị cấp trên khác"))


@require_rule("organizations.change_unit", _unit)
def unit_close(request: HttpRequest, pk: int) -> HttpResponse:
    """End a unit on a date."""
    unit = _unit(request, pk)
    form = UnitCloseForm(request.POST or None)
    if _run_form(
        request,
        form,
        lambda data: services.unit_close(actor=request.user, unit=unit, **data),
        _("Đã ghi nhận đơn vị kết thúc hoạt động."),
    ):
        return redirect("organizations:unit_detail", pk=unit.pk)
    warning = _(
        "Đơn vị sẽ được ghi là kết thúc hoạt động từ ngày bạn chọn. Đơn vị vẫn ở trong cây để văn bản "
        "cũ giữ đúng cơ quan ban hành; thao tác được ghi vào sổ cái và không xóa được."
    )
    return _render_form(request, form, unit, _("Kết thúc hoạt động đơn vị"), warning)


@require_rule("organizations.change_unit", _unit)
def unit_merge(request: HttpRequest, pk: int) -> HttpResponse:
    """Merge other units into this one."""
    unit = _unit(request, pk)
    form = UnitMergeForm(request.POST or None, viewer=request.user)
    if _run_form(
        request,
        form,
        lambda data: services.unit_merge(actor=request.user, into=unit, **data),
        _("Đã hợp nhất đơn vị."),
    ):
        return redirect("organizations:unit_detail", pk=unit.pk)
    warning = _(
        "Các đơn vị được chọn sẽ kết thúc hoạt động từ ngày hiệu lực và được ghi là hợp nhất vào đơn vị "
        "này. Thao tác được ghi vào sổ cái và không xóa được."
    )
    title = _("Hợp nhất đơn vị khác vào %(unit)s") % {"unit": unit}
    return _render_form(request, form, unit, title, warning)
