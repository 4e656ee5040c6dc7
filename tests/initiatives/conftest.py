"""Fixtures of the initiatives tests: the demo people the cases need and the service driver."""

from __future__ import annotations

from typing import Any

import pytest
from django.apps import apps

from doimoi.initiatives.demo import Demo, ensure_people
from doimoi.initiatives.ruleset_data import seed_rule_sets


@pytest.fixture
def units(demo: dict[str, Any]) -> dict[str, Any]:
    """The demo units, with the rule sets and the people the cases need."""
    seed_rule_sets(apps)
    ensure_people(demo)
    return demo


@pytest.fixture
def d(units: dict[str, Any]) -> Demo:
    """Drives cases through the services as the demo personas."""
    return Demo(units)
