"""People pages: a unit admin's list of people, a person's positions, the forms that change them,
the XLSX import; and every user's own password page."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth.views import LoginView
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from doimoi.core.errors import ApplicationError
from doimoi.core.views import require_rule
from doimoi.organizations import people, people_import, selectors
from doimoi.organizations.forms import (
    DeactivateForm,
    PasswordChangeForm,
    PeopleImportForm,
    PersonAddForm,
    PositionEndForm,
    PositionForm,
)
from doimoi.organizations.middleware import SESSION_KEY
from doimoi.organizations.models import Membership, Person, Unit

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _person(request: HttpRequest, pk: int, **_kwargs: Any) -> Person:
    """The person if the viewer administers them; 404 alike for a hidden and a missing one."""
    person = selectors.person_get(viewer=request.user, pk=pk)
    if person is None:
        raise Http404
    return person


def _unit(request: HttpRequest, pk: int) -> Unit:
    return get_object_or_404(Unit, pk=pk)


def _membership_unit(request: HttpRequest, pk: int) -> Unit:
    return get_object_or_404(Membership.objects.select_related("unit"), pk=pk).unit


def _run(request: HttpRequest, form: forms.Form, action: Callable[[dict[str, Any]], Any]) -> Any:
    """Validate ``form`` and call the service; a refusal goes back on the field at fault."""
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        return action(form.cleaned_data)
    except ApplicationError as error:
        for name, errors in error.message_dict.items():
            form.add_error(name if name in form.fields else None, errors)
        return None


def _form_page(
    request: HttpRequest, form: forms.Form, title: str, back: str, **extra: Any
) -> HttpResponse:
    context = {"form": form, "title": title, "back": back} | extra
    status = 400 if request.method == "POST" else 200
    return render(request, "organizations/person_form.html", context, status=status)


@require_rule("organizations.manage_people")
def people_list(request: HttpRequest) -> HttpResponse:
    """The people of the units the viewer administers, searchable without accents."""
    query = request.GET.get("q", "").strip()
    found = selectors.people_list(viewer=request.user, query=query)
    context = {"people": found[:200], "count": found.count(), "query": query}
    context["units"] = selectors.admin_units(viewer=request.user)[:500]
    return render(request, "organizations/people_list.html", context)


@require_rule("organizations.change_unit", _unit)
def person_add(request: HttpRequest, pk: int) -> HttpResponse:
    """Add a person with a first position in the unit ``pk`` (and an account if asked)."""
    unit = _unit(request, pk)
    form = PersonAddForm(request.POST or None, initial={"valid_from": datetime.date.today()})
    done = _run(
        request, form, lambda data: people.person_add(actor=request.user, unit=unit, **data)
    )
    if done is not None:
        person, password = done
        messages.success(request, _("Đã thêm %(name)s.") % {"name": person.full_name})
        if password:
            return _show_password(request, person, password)
        return redirect("organizations:person_detail", pk=person.pk)
    title = _("Thêm cán bộ vào %(unit)s") % {"unit": unit.name}
    return _form_page(request, form, title, unit_back(unit))


def unit_back(unit: Unit) -> str:
    from django.urls import reverse

    return reverse("organizations:unit_detail", args=[unit.pk])


def _show_password(request: HttpRequest, person: Person, password: str) -> HttpResponse:
    """The temporary password, shown once on this page and never stored in clear."""
    context = {"person": person, "password": password}
    return render(request, "organizations/person_password.html", context)


@require_rule("organizations.manage_person", _person)
def person_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A person: account, positions past and present, and what the admin may do."""
    person = _person(request, pk)
    today = datetime.date.today()
    positions = list(selectors.person_positions(person=person))
    for m in positions:
        m.in_force = m.valid_from <= today and (m.valid_to is None or m.valid_to > today)  # type: ignore[attr-defined]
        m.can_end = m.in_force and request.user.has_perm("organizations.change_unit", m.unit)  # type: ignore[attr-defined]
    context = {"person": person, "positions": positions}
    return render(request, "organizations/person_detail.html", context)


@require_rule("organizations.manage_person", _person)
def position_give(request: HttpRequest, pk: int) -> HttpResponse:
    """Give the person another position in a unit the admin administers."""
    person = _person(request, pk)
    form = PositionForm(request.POST or None, initial={"valid_from": datetime.date.today()})
    form.fields["unit"].queryset = selectors.admin_units(viewer=request.user)  # type: ignore[attr-defined]
    done = _run(
        request, form, lambda data: people.position_give(actor=request.user, person=person, **data)
    )
    if done is not None:
        messages.success(request, _("Đã giao chức vụ."))
        return redirect("organizations:person_detail", pk=person.pk)
    title = _("Giao chức vụ cho %(name)s") % {"name": person.full_name}
    return _form_page(request, form, title, _person_url(person))


