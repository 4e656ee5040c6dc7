"""Site-wide behaviour: styled error pages, the chosen language, numbers and dates in its style."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.template import Context, Template
from django.test import Client
from django.urls import reverse
from django.utils import formats, translation

from doimoi.core.templatetags.doimoi_format import number
from doimoi.organizations.models import Unit


def _client(persona: Any, username: str, language: str | None = None) -> Client:
    """A signed-in user holding no role anywhere (not a unit admin, not a superuser)."""
    user, _created = get_user_model().objects.get_or_create(username=username)
    client = Client()
    client.force_login(user)
    if language:
        client.cookies["django_language"] = language
    return client


def _error_page_with_navigation(response: Any, status: int) -> str:
    html: str = response.content.decode()
    assert response.status_code == status
    assert f'data-testid="error-{status}"' in html, "not the styled error page"
    assert 'aria-label="Điều hướng chính"' in html or 'aria-label="Main navigation"' in html
    assert 'href="/"' in html  # a way back home
    return html


@pytest.mark.django_db
def test_missing_and_hidden_objects_answer_the_same_styled_404(
    demo: dict[str, Unit], persona: Any
) -> None:
    client = _client(persona, "khach.thu")
    unit = Unit.objects.order_by("path").last()
    hidden = client.get(reverse("organizations:unit_edit", args=[unit.pk]))
    missing = client.get(reverse("organizations:unit_edit", args=[10**9]))
    nowhere = client.get("/khong-co-trang-nay/")
    for response in (hidden, missing, nowhere):
        html = _error_page_with_navigation(response, 404)
        assert "Không tìm thấy trang" in html and "Về trang chủ" in html


@pytest.mark.django_db
def test_a_refused_page_is_a_styled_403(persona: Any) -> None:
    html = _error_page_with_navigation(
        _client(persona, "khach.thu").get(reverse("workdays:calendar_edit")), 403
    )
    assert "Bạn không có quyền thực hiện việc này" in html


@pytest.mark.django_db
def test_error_pages_speak_english_when_chosen(persona: Any) -> None:
    client = _client(persona, "khach.thu", language="en")
    html = _error_page_with_navigation(client.get("/khong-co-trang-nay/"), 404)
    assert "Page not found" in html and "Không tìm thấy trang" not in html
    html = _error_page_with_navigation(client.get(reverse("workdays:calendar_edit")), 403)
    assert "You are not allowed to do this" in html


@pytest.mark.django_db
def test_anonymous_404_offers_the_login(client: Client) -> None:
    response = client.get("/khong-co-trang-nay/", follow=True)
    assert "/dang-nhap/" in response.content.decode()


@pytest.mark.django_db
def test_the_browser_language_is_not_followed(client: Client) -> None:
    page = client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert '<html lang="vi">' in page.content.decode()
    assert "Đăng nhập" in page.content.decode()
    chosen = client.post(reverse("set_language"), {"language": "en", "next": "/dang-nhap/"})
    assert chosen.status_code == 302
    page = client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE="vi")
    assert '<html lang="en">' in page.content.decode() and "Log in" in page.content.decode()


@pytest.mark.parametrize(
    ("language", "count", "rate", "decimal"),
    [("vi", "128.000", "12,5 %", "3,75"), ("en", "128,000", "12.5%", "3.75")],
)
def test_numbers_in_the_languages_style(language: str, count: str, rate: str, decimal: str) -> None:
    template = Template("{% load doimoi_format %}{{ n|number }}|{{ r|percent }}|{{ d }}|{{ y }}")
    context = Context({"n": 128000, "r": 12.5, "d": Decimal("3.75"), "y": 2026})
    with translation.override(language):
        assert template.render(context) == f"{count}|{rate}|{decimal}|2026"


def test_a_count_is_written_as_the_format_machinery_writes_it() -> None:
    """``|number`` writes an int out (grouped by threes in the language's separator), the same
    as ``formats.number_format``; anything else, or places asked, still goes through it. Each
    language in turn, and the first again: a separator kept for one is not another's."""
    counts = [0, 7, -7, 999, 1000, -1000, 12345, 999_999, 1_000_000, -98_765_432, 10**14 + 1]
    counts += [10**15, -(10**15), 10**20]
    for language in ("vi", "en", "vi"):
        with translation.override(language):
            for n in counts:
                written = formats.number_format(Decimal(n), 0, use_l10n=True, force_grouping=True)
                assert number(n) == written, (language, n)
            assert number(1234, 2) == formats.number_format(
                Decimal(1234), 2, use_l10n=True, force_grouping=True
            )
            assert number(True) == "True" and number(None) == "" and number(2.5) == number("2.5")
            assert number(128000) == {"vi": "128.000", "en": "128,000"}[language]


@pytest.mark.parametrize("language", ["vi", "en"])
def test_dates_are_dd_mm_yyyy(language: str) -> None:
    moment = datetime.datetime(2026, 3, 7, 9, 5, tzinfo=datetime.UTC)
    template = Template("{{ d }}|{{ d|date }}|{{ d|date:'SHORT_DATE_FORMAT' }}|{{ t }}")
    with translation.override(language):
        text = template.render(Context({"d": datetime.date(2026, 3, 7), "t": moment}))
    assert text == "07/03/2026|07/03/2026|07/03/2026|07/03/2026 16:05"


@pytest.mark.parametrize("language", ["vi", "en"])
def test_dmy_writes_what_the_date_filter_does(language: str) -> None:
    """``|dmy`` is ``|date:"d/m/Y"`` written out for a day; a moment still goes through the
    filter (its time zone: 9 May 23:30 UTC is 10 May in Hà Nội)."""
    template = Template("{% load doimoi_format %}{{ d|dmy }}={{ d|date:'d/m/Y' }}")
    days = [datetime.date(2026, 3, 7), datetime.date(999, 12, 31), datetime.date(2026, 11, 30)]
    values = [*days, datetime.datetime(2026, 5, 9, 23, 30, tzinfo=datetime.UTC), None, ""]
    with translation.override(language):
        for value in values:
            mine, django = template.render(Context({"d": value})).split("=")
            assert mine == django, value
    assert (
        Template("{% load doimoi_format %}{{ d|dmy }}").render(Context({"d": values[3]}))
        == "10/05/2026"
    )


@pytest.mark.django_db
def test_the_unit_page_groups_thousands(demo: dict[str, Unit], persona: Any) -> None:
    unit = Unit.objects.order_by("path").last()
    assert unit is not None
    Unit.objects.filter(pk=unit.pk).update(member_count=128000)
    url = reverse("organizations:unit_detail", args=[unit.pk])
    assert ">128.000<" in _client(persona, "khach.thu").get(url).content.decode()
    assert ">128,000<" in _client(persona, "khach.thu", "en").get(url).content.decode()


def test_document_counts_group_thousands() -> None:
    template = Template(
        "{% load i18n doimoi_format %}{% blocktranslate count n=total with shown=total|number %}"
        "{{ shown }} văn bản{% plural %}{{ shown }} văn bản{% endblocktranslate %}"
    )
    with translation.override("vi"):
        assert template.render(Context({"total": 100000})) == "100.000 văn bản"
    with translation.override("en"):
        assert template.render(Context({"total": 100000})) == "100,000 documents"
