"""No internal key reaches a user: every page and download of the demo walks reads as human text.

Each demo persona logs in and walks every page reachable by following the links (and htmx
loads) from the home page; every HTML page and every DOCX, XLSX and PDF download met on the way
is read as a user reads it and scanned for what only a programmer should see: snake_case codes
("common_good"), code prefixes ("kl14:") and bare yes/no/true/false/None values.
"""

from __future__ import annotations

import io
import re
from collections import deque
from collections.abc import Iterator
from typing import Any
from urllib.parse import urldefrag, urlsplit

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.test import Client
from lxml import html as lxml_html

from doimoi.organizations.demo import DEMO_PASSWORD, demo_logins
from tests.conftest import password_login

pytestmark = pytest.mark.django_db

SNAKE = re.compile(r"(?<![\w./@-])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![\w./@-])")
PREFIX = re.compile(r"(?<![\w/.-])[a-z]{1,6}\d+[a-z]?:(?!//)")
BARE = re.compile(r"(?:^|:\s*)(yes|no|true|false|True|False|None|null)\s*$")
WORD = re.compile(r"(?<![\w./@-])[a-z][a-z0-9]+(?![\w./@-])")
VIETNAMESE = re.compile(r"[À-ỹđĐ]")
HIDDEN_TEXT = {"script", "style", "code", "pre", "textarea", "template", "kbd", "samp"}
ATTRIBUTES = ("placeholder", "title", "aria-label", "alt")
SKIP = ("/dang-xuat/", "/quan-tri/", "/api/", "/ngon-ngu/", "/static/", "/don-vi-lam-viec/")
DOWNLOADS = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
    "application/pdf": "pdf",
}
# pages the walk must reach, or it proves nothing: forms, details, every kind of download
MUST_REACH = [
    "/de-xuat/N/thao-tac/",
    "/de-xuat/N/ho-so-bao-ve.docx",
    "/de-xuat/quy-tac/",
    "/chi-dao/N/xlsx/",
    "/chi-dao/nhiem-vu/N/",
    "/chi-dao/don-vi/N/",
    "/van-ban/N/",
    "/van-ban/so-den/",
    "/van-ban/so-di/",
    "/to-chuc/N/",
]
PER_PATTERN = 2  # pages of one URL shape visited per persona (/van-ban/1/, /van-ban/2/ …)


def choice_keys() -> set[str]:
    """The stored codes a user must never read: choice values (where they differ from their
    label), the rule sets' item codes and time-limit keys."""
    keys: set[str] = set()
    for model in apps.get_models():
        for field in model._meta.get_fields():
            for value, label in getattr(field, "flatchoices", None) or []:
                code = isinstance(value, str) and re.fullmatch(r"[a-z][a-z0-9_]{2,}", value)
                if code and str(label) != value:
                    keys.add(value)
    rules = apps.get_model("initiatives", "RuleItem").objects.values_list("code", flat=True)
    limits = apps.get_model("initiatives", "TimeLimit").objects.values_list("key", flat=True)
    keys |= {k for k in [*rules, *limits] if re.fullmatch(r"[a-z][a-z0-9_]{2,}", k)}
    return keys


def keys_in(text: str, choices: frozenset[str] = frozenset()) -> list[str]:
    """The internal keys in one run of text a user reads."""
    found = SNAKE.findall(text) + PREFIX.findall(text)
    found += [m.group(0).strip() for m in BARE.finditer(text.strip())]
    if VIETNAMESE.search(
        text
    ):  # a stored code among Vietnamese words; English prose may say "plan"
        found += [w for w in WORD.findall(text) if w in choices]
    return found


def html_texts(body: bytes) -> Iterator[str]:
    """Every run of text a user reads on a page: text nodes and the readable attributes."""
    tree = lxml_html.fromstring(body)
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        if any(a.tag in HIDDEN_TEXT for a in element.iterancestors()) or (
            element.tag in HIDDEN_TEXT
        ):
            continue
        if element.text and element.text.strip():
            yield element.text.strip()
        for name in ATTRIBUTES:
            if element.get(name):
                yield element.get(name)
        if element.tail and element.tail.strip() and element.getparent() is not None:
            parent = element.getparent()
            if parent.tag not in HIDDEN_TEXT and not any(
                a.tag in HIDDEN_TEXT for a in parent.iterancestors()
            ):
                yield element.tail.strip()