def _person_url(person: Person) -> str:
    from django.urls import reverse

    return reverse("organizations:person_detail", args=[person.pk])


@require_rule("organizations.change_unit", _membership_unit)
def position_end(request: HttpRequest, pk: int) -> HttpResponse:
    """End one position on a date."""
    membership = get_object_or_404(Membership.objects.select_related("person", "unit"), pk=pk)
    form = PositionEndForm(request.POST or None, initial={"valid_to": datetime.date.today()})
    done = _run(
        request,
        form,
        lambda data: people.membership_end(actor=request.user, membership=membership, **data),
    )
    if done is not None:
        messages.success(request, _("Đã ghi nhận thôi giữ chức vụ."))
        return redirect("organizations:person_detail", pk=membership.person_id)
    title = _("Thôi giữ chức vụ: %(position)s") % {"position": membership}
    return _form_page(request, form, title, _person_url(membership.person))


@require_rule("organizations.manage_person", _person)
def account_deactivate(request: HttpRequest, pk: int) -> HttpResponse:
    """Lock the person's account."""
    person = _person(request, pk)
    form = DeactivateForm(request.POST or None)
    done = _run(
        request,
        form,
        lambda data: people.account_deactivate(actor=request.user, person=person, **data),
    )
    if done is not None:
        messages.success(request, _("Đã khóa tài khoản."))
        return redirect("organizations:person_detail", pk=person.pk)
    title = _("Khóa tài khoản của %(name)s") % {"name": person.full_name}
    warning = _("Người này sẽ không đăng nhập được nữa; lịch sử công tác và sổ cái vẫn giữ nguyên.")
    return _form_page(request, form, title, _person_url(person), warning=warning)


@require_rule("organizations.manage_person", _person)
@require_POST
def password_reset(request: HttpRequest, pk: int) -> HttpResponse:
    """Give the person a temporary password, shown once, to be changed at the next sign-in."""
    person = _person(request, pk)
    try:
        password = people.password_reset(actor=request.user, person=person)
    except ApplicationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("organizations:person_detail", pk=person.pk)
    return _show_password(request, person, password)


@require_rule("organizations.manage_people")
def people_import_page(request: HttpRequest) -> HttpResponse:
    """Upload an XLSX file of people and positions; show what was added and each bad row."""
    form = PeopleImportForm(request.POST or None, request.FILES or None)
    units = list(selectors.admin_units(viewer=request.user))

    def run(data: dict[str, Any]) -> people_import.ImportResult:
        upload = data["file"]
        return people_import.people_import(
            actor=request.user, content=upload.read(), filename=upload.name, units=units
        )

    result = _run(request, form, run)
    status = 400 if request.method == "POST" and result is None else 200
    context = {"form": form, "result": result}
    return render(request, "organizations/people_import.html", context, status=status)


@require_rule("organizations.manage_people")
def people_import_template(request: HttpRequest) -> HttpResponse:
    """The XLSX template, with the admin's units and the roles listed beside the data sheet."""
    units = list(selectors.admin_units(viewer=request.user))
    response = HttpResponse(people_import.template_workbook(units), content_type=XLSX)
    response["Content-Disposition"] = 'attachment; filename="mau-nhap-can-bo.xlsx"'
    return response


@require_rule("organizations.change_own_password")
def password_change(request: HttpRequest) -> HttpResponse:
    """The user's own password; required after a temporary one."""
    form = PasswordChangeForm(request.POST or None)
    done = _run(
        request,
        form,
        lambda data: (
            people.password_change(
                user=request.user,
                old_password=data["old_password"],
                new_password=data["new_password1"],
            )
            or True
        ),
    )
    if done:
        update_session_auth_hash(request, request.user)  # type: ignore[arg-type]
        request.session.pop(SESSION_KEY, None)
        messages.success(request, _("Đã đổi mật khẩu."))
        return redirect("home")
    person = (
        Person.objects.filter(user=request.user).first() if request.user.is_authenticated else None
    )
    must = bool(person and person.must_change_password)
    title = _("Đổi mật khẩu")
    return _form_page(request, form, title, "", must_change=must, submit=_("Đổi mật khẩu"))


class SignInView(LoginView):
    """Django's sign-in, noting in the session when the password must be changed first."""

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        person = Person.objects.filter(user=form.get_user()).first()
        if person is not None and person.must_change_password:
            self.request.session[SESSION_KEY] = True
            return redirect("password_change")
        return response
