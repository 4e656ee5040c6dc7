"""The English catalog: complete, compiled, and used."""

from __future__ import annotations

import gettext
from pathlib import Path

import polib
from django.utils import translation

LOCALE = Path(__file__).resolve().parents[1] / "src" / "doimoi" / "locale"
PO = LOCALE / "en" / "LC_MESSAGES" / "django.po"


def test_every_string_has_an_english_translation() -> None:
    catalog = polib.pofile(str(PO))
    assert catalog.untranslated_entries() == []
    assert catalog.fuzzy_entries() == []


def test_compiled_catalog_matches_the_source() -> None:
    compiled = gettext.GNUTranslations(PO.with_suffix(".mo").open("rb"))
    for entry in polib.pofile(str(PO)).translated_entries():
        if not entry.msgid_plural:
            assert compiled.gettext(entry.msgid) == entry.msgstr, entry.msgid


def test_interface_switches_language() -> None:
    with translation.override("en"):
        assert translation.gettext("Cây tổ chức") != "Cây tổ chức"
    with translation.override("vi"):
        assert translation.gettext("Cây tổ chức") == "Cây tổ chức"
