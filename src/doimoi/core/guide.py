"""The user guide (docs/guide/*.md) shown inside the app, with its screenshots; nothing fetched.

The Markdown pages are read from ``settings.DOIMOI_GUIDE_DIR`` and rendered on the server; links
between pages (``van-thu.md``) and images (``img/….png``) are turned into the app's own URLs.
"""

from __future__ import annotations

import re
from pathlib import Path

from django.conf import settings
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.safestring import mark_safe

from doimoi.core.views import require_rule

SLUG = re.compile(r"^[a-z0-9-]+$")
IMAGE = re.compile(r"^[a-z0-9-]+\.png$")
INDEX = "README"


def guide_dir() -> Path:
    return Path(settings.DOIMOI_GUIDE_DIR)


def pages() -> list[str]:
    """The guide's page names, index first."""
    names = sorted(p.stem for p in guide_dir().glob("*.md") if p.stem != INDEX)
    return [INDEX, *names]


def _link(match: re.Match[str]) -> str:
    attr, target, anchor = match.group(1), match.group(2), match.group(3) or ""
    slug = "" if target == INDEX else target
    url = reverse("guide", args=[slug]) if slug else reverse("guide_index")
    return f'{attr}="{url}{anchor}"'


def _image(match: re.Match[str]) -> str:
    return f'src="{reverse("guide_image", args=[match.group(1)])}"'


def render_page(slug: str) -> tuple[str, str]:
    """(title, HTML) of one page; the title is its first heading."""
    path = guide_dir() / f"{slug}.md"
    if (not SLUG.match(slug) and slug != INDEX) or not path.is_file():
        raise Http404
    text = path.read_text(encoding="utf-8")
    title = next(
        (line.lstrip("# ").strip() for line in text.splitlines() if line.startswith("#")), ""
    )
    import markdown  # only the guide pages need it

    html = markdown.markdown(text, extensions=["tables"], output_format="html")
    html = re.sub(r'(href)="([A-Za-z0-9-]+)\.md(#[^"]*)?"', _link, html)
    html = re.sub(r'src="img/([a-z0-9-]+\.png)"', _image, html)
    return title, html


@require_rule("core.view_guide")
def guide_page(request: HttpRequest, slug: str = INDEX) -> HttpResponse:
    """Hướng dẫn sử dụng: one page of the guide."""
    title, html = render_page(slug)
    context = {"title": title, "body": mark_safe(html), "slug": slug}
    return render(request, "guide.html", context)


@require_rule("core.view_guide")
def guide_image(request: HttpRequest, name: str) -> FileResponse:
    """A screenshot of the guide (taken by the browser tests)."""
    path = guide_dir() / "img" / name
    if not IMAGE.match(name) or not path.is_file():
        raise Http404
    return FileResponse(path.open("rb"), content_type="image/png")
