"""The demo cases: one builder per case, each leaving it in a different state (idempotent by title)."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from doimoi.initiatives.models import Regime

if TYPE_CHECKING:
    from doimoi.initiatives.demo import Demo

TU = "Đảng ủy phường 1 Bảo Lộc"
UB = "Ủy ban nhân dân phường 1 Bảo Lộc"
BTG = "Ban Xây dựng Đảng Đảng ủy phường 1 Bảo Lộc"


def plan(topic: str) -> dict[str, Any]:
    """A complete plan (art. 7.2) about ``topic``."""
    return {
        "necessity": f"Thực tiễn đặt ra yêu cầu cấp thiết về {topic}.",
        "bottleneck": f"Chưa có hướng dẫn cụ thể về {topic}; cách làm hiện nay mất nhiều thời gian.",
        "regulation_status": "not_regulated",
        "content": f"Xây dựng quy trình mới về {topic}, phân công rõ người, rõ việc.",
        "scope": "Các chi bộ thuộc Đảng ủy phường 1 Bảo Lộc.",
        "timeline": "06 tháng.",
        "resources_requested": "02 cán bộ kiêm nhiệm; 30 triệu đồng từ kinh phí hoạt động.",
        "feasibility": "Đã có hạ tầng mạng và cán bộ được tập huấn.",
        "impacts": "Tích cực: giảm thời gian, giấy tờ. Tiêu cực: cần làm quen cách làm mới.",
        "expected_results": "Giảm 50% thời gian xử lý.",
    }


def _symbol(d: Demo) -> str:
    return f"{next(d.numbers)}-QĐ/ĐU"


def _review(
    d: Demo, case: Any, *, head: str, clerk: str, votes: dict[str, str], on: Any = None
) -> Any:
    """Put to the collective, take the party committee's opinion, review, vote (on ``on``)."""
    on = on or d.today
    case = d.do(head, case, "put_to_collective", meeting_on=on)
    case = d.do(
        clerk,
        case,
        "record_party_opinion",
        body=f"Ban Thường vụ {case.decider}",
        opinion="Thống nhất chủ trương; đề nghị làm rõ nguồn lực.",
        given_on=on,
    )
    items = case.rule_set.items.filter(kind__in=["condition", "legality"])
    answers = {i.pk: {"answer": "yes", "note": "Đáp ứng.", "citation": ""} for i in items}
    case = d.do(head, case, "answer_checklist", answers=answers)
    ballots = {d.person(u).pk: choice for u, choice in votes.items()}
    return d.do(head, case, "record_vote", held_on=on, ballots=ballots)


def _pilot(d: Demo, case: Any, head: str, supervisor: str, on: Any = None) -> Any:
    on = on or d.today
    case = d.do(
        head,
        case,
        "approve_pilot",
        decided_on=on,
        decision_symbol=_symbol(d),
        content="Cho phép thí điểm.",
        scope="Chi bộ khu phố Lộc Phát và Chi bộ thôn Lộc Thanh.",
        start_on=on,
        end_on=on + datetime.timedelta(days=150),
        resources="30 triệu đồng; 02 cán bộ.",
        indicators="Giảm 50% thời gian xử lý.",
        checkpoints=[on + datetime.timedelta(days=60), on + datetime.timedelta(days=95)],
        stop_conditions="Phát sinh sai sót ảnh hưởng quyền lợi đảng viên.",
        supervisor=d.person(supervisor),
    )
    return d.do(head, case, "start", started_on=on, resources_allotted="Cấp 30 triệu đồng.")


# The ward's party committee decides as its standing committee (its documents are signed "T/M BAN
# THƯỜNG VỤ"): its working rules make the standing-committee member a voter (demo.COLLECTIVES).
TU_VOTES = {
    "bithu.baoloc": "for",
    "phobithu.baoloc": "for",
    "phobithu2.baoloc": "for",
    "uvbtv.baoloc": "for",
}


def draft(d: Demo, title: str) -> None:
    d.start("canbo.baoloc", TU, Regime.KL14, title, necessity="Đang soạn.")


