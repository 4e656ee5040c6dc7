"""The page header is kept per what it shows (core.layout): every change to what it shows
shows on the next page, each request gets its own CSRF token and address, and what is kept
for one user shows nothing of theirs to another."""

from __future__ import annotations

import re
from typing import Any

from django.test import Client
from django.urls import reverse

from doimoi.core import layout
from doimoi.directives.models import Notification
from doimoi.organizations.models import Membership, Role, Unit

HEADER = re.compile(r'<a class="skip-link".*?</header>', re.S)
TOKEN = re.compile(r'(?:csrfmiddlewaretoken" value="|X-CSRFToken": ")([^"]+)"')


def _client(persona: Any, username: str, language: str = "vi") -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(persona(username))
    client.cookies["django_language"] = language
    return client


def _header(client: Client, url: str = "/") -> str:
    response = client.get(url)
    assert response.status_code == 200
    found = HEADER.search(response.content.decode())
    assert found is not None
    return found[0]


def test_kept_header_is_a_fresh_render_of_what_it_shows(persona: Any) -> None:
    """Seen twice (the second time kept), each user's header in both languages is the template
    rendered afresh for the same layout, token and address."""
    for username in ("admin", "vanthu.baoloc", "bithu.baoloc", "vanthu.dukdn", "chuyenvien.btg"):
        for language in ("vi", "en"):
            client = _client(persona, username, language)
            _header(client, "/de-xuat/")
            response = client.get("/de-xuat/")
            page = response.content.decode()
            kept = HEADER.search(page)
            assert kept is not None
            token = TOKEN.search(page)
            assert token is not None
            fresh = layout._render(_layout(response), token[1], "/de-xuat/")
            assert kept[0] == HEADER.search(fresh)[0]  # type: ignore[index]


def _layout(response: Any) -> layout.Layout:
    """The layout the page's context gives (as the tag reads it)."""
    context = {k: response.context[k] for k in ("user", "my_units", "current_unit")}
    with_language = response.wsgi_request.LANGUAGE_CODE
    from django.utils import translation

    with translation.override(with_language):
        return layout.layout_of(context)


def test_each_page_gets_its_own_token_and_address(persona: Any) -> None:
    """The same kept header on two pages: each names its own address, carries the request's
    token, and that token is accepted (the language switcher posts with it)."""
    client = _client(persona, "vanthu.baoloc")
    first, second = _header(client, "/de-xuat/?q=a&b=<c>"), _header(client, "/to-chuc/")
    assert 'name="next" value="/de-xuat/?q=a&amp;b=%3Cc%3E"' in first
    assert 'name="next" value="/to-chuc/"' in second and 'value="/de-xuat/' not in second
    page = client.get("/").content.decode()
    tokens = set(TOKEN.findall(page))
    assert len(tokens) == 1 and "\x00" not in page
    switched = client.post(
        reverse("set_language"),
        {"language": "en", "next": "/", "csrfmiddlewaretoken": tokens.pop()},
    )
    assert switched.status_code == 302
    assert 'lang="en"' in client.get("/").content.decode()


def test_what_the_header_shows_is_renewed_when_it_changes(persona: Any) -> None:
    """A renamed unit, a renamed person, a role that adds a menu entry, another unit chosen and
    another language each show on the next page."""
    client = _client(persona, "vanthu.baoloc")
    before = _header(client)
    user = persona("vanthu.baoloc")
    unit = Unit.objects.get(name="Đảng ủy phường 1 Bảo Lộc")
    assert "Hoàng Thị Lan" in before and ">Đảng ủy phường 1 Bảo Lộc</option>" in before
    assert reverse("organizations:people_list") not in before

    Unit.objects.filter(pk=unit.pk).update(name="Đảng ủy phường Một")
    assert ">Đảng ủy phường Một</option>" in _header(client)
    user.person.full_name = "Hoàng Thị Lan Anh"
    user.person.save()
    assert '<span class="who">Hoàng Thị Lan Anh</span>' in _header(client)
    Membership.objects.create(person=user.person, unit=unit, role=Role.UNIT_ADMIN)
    assert reverse("organizations:people_list") in _header(client)

    other = Unit.objects.get(name="Thành ủy Bảo Lộc")
    Membership.objects.create(person=user.person, unit=other, role=Role.CLERK)
    header = _header(client)  # no unit chosen yet: the first in tree order
    assert f'<option value="{other.pk}" selected>' in header
    token = TOKEN.search(client.get("/").content.decode())
    assert token is not None
    client.post(
        reverse("unit_switch"), {"unit_id": unit.pk, "next": "/", "csrfmiddlewaretoken": token[1]}
    )
    header = _header(client)
    assert f'<option value="{unit.pk}" selected>' in header
    assert f'<option value="{other.pk}">' in header
    client.cookies["django_language"] = "en"
    assert ">Log out</button>" in _header(client)


def test_another_user_sees_nothing_kept_for_someone_else(persona: Any) -> None:
    """Another unit's clerk, after the ward clerk's header was kept: their own name and units,
    none of the ward's."""
    _header(_client(persona, "vanthu.baoloc"))
    header = _header(_client(persona, "vanthu.dukdn"))
    assert "Hoàng Thị Lan" not in header and "Đảng ủy phường 1 Bảo Lộc" not in header
    assert persona("vanthu.dukdn").person.full_name in header


def test_a_name_holding_the_stand_in_is_written_as_it_is() -> None:
    """A name with the character the kept header marks the request's values with is not kept:
    the header is rendered afresh, the name as it is and the token where it belongs."""
    odd = layout.Layout(language="vi", signed_in=True, name="Lan \x00here\x00 \x00csrf\x00")
    kept = layout._kept.cache_info().currsize
    header = layout.site_header(odd, "T0KEN", "/to-chuc/")
    assert header == layout._render(odd, "T0KEN", "/to-chuc/")
    assert '<span class="who">Lan \x00here\x00 \x00csrf\x00</span>' in header
    assert header.count('value="T0KEN"') == 2 and layout._kept.cache_info().currsize == kept


def test_start_page_sections_are_drawn_in_the_page_and_post_with_its_token(persona: Any) -> None:
    """The start page's sections ({% section %}) render inside the page's context: the
    directives section's notification forms carry the page's own token, which is accepted."""
    Notification.objects.create(user=persona("bithu.baoloc"), key="t", message="Có việc mới")
    client = _client(persona, "bithu.baoloc")
    page = client.get("/").content.decode()
    assert 'data-testid="initiative-deadlines"' in page and "Có việc mới" in page
    form = re.search(
        r'<form method="post" action="([^"]*)"><input type="hidden" '
        r'name="csrfmiddlewaretoken" value="([^"]+)"><button',
        page,
    )
    assert form is not None
    assert set(TOKEN.findall(page)) == {form[2]}
    assert client.post(form[1], {"csrfmiddlewaretoken": form[2]}).status_code == 302
