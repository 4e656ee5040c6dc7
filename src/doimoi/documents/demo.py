"""Demo data of the documents app: the three seed documents, ingested once, where they were held.

The seeds are kept byte for byte in ``demo_corpus/`` so an installed package has them.
"""

from __future__ import annotations

import datetime
from importlib import resources
from typing import Any

from django.contrib.auth import get_user_model

from doimoi.documents.models import Clearance, Confidentiality
from doimoi.documents.services import access, cache
from doimoi.documents.services.ingest import ingest_file

# seed file → the units that hold it (the first ingests it, the others receive copies)
HOLDERS = {
    "000_bb21b65b2818ef4b.txt": ["Thành ủy Bảo Lộc"],
    "003_e11a6b2333e4ca78.txt": ["Đảng ủy Khối các cơ quan tỉnh Lâm Đồng"],
    "004_d465b73f169d6f0b.txt": ["Đảng ủy Khối Doanh nghiệp tỉnh Lâm Đồng", "Thành ủy Bảo Lộc"],
}
# username → [(unit, level, from, to)]: who may read classified documents in the demo (the head
# keeps reading the closed city committee's archive; the ward's clearance runs from 01/07/2025)
REORG = datetime.date(2025, 7, 1)
CLEARANCES = {
    "bithu.baoloc": [
        ("Thành ủy Bảo Lộc", Confidentiality.MAT, datetime.date(2020, 1, 1), None),
        ("Đảng ủy phường 1 Bảo Lộc", Confidentiality.MAT, REORG, None),
    ]
}


def corpus() -> dict[str, bytes]:
    """The seed files, by name."""
    folder = resources.files("doimoi.documents").joinpath("demo_corpus")
    return {name: folder.joinpath(name).read_bytes() for name in HOLDERS}


def _clearances(units: dict[str, Any]) -> None:
    users = get_user_model().objects
    for username, grants in CLEARANCES.items():
        user = users.filter(username=username).first()
        for unit_name, level, start, end in grants:
            unit = units[unit_name]
            if user is None or Clearance.objects.filter(user=user, unit=unit).exists():
                continue
            clearance = Clearance(
                user=user,
                unit=unit,
                level=level,
                valid_from=start,
                valid_to=end,
                basis="Dữ liệu minh họa",
            )
            access.clearance_save(actor=None, clearance=clearance)


def seed_demo(units: dict[str, Any]) -> None:
    """Ingest the seed documents for the units that held them (a file seen before is skipped)."""
    with cache.batch():
        for name, data in corpus().items():
            for unit_name in HOLDERS[name]:
                # the units received them when they came (the demo asks for the arrival
                # although they are older than this year: an upload would not, by default)
                ingest_file(
                    actor=None,
                    unit=units[unit_name],
                    name=name,
                    data=data,
                    source="demo",
                    register_old=True,
                )
    _clearances(units)
