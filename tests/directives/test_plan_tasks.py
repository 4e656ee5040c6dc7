"""Tasks proposed from a plan's "Tổ chức thực hiện" section, matched to units below the issuer."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from doimoi.directives import plan_tasks
from doimoi.organizations.models import Unit

CORPUS = Path(__file__).resolve().parents[2] / "src/doimoi/documents/demo_corpus"
PLAN_64 = (CORPUS / "000_bb21b65b2818ef4b.txt").read_text(encoding="utf-8")
DISPATCH_287 = (CORPUS / "004_d465b73f169d6f0b.txt").read_text(encoding="utf-8")


def test_seed_000_section_iv_gives_four_tasks_as_written() -> None:
    tasks = plan_tasks.propose(PLAN_64)
    assert [(t.number, t.heading) for t in tasks] == [
        ("1", "Ủy ban nhân dân thành phố"),
        ("2", "Các tổ chức cơ sở đảng trực thuộc Thành ủy"),
        ("3", "Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội thành phố"),
        ("4", "Ban Tuyên giáo Thành ủy"),
    ]
    assert tasks[0].body.startswith("- Chỉ đạo xây dựng kế hoạch, tổ chức tuyên truyền")
    assert "cán bộ năng động" in tasks[0].body  # a line broken by the page is joined again
    assert tasks[2].named == ["Mặt trận Tổ quốc", "các đoàn thể chính trị - xã hội thành phố"]
    assert tasks[3].body.count("\n") == 1  # two bullets, kept as written
    assert "Nơi nhận" not in tasks[3].body


def test_a_conclusion_numbered_3_1_and_3_2_names_bodies_inside_sentences() -> None:
    text = DISPATCH_287[DISPATCH_287.index("BAN CHẤP HÀNH TRUNG ƯƠNG") :]
    tasks = plan_tasks.propose(text)
    assert [t.number for t in tasks] == ["3.1", "3.2"]
    assert tasks[1].heading == "Ban Tổ chức Trung ương"


def test_no_section_no_tasks() -> None:
    assert plan_tasks.propose("KẾ HOẠCH\n1. Mục đích\nNội dung.") == []


@pytest.mark.django_db
def test_named_units_are_matched_in_the_tree_below_the_issuer(demo: dict[str, Any]) -> None:
    city = Unit.objects.get(name="Thành ủy Bảo Lộc")
    candidates = [
        plan_tasks.Candidate(u.pk, u.name, u.kind, u.depth - city.depth)
        for u in Unit.objects.get_descendants(city)
    ]
    names = {u.pk: u.name for u in Unit.objects.get_descendants(city)}
    matched = [
        sorted(names[i] for i in t.unit_ids) for t in plan_tasks.propose_for(PLAN_64, candidates)
    ]
    assert matched == [
        ["Ủy ban nhân dân thành phố Bảo Lộc"],
        ["Đảng ủy phường 1", "Đảng ủy phường Lộc Phát", "Đảng ủy xã Đại Lào"],
        ["Thành đoàn Bảo Lộc", "Ủy ban Mặt trận Tổ quốc Việt Nam thành phố Bảo Lộc"],
        ["Ban Tuyên giáo Thành ủy Bảo Lộc"],
    ]


def test_ambiguous_names_are_left_for_the_clerk() -> None:
    candidates = [
        plan_tasks.Candidate(1, "Đảng ủy phường 1", "grassroots", 1),
        plan_tasks.Candidate(2, "Đảng ủy phường 2", "grassroots", 1),
    ]
    task = plan_tasks.ProposedTask("1", "Đảng ủy phường", "", named=["Đảng ủy phường"])
    assert plan_tasks.match(task, candidates) == []