def download_texts(kind: str, body: bytes) -> Iterator[str]:
    """The text of a DOCX, XLSX or PDF download, line by line."""
    if kind == "docx":
        import docx

        document = docx.Document(io.BytesIO(body))
        yield from (p.text for p in document.paragraphs)
        for table in document.tables:
            for row in table.rows:
                yield from (cell.text for cell in row.cells)
    elif kind == "xlsx":
        import openpyxl

        book = openpyxl.load_workbook(io.BytesIO(body), read_only=True)
        for sheet in book.worksheets:
            yield sheet.title
            for row in sheet.iter_rows(values_only=True):
                yield from (str(v) for v in row if v is not None and not isinstance(v, bool))
    else:
        import pdfplumber

        with pdfplumber.open(io.BytesIO(body)) as pdf:
            for pdf_page in pdf.pages:
                yield from (pdf_page.extract_text() or "").splitlines()


def links(body: bytes) -> Iterator[str]:
    tree = lxml_html.fromstring(body)
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        for name in ("href", "hx-get"):
            target = element.get(name)
            if target and target.startswith("/"):
                yield urldefrag(target)[0]


def found(texts: Iterator[str], choices: frozenset[str]) -> list[str]:
    """Each text holding a key, shortened, with the keys it holds."""
    return [f"{keys} in «{t[:90]}»" for t in texts if (keys := keys_in(t, choices))]


def shape(url: str) -> str:
    parts = urlsplit(url)
    return re.sub(r"\d+", "N", parts.path) + ("?" + re.sub(r"\d+", "N", parts.query))


def walk(
    client: Client, choices: frozenset[str], downloads: dict[str, int]
) -> Iterator[tuple[str, str, list[str]]]:
    """(url, kind, keys) for every page and download reachable from the home page.

    ``downloads`` counts the download shapes read so far by every persona: a file reads the same
    whoever downloads it, and each PDF costs a LibreOffice run, so each shape is read twice at most.
    """
    seen: set[str] = set()
    shapes: dict[str, int] = {}
    queue = deque(["/"])
    while queue:
        url = queue.popleft()
        if url in seen or url.startswith(SKIP):
            continue
        seen.add(url)
        shapes[shape(url)] = shapes.get(shape(url), 0) + 1
        if shapes[shape(url)] > PER_PATTERN or downloads.get(shape(url), 0) >= PER_PATTERN:
            continue
        response = client.get(url)
        if response.status_code != 200:
            continue
        content_type = response.get("Content-Type", "").split(";")[0]
        body = b"".join(response.streaming_content) if response.streaming else response.content
        if content_type == "text/html" and not body.strip():
            continue  # an empty htmx fragment (the unit picker before a search): nothing to read
        if content_type == "text/html":
            yield url, "html", found(html_texts(body), choices)
            queue.extend(links(body))
        elif content_type in DOWNLOADS:
            kind = DOWNLOADS[content_type]
            downloads[shape(url)] = downloads.get(shape(url), 0) + 1
            yield url, kind, found(download_texts(kind, body), choices)


def personas() -> list[str]:
    """Every demo login (the organization's and those each app's demo adds), administrator first."""
    users = get_user_model().objects.filter(is_active=True).order_by("username")
    first = [name for name, _ in demo_logins()]
    return first + [u for u in users.values_list("username", flat=True) if u not in first]


@pytest.fixture
def full_demo(demo: dict[str, Any]) -> dict[str, Any]:
    for config in apps.get_app_configs():
        seed = getattr(config, "seed_demo", None)
        if callable(seed):
            seed(demo)
    return demo


def test_detector_finds_the_keys_users_saw(db: None) -> None:
    choices = frozenset(choice_keys())
    assert "shortfall" in choices
    for text in [
        "Điều kiện common_good",
        "Nhận xét — party_charter",
        "kl14: vì lợi ích chung",
        "Kết quả: yes",
        "Trường hợp: shortfall",
    ]:
        assert keys_in(text, choices), text
    for text in ["Kết quả: Đạt", "Số 14-KL/TW", "08:30", "http://127.0.0.1:8000/", "a@b.vn"]:
        assert not keys_in(text, choices), text


def test_no_internal_key_in_any_page_or_download(full_demo: dict[str, Any]) -> None:
    problems: list[str] = []
    kinds: set[str] = set()
    pages = 0
    shapes: set[str] = set()
    choices = frozenset(choice_keys())
    downloads: dict[str, int] = {}
    for username in personas():
        client = Client()
        password_login(client, username, DEMO_PASSWORD)
        for url, kind, keys in walk(client, choices, downloads):
            pages += 1
            kinds.add(kind)
            shapes.add(shape(url))
            if keys:
                problems.append(f"{username} {url} ({kind}): " + "; ".join(dict.fromkeys(keys)))
    assert pages > 50
    assert {"html", "docx", "xlsx", "pdf"} <= kinds, kinds
    missing = [s for s in MUST_REACH if not any(v.startswith(s) for v in shapes)]
    assert not missing, f"the walk did not reach {missing}; it reached {sorted(shapes)}"
    assert not problems, "\n".join(problems)
