"""The first version of each regime's rules, as DOMAIN.md §1 and §6 read them.

✅ rules become data as read; 🟡 ones are kept and marked; ❌ ones (ND 73 art. 8.2 for wide-scope
proposals, the third evaluation step) are rows without a value, for an administrator to fill from
the official text. Used by the data migration (historical models) and by the demo and tests.
"""

from __future__ import annotations

import datetime
from typing import Any

OK, MAYBE, UNKNOWN = "confirmed", "secondary", "unconfirmed"

ND73 = {
    "regime": "nd73",
    "version": 1,
    "name": "Nghị định 73/2023/NĐ-CP",
    "basis": (
        "Nghị định số 73/2023/NĐ-CP ngày 29/9/2023 của Chính phủ quy định về khuyến khích, bảo vệ "
        "cán bộ năng động, sáng tạo, dám nghĩ, dám làm, dám chịu trách nhiệm vì lợi ích chung "
        "(hiệu lực từ 29/9/2023). Áp dụng cho cán bộ, công chức lãnh đạo, quản lý cơ quan hành "
        "chính nhà nước, viên chức quản lý đơn vị sự nghiệp công lập, người giữ chức danh tại "
        "doanh nghiệp nhà nước (Điều 2)."
    ),
    "valid_from": datetime.date(2023, 9, 29),
    "covered_roles": ["head", "deputy", "standing_member"],
    "limits": [
        ("review", 7, OK, "Điều 8 khoản 1"),
        ("wide_scope_review", None, UNKNOWN, "Điều 8 khoản 2 — chưa đọc được toàn văn"),
        ("result_report", 5, MAYBE, "Điều về đánh giá kết quả (có thể là Điều 9) — nguồn thứ cấp"),
        ("evaluation", 7, MAYBE, "Điều về đánh giá kết quả (có thể là Điều 9) — nguồn thứ cấp"),
        ("evaluation_followup", None, UNKNOWN, "«Trong thời hạn 03 ngày l…» — nội dung bị cắt"),
    ],
    "items": [
        (
            "condition",
            "5.1.a",
            "Có khả năng tháo gỡ, giải quyết điểm nghẽn, nút thắt trong cơ chế, "
            "chính sách chưa được quy định trong văn bản quy phạm pháp luật và giải quyết hiệu quả vấn "
            "đề được đề xuất",
            "",
            OK,
            "Điều 5 khoản 1 điểm a",
        ),
        (
            "condition",
            "5.1.b",
            "Vì lợi ích chung, đem lại giá trị, hiệu quả thiết thực, tạo chuyển "
            "biến, đóng góp tích cực vào sự phát triển chung",
            "",
            OK,
            "Điều 5 khoản 1 điểm b",
        ),
        (
            "condition",
            "5.1.c",
            "Xuất phát từ yêu cầu cấp thiết của thực tiễn; không ảnh hưởng đến "
            "quốc phòng, an ninh, trật tự an toàn xã hội và sự phát triển của địa phương, cơ quan, đơn "
            "vị khác",
            "",
            OK,
            "Điều 5 khoản 1 điểm c",
        ),
        (
            "condition",
            "5.1.d",
            "Đẩy mạnh phân cấp, phân quyền trong quản lý nhà nước, cải cách thủ "
            "tục hành chính, ứng dụng công nghệ thông tin",
            "",
            OK,
            "Điều 5 khoản 1 điểm d",
        ),
        (
            "legality",
            "constitution",
            "Không trái với Hiến pháp",
            "",
            OK,
            "KL 14 điểm 2.3; Điều 4.2",
        ),
        ("legality", "party_rules", "Không trái với quy định của Đảng", "", OK, "Điều 4 khoản 2"),
        (
            "legality",
            "superior_law",
            "Không trái với văn bản của Quốc hội, Ủy ban Thường vụ Quốc "
            "hội, cơ quan nhà nước cấp trên",
            "",
            OK,
            "Điều 4 khoản 2",
        ),
        (
            "legality",
            "treaties",
            "Không trái với điều ước quốc tế mà Việt Nam là thành viên",
            "",
            OK,
            "Điều 4 khoản 2",
        ),
        (
            "legality",
            "authority",
            "Thuộc thẩm quyền quyết định của cơ quan sử dụng cán bộ (nếu không: chuyển cấp trên)",
            "",
            OK,
            "Điều 4 khoản 2",
        ),
        (
            "prohibited",
            "6.1",
            "Lợi dụng chính sách khuyến khích, bảo vệ cán bộ để thực hiện hoặc "
            "bao che hành vi tham nhũng, tiêu cực, trục lợi, vi phạm kỷ luật Đảng và pháp luật",
            "",
            OK,
            "Điều 6 khoản 1",
        ),
        (
            "prohibited",
            "6.2",
            "Cản trở, gây khó khăn, xúc phạm danh dự, nhân phẩm cán bộ năng động, "
            "sáng tạo trong quá trình đề xuất, thực hiện đề xuất",
            "",
            OK,
            "Điều 6 khoản 2",
        ),
        (
            "prohibited",
            "6.3",
            "Né tránh, đùn đẩy trách nhiệm trong trình tự, thủ tục phê duyệt và "
            "triển khai thực hiện đề xuất",
            "",
            OK,
            "Điều 6 khoản 3",
        ),
        (
            "prohibited",
            "6.4",
            "Không chấp hành sự phân công thực hiện đề xuất; không chấp hành "
            "quyết định tiếp tục, tạm dừng, dừng thực hiện đề xuất",
            "",
            MAYBE,
            "Điều 6 khoản 4 (phần sau theo bản dịch tiếng Anh)",
        ),
        (
            "protection",
            "completed",
            "Hoàn thành: không bị xử lý trách nhiệm",
            "no_liability",
            OK,
            "Điều 11 khoản 1",
        ),
        (
            "protection",
            "shortfall",
            "Không hoặc chỉ hoàn thành một phần, đúng chủ trương, động cơ "
            "trong sáng, vì lợi ích chung: loại trừ trách nhiệm",
            "excluded",
            OK,
            "Điều 11 khoản 2",
        ),
        (
            "protection",
            "damage",
            "Như trên và gây ra thiệt hại: xem xét loại trừ, miễn hoặc giảm nhẹ trách nhiệm",
            "excluded,exempted,mitigated",
            OK,
            "Điều 11 khoản 3",
        ),
    ],
}