def submitted_btg(d: Demo, title: str) -> None:
    case = d.start(
        "chuyenvien.btg", BTG, Regime.KL14, title, **plan("bản tin điện tử cho đảng viên")
    )
    d.do("chuyenvien.btg", case, "submit")


def head_to_province(d: Demo, title: str) -> None:
    case = d.start("bithu.baoloc", TU, Regime.KL14, title, **plan("liên thông dữ liệu đảng viên"))
    d.do("bithu.baoloc", case, "submit")


def under_review(d: Demo, title: str) -> None:
    case = d.start("canbo.baoloc", TU, Regime.KL14, title, **plan("họp chi bộ trực tuyến"))
    case = d.do("canbo.baoloc", case, "submit")
    _review(d, case, head="bithu.baoloc", clerk="vanthu.baoloc", votes=TU_VOTES)


def rejected(d: Demo, title: str) -> None:
    case = d.start("phobithu.baoloc", TU, Regime.KL14, title, **plan("khoán chi văn phòng phẩm"))
    case = d.do("phobithu.baoloc", case, "submit")
    # a tie follows the head (the standing-committee member was away)
    votes = {"bithu.baoloc": "against", "phobithu2.baoloc": "for", "uvbtv.baoloc": "absent"}
    case = _review(d, case, head="bithu.baoloc", clerk="vanthu.baoloc", votes=votes)
    d.do(
        "bithu.baoloc",
        case,
        "reject",
        decided_on=d.today,
        decision_symbol=_symbol(d),
        reasons="Tập thể không thông qua; chưa bảo đảm nguồn kinh phí.",
    )


def in_progress(d: Demo, title: str) -> None:
    case = d.start(
        "canbo.baoloc", TU, Regime.KL14, title, **plan("tài liệu sinh hoạt chi bộ điện tử")
    )
    # a pilot started 3 months before the demo was seeded: its first checkpoint has passed, the
    # second falls due within days, the pilot ends in about two months
    case = d.do("canbo.baoloc", case, "submit", submitted_on=d.days(-100))
    votes = TU_VOTES
    case = _review(d, case, head="bithu.baoloc", clerk="vanthu.baoloc", votes=votes, on=d.days(-96))
    case = _pilot(d, case, "bithu.baoloc", "uvbtv.baoloc", on=d.days(-92))
    d.do(
        "canbo.baoloc",
        case,
        "report_progress",
        reported_on=d.days(-30),
        content="Đã chuyển tài liệu của 2 kỳ sinh hoạt sang bản điện tử.",
    )


def suspended(d: Demo, title: str) -> None:
    ub = {"phobithu2.baoloc": "for"}
    case = d.start(
        "phochutich.baoloc", UB, Regime.ND73, title, **plan("thủ tục đất đai trực tuyến")
    )
    case = d.do("phochutich.baoloc", case, "submit")
    case = _review(d, case, head="phobithu2.baoloc", clerk="phobithu2.baoloc", votes=ub)
    case = d.do(
        "phobithu2.baoloc",
        case,
        "approve",
        decided_on=d.today,
        decision_symbol="15/QĐ-UBND",
        content="Cho thực hiện tại bộ phận một cửa.",
        resources="Phần mềm hiện có.",
    )
    case = d.do("phobithu2.baoloc", case, "start", started_on=d.today)
    d.do(
        "phobithu2.baoloc",
        case,
        "suspend",
        decided_on=d.today,
        decision_symbol="16/QĐ-UBND",
        reasons="Chờ hướng dẫn của Sở Nông nghiệp và Môi trường về liên thông dữ liệu.",
    )


