"""Rule sets are versioned data; a version in use keeps its values; only blanks may be filled."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied

from doimoi.core.errors import ApplicationError
from doimoi.initiatives import selectors, services
from doimoi.initiatives.models import Confidence, LimitKey, RuleSet
from tests.initiatives import flow


@pytest.mark.django_db
def test_first_versions_hold_what_domain_md_confirms(units: Any) -> None:
    nd73 = RuleSet.objects.get(regime="nd73", version=1)
    review = nd73.time_limits.get(key=LimitKey.REVIEW)
    assert (review.working_days, review.confidence) == (7, Confidence.CONFIRMED)
    assert nd73.time_limits.get(key=LimitKey.RESULT_REPORT).confidence == Confidence.SECONDARY
    assert nd73.wide_scope_rule == ""
    assert [i.code for i in nd73.items.filter(kind="condition")] == [
        "5.1.a",
        "5.1.b",
        "5.1.c",
        "5.1.d",
    ]
    assert not nd73.items.filter(kind="prohibited", code="6.5").exists()  # item 5 ❌: not invented
    kl14 = RuleSet.objects.get(regime="kl14", version=1)
    assert kl14.items.filter(kind="legality", code="party_charter").exists()
    assert {r.regime for r in selectors.rule_sets_in_force()} == {"nd73", "kl14"}


@pytest.mark.django_db
def test_a_version_in_use_only_takes_blanks(d: Any, persona: Any, ledger_probe: Any) -> None:
    flow.submitted(d)
    kl14 = RuleSet.objects.get(regime="kl14", version=1)
    admin = persona("admin")
    review = kl14.time_limits.get(key=LimitKey.REVIEW)
    with pytest.raises(ApplicationError):
        services.time_limit_set(
            actor=admin, limit=review, working_days=10, confidence="confirmed", basis="x"
        )
    blank = kl14.time_limits.get(key=LimitKey.WIDE_SCOPE_REVIEW)
    services.time_limit_set(
        actor=admin, limit=blank, working_days=15, confidence="confirmed", basis="QĐ tỉnh"
    )
    with pytest.raises(PermissionDenied):
        services.time_limit_set(
            actor=persona(flow.HEAD), limit=blank, working_days=1, confidence="confirmed", basis=""
        )
    new = services.rule_set_new_version(
        actor=admin, base=kl14, valid_from=datetime.date(2026, 1, 1)
    )
    assert (
        new.version == 2 and new.time_limits.get(key=LimitKey.WIDE_SCOPE_REVIEW).working_days == 15
    )
    ledger_probe.assert_recorded("initiatives.ruleset.versioned", new)
    assert {r.pk for r in selectors.rule_sets_in_force()} >= {new.pk}
    item = services.rule_item_add(actor=admin, rule_set=new, kind="prohibited", code="6.5",
                                  text="Việc thứ năm (khi đọc được văn bản)", confidence="confirmed",
                                  basis="Điều 6 khoản 5")  # fmt: skip
    assert item.order == 1