KL14 = {
    "regime": "kl14",
    "version": 1,
    "name": "Kết luận 14-KL/TW — quy định của cấp ủy",
    "basis": (
        "Kết luận số 14-KL/TW ngày 22/9/2021 của Bộ Chính trị về chủ trương khuyến khích và bảo vệ "
        "cán bộ năng động, sáng tạo vì lợi ích chung; tỉnh ủy, thành ủy cụ thể hóa (điểm 3.1), ví "
        "dụ Quy định số 51-QĐ/TU ngày 20/5/2024 của Ban Thường vụ Tỉnh ủy Yên Bái (🟡). Các thời "
        "hạn lấy theo Nghị định 73/2023/NĐ-CP và được đánh dấu 🟡: đối chiếu quy định của tỉnh ủy "
        "nơi áp dụng."
    ),
    "valid_from": datetime.date(2021, 9, 22),
    "covered_roles": [],
    "limits": [
        ("review", 7, MAYBE, "Theo Điều 8 khoản 1 NĐ 73; đối chiếu quy định của tỉnh ủy"),
        ("wide_scope_review", None, UNKNOWN, "Chưa xác định"),
        ("result_report", 5, MAYBE, "Theo NĐ 73; đối chiếu quy định của tỉnh ủy"),
        ("evaluation", 7, MAYBE, "Theo NĐ 73; đối chiếu quy định của tỉnh ủy"),
        ("evaluation_followup", None, UNKNOWN, "Chưa xác định"),
    ],
    "items": [
        (
            "condition",
            "common_good",
            "Vì lợi ích chung; dám nghĩ, dám làm, dám đột phá",
            "",
            OK,
            "KL 14 điểm 1",
        ),
        (
            "condition",
            "practice",
            "Xuất phát từ yêu cầu cấp thiết của thực tiễn, tháo gỡ khó khăn, vướng mắc",
            "",
            MAYBE,
            "Theo Điều 5 khoản 1 NĐ 73",
        ),
        ("legality", "constitution", "Không trái với Hiến pháp", "", OK, "KL 14 điểm 2.3"),
        ("legality", "party_charter", "Không trái với Điều lệ Đảng", "", OK, "KL 14 điểm 2.3"),
        (
            "legality",
            "authority",
            "Thuộc thẩm quyền xem xét, quyết định của cấp ủy, cơ quan, đơn "
            "vị (nếu không: chuyển cấp trên)",
            "",
            OK,
            "KL 14 điểm 2.3",
        ),
        (
            "prohibited",
            "kl14",
            "Lợi dụng chủ trương khuyến khích và bảo vệ cán bộ để thực hiện "
            "hoặc bao che hành vi vụ lợi, tham nhũng, tiêu cực, vi phạm kỷ luật của Đảng và pháp luật "
            "của Nhà nước",
            "",
            OK,
            "KL 14 điểm 2.4",
        ),
        (
            "protection",
            "completed",
            "Hoàn thành: không bị xử lý trách nhiệm",
            "no_liability",
            MAYBE,
            "Suy ra từ KL 14 điểm 2.4",
        ),
        (
            "protection",
            "shortfall",
            "Không đạt hoặc đạt một phần, đúng chủ trương, động cơ trong "
            "sáng, vì lợi ích chung: xem xét miễn hoặc giảm nhẹ trách nhiệm",
            "exempted,mitigated",
            OK,
            "KL 14 điểm 2.4",
        ),
        (
            "protection",
            "damage",
            "Như trên và xảy ra thiệt hại: xem xét miễn hoặc giảm nhẹ trách nhiệm",
            "exempted,mitigated",
            OK,
            "KL 14 điểm 2.4",
        ),
    ],
}

DEFAULTS = (ND73, KL14)


def seed_rule_sets(registry: Any) -> None:
    """Create the first version of each regime if it is not there (``registry``: an app registry)."""
    rule_set_model = registry.get_model("initiatives", "RuleSet")
    for spec in DEFAULTS:
        if rule_set_model.objects.filter(regime=spec["regime"], version=spec["version"]).exists():
            continue
        _create(registry, rule_set_model, spec)


def _create(registry: Any, rule_set_model: Any, spec: dict[str, Any]) -> None:
    rule_set = rule_set_model.objects.create(
        regime=spec["regime"],
        version=spec["version"],
        name=spec["name"],
        basis=spec["basis"],
        valid_from=spec["valid_from"],
        covered_roles=spec["covered_roles"],
    )
    limit_model = registry.get_model("initiatives", "TimeLimit")
    item_model = registry.get_model("initiatives", "RuleItem")
    for key, days, confidence, basis in spec["limits"]:
        limit_model.objects.create(
            rule_set=rule_set, key=key, working_days=days, confidence=confidence, basis=basis
        )
    for order, (kind, code, text, options, confidence, basis) in enumerate(spec["items"]):
        item_model.objects.create(
            rule_set=rule_set,
            kind=kind,
            code=code,
            text=text,
            options=options,
            confidence=confidence,
            basis=basis,
            order=order,
        )