def _to_evaluation(d: Demo, title: str, topic: str, outcome: str, damage: bool) -> Any:
    case = d.start("canbo.baoloc", TU, Regime.KL14, title, **plan(topic))
    case = d.do("canbo.baoloc", case, "submit")
    case = _review(d, case, head="bithu.baoloc", clerk="vanthu.baoloc", votes=TU_VOTES)
    case = _pilot(d, case, "bithu.baoloc", "uvbtv.baoloc")
    case = d.do(
        "canbo.baoloc", case, "report_progress", reported_on=d.today, content="Đúng tiến độ."
    )
    case = d.do(
        "uvbtv.baoloc",
        case,
        "record_supervision",
        kind="supervision",
        visited_on=d.today,
        findings="Thực hiện đúng kế hoạch.",
    )
    case = d.do("canbo.baoloc", case, "complete", completed_on=d.today)
    case = d.do(
        "canbo.baoloc", case, "report_result", reported_on=d.today, report="Đạt phần lớn chỉ tiêu."
    )
    case = d.do(
        "vanthu.baoloc",
        case,
        "record_party_opinion",
        body=f"Ban Thường vụ {TU}",
        opinion="Đồng ý với đánh giá.",
        given_on=d.today,
    )
    return d.do(
        "bithu.baoloc",
        case,
        "evaluate",
        evaluated_on=d.today,
        outcome=outcome,
        damage=damage,
        damage_amount=12_000_000 if damage else None,
        objective_causes="Nhà cung cấp dịch vụ chậm bàn giao.",
        subjective_causes="Chưa lường hết khối lượng dữ liệu.",
    )


def protected(d: Demo, title: str) -> None:
    case = _to_evaluation(d, title, "thuê dịch vụ phần mềm quản lý văn bản", "partly", True)
    d.do(
        "bithu.baoloc",
        case,
        "grant_protection",
        decided_on=d.today,
        decision_symbol=_symbol(d),
        good_faith=True,
        finding="mitigated",
        reasons="Thực hiện đúng chủ trương, động cơ trong sáng, vì lợi ích chung.",
    )


def recognized(d: Demo, title: str) -> None:
    case = _to_evaluation(d, title, "sổ tay nghiệp vụ công tác đảng", "completed", False)
    case = d.do(
        "bithu.baoloc",
        case,
        "grant_protection",
        decided_on=d.today,
        decision_symbol=_symbol(d),
        finding="no_liability",
        reasons="Hoàn thành.",
    )
    case = d.do(
        "bithu.baoloc",
        case,
        "recognize_model",
        recognized_on=d.today,
        model_name="Sổ tay điện tử công tác đảng cho chi bộ",
    )
    case = d.do(
        "bithu.baoloc",
        case,
        "record_adoption",
        unit=d.units["Đảng ủy phường 2 Bảo Lộc"],
        adopted_on=d.today,
    )
    case = d.do(
        "bithu.baoloc",
        case,
        "propose_regulation",
        proposed_on=d.today,
        content="Ban hành hướng dẫn dùng sổ tay điện tử trong toàn Đảng bộ tỉnh.",
        addressed_to="Ban Thường vụ Tỉnh ủy Lâm Đồng",
    )
    d.do(
        "bithu.baoloc",
        case,
        "propose_reward",
        person=d.person("canbo.baoloc"),
        form="commendation",
        reasons="Đề xuất được đánh giá hoàn thành, nhân rộng.",
    )


def referred(d: Demo, title: str) -> None:
    case = _to_evaluation(d, title, "khoán kinh phí in ấn tài liệu", "not_completed", True)
    d.do(
        "kiemtra.tinhuy",
        case,
        "refer",
        found_on=d.today,
        ground="kl14",
        description="Lợi dụng thí điểm để thanh toán khống chi phí in ấn.",
    )


CASES: list[tuple[str, Callable[[Demo, str], None]]] = [
    ("Số hóa hồ sơ đảng viên tại các chi bộ khu phố", draft),
    ("Bản tin điện tử hằng tuần cho đảng viên", submitted_btg),
    ("Liên thông dữ liệu đảng viên giữa Đảng ủy phường và các chi bộ", head_to_province),
    ("Họp chi bộ trực tuyến cho đảng viên đi làm xa", under_review),
    ("Khoán chi văn phòng phẩm cho các ban Đảng ủy phường", rejected),
    ("Tài liệu sinh hoạt chi bộ điện tử", in_progress),
    ("Giải quyết thủ tục đất đai trực tuyến một cấp", suspended),
    ("Thuê dịch vụ phần mềm quản lý văn bản", protected),
    ("Sổ tay điện tử công tác đảng cho chi bộ", recognized),
    ("Khoán kinh phí in ấn tài liệu tuyên truyền", referred),
]
