"""The registers: numbering rules (party per type per term, state per year), no repeats, no gaps."""

from __future__ import annotations

import datetime
import threading
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.db import close_old_connections, connection

from doimoi.core.errors import ApplicationError
from doimoi.documents import services
from doimoi.documents.models import CommitteeTerm, OutgoingEntry

D = datetime.date


def _take(actor: Any, unit: Any, type_code: str, kind: str = "party", day: Any = None) -> Any:
    return services.outgoing_register_take(
        actor=actor, unit=unit, type_code=type_code, kind=kind, date=day or D(2022, 5, 4)
    )


def test_party_numbers_run_per_type(demo: dict[str, Any], persona: Any, ledger_probe: Any) -> None:
    clerk, unit = persona("vanthu.baoloc"), demo["Thành ủy Bảo Lộc"]
    first = _take(clerk, unit, "KH")
    assert (first.number, first.symbol) == ("01", "01-KH/ThU")
    assert _take(clerk, unit, "KH").symbol == "02-KH/ThU"
    assert _take(clerk, unit, "CV").symbol == "01-CV/ThU"  # each type has its own series
    ledger_probe.assert_recorded("documents.outgoing.numbered", first)


def test_party_numbers_restart_with_the_committee_term(demo: dict[str, Any], persona: Any) -> None:
    unit = demo["Thành ủy Bảo Lộc"]
    CommitteeTerm.objects.create(
        unit=unit, name="2015-2020", start=D(2015, 10, 1), end=D(2020, 10, 14)
    )
    CommitteeTerm.objects.create(unit=unit, name="2020-2025", start=D(2020, 10, 15))
    clerk = persona("vanthu.baoloc")
    assert _take(clerk, unit, "NQ", day=D(2020, 10, 1)).number == "01"
    assert _take(clerk, unit, "NQ", day=D(2020, 10, 2)).number == "02"
    assert _take(clerk, unit, "NQ", day=D(2020, 10, 20)).number == "01"  # new term
    assert _take(clerk, unit, "NQ", day=D(2022, 1, 5)).number == "02"  # not reset by the year


def test_standing_committee_numbers_with_its_committee_code(
    demo: dict[str, Any], persona: Any
) -> None:
    unit = demo["Ban Thường vụ Thành ủy Bảo Lộc"]  # has no code of its own
    assert _take(persona("vanthu.baoloc"), unit, "KH").symbol == "01-KH/ThU"


def test_state_numbers_run_per_calendar_year(demo: dict[str, Any], persona: Any) -> None:
    clerk, unit = persona("vanthu.baoloc"), demo["Ủy ban nhân dân thành phố Bảo Lộc"]
    assert _take(clerk, unit, "QĐ", "state", D(2022, 12, 31)).symbol == "01/QĐ-UBND"
    assert _take(clerk, unit, "KH", "state", D(2022, 12, 31)).symbol == "02/KH-UBND"
    assert _take(clerk, unit, "QĐ", "state", D(2023, 1, 1)).symbol == "01/QĐ-UBND"
    assert _take(clerk, unit, "", "state", D(2023, 1, 2)).symbol == "02/UBND"  # công văn


def test_classified_state_documents_have_their_own_series(
    demo: dict[str, Any], persona: Any
) -> None:
    clerk, unit = persona("vanthu.baoloc"), demo["Ủy ban nhân dân thành phố Bảo Lộc"]
    _take(clerk, unit, "QĐ", "state", D(2022, 3, 1))
    secret = services.outgoing_register_take(
        actor=clerk, unit=unit, type_code="QĐ", kind="state", date=D(2022, 3, 1), confidentiality=1
    )
    assert secret.number == "01"


def test_bad_requests_are_refused_and_take_nothing(
    demo: dict[str, Any], persona: Any, ledger_probe: Any
) -> None:
    clerk, unit = persona("vanthu.baoloc"), demo["Thành ủy Bảo Lộc"]
    with pytest.raises(ApplicationError) as error:
        _take(clerk, unit, "", "party")
    assert "type_code" in error.value.message_dict
    with pytest.raises(ApplicationError) as error:
        _take(clerk, unit, "KH", "party", D(2026, 1, 5))  # the unit ended on 01/7/2025
    assert "date" in error.value.message_dict
    with pytest.raises(PermissionDenied):
        _take(persona("bithu.phuong1"), unit, "KH")
    assert not OutgoingEntry.objects.exists()
    ledger_probe.assert_nothing()
    assert _take(clerk, unit, "KH").number == "01"  # nothing was used up


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_parallel_requests_never_share_a_number_nor_leave_a_gap(demo: dict[str, Any]) -> None:
    if connection.vendor != "postgresql":  # SQLite writes one transaction at a time anyway
        pytest.skip("parallel numbering is tested on PostgreSQL")
    unit = demo["Thành ủy Bảo Lộc"]
    workers, each = 8, 6
    barrier = threading.Barrier(workers)
    errors: list[BaseException] = []

    def work() -> None:
        try:
            barrier.wait()
            for _ in range(each):
                _take(None, unit, "KH")
        except BaseException as error:  # report in the main thread
            errors.append(error)
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=work) for _ in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    numbers = sorted(OutgoingEntry.objects.filter(unit=unit).values_list("seq", flat=True))
    assert numbers == list(range(1, workers * each + 1))
