"""The outreach demo (idempotent; runs after the documents app's demo): the two seed plans followed
by the successors of the units that issued them, their parts confirmed, and activities and study
sessions of several units over the last months, dated from the day the demo is seeded.

64-KH/ThU (Thành ủy Bảo Lộc, 2022) is followed today by Đảng ủy phường 1 Bảo Lộc: its party
cells hold study sessions (attendance against their member counts, with members excused), the
ward broadcasts on its radio and posts on its website. 39-KH/ĐUK (Đảng ủy Khối các cơ quan
tỉnh, 2022) is followed by Đảng ủy các cơ quan Đảng tỉnh. Two other wards log activities that
serve no plan, so the province's page of all plans shows several units. Numbers are illustrative.
"""

from __future__ import annotations

import datetime
import io
from importlib import resources
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from PIL import Image, ImageDraw

from doimoi.documents import services as documents
from doimoi.documents.models import Document
from doimoi.organizations.models import Unit
from doimoi.outreach import services
from doimoi.outreach.models import Form, Plan

BL1, DUCQ = "Đảng ủy phường 1 Bảo Lộc", "Đảng ủy các cơ quan Đảng tỉnh Lâm Đồng"
CELL_LP, CELL_LT = "Chi bộ khu phố Lộc Phát", "Chi bộ thôn Lộc Thanh"
BOARD, OFFICE = "Ban Xây dựng Đảng Đảng ủy phường 1 Bảo Lộc", "Văn phòng Đảng ủy phường 1 Bảo Lộc"
UBND = "Ủy ban nhân dân phường 1 Bảo Lộc"
STUDY, MEETING = "Hội nghị học tập, quán triệt", "Sinh hoạt thường kỳ của tổ chức đảng, đoàn thể"
RADIO, WEB = "Hệ thống truyền thanh phường, xã", "Trang thông tin điện tử của đơn vị"
ORAL, SOCIAL = (
    "Tuyên truyền miệng (báo cáo viên, tuyên truyền viên)",
    "Trang chính thức của đơn vị trên mạng xã hội",
)
CONTEST, VISUAL = "Cuộc thi tìm hiểu", "Tuyên truyền trực quan, ấn phẩm"
# (reference, number, symbol, seed file, unit holding the paper, unit following it today)
PLANS = [
    ("64-KH/ThU", "64", "KH/ThU", "000_bb21b65b2818ef4b.txt", "Thành ủy Bảo Lộc", BL1),
    ("39-KH/ĐUK", "39", "KH/ĐUK", "003_e11a6b2333e4ca78.txt",
     "Đảng ủy Khối các cơ quan tỉnh Lâm Đồng", DUCQ),
]  # fmt: skip
# The assignments of 64-KH/ThU as the clerk confirms them in today's tree (section IV names the
# 2022 city's bodies; their successors in the ward take them on).
ASSIGNED_64 = {"1": [UBND], "2": [CELL_LP, CELL_LT], "4": [BOARD]}
# (plan, unit, days ago, form, title, items, counts) — counts: party members, cadres, people,
# audience, or for a study session (excused, attended)
ACTIVITIES: list[tuple[str, str, int, str, str, list[str], dict[str, int]]] = [
    ("64-KH/ThU", CELL_LP, 131, STUDY, "Hội nghị quán triệt Kết luận 14-KL/TW", ["1", "2"],
     {"excused": 2, "attended": 33}),
    ("64-KH/ThU", CELL_LT, 96, STUDY, "Quán triệt Kết luận 14-KL/TW tại chi bộ", ["1", "2"],
     {"excused": 1, "attended": 25}),
    ("64-KH/ThU", OFFICE, 88, STUDY, "Văn phòng Đảng ủy quán triệt Kết luận 14-KL/TW", ["1"],
     {"excused": 0, "attended": 5}),
    ("64-KH/ThU", BL1, 120, RADIO, "Chuyên mục phát thanh: khuyến khích cán bộ dám nghĩ, dám làm",
     ["1"], {"audience": 2400}),
    ("64-KH/ThU", BL1, 62, RADIO, "Bản tin phát thanh về mô hình đổi mới ở khu phố Lộc Phát",
     ["2"], {"audience": 2600}),
    ("64-KH/ThU", BL1, 14, RADIO, "Phát thanh gương cán bộ năng động, sáng tạo", ["2", "5"],
     {"audience": 2750}),
    ("64-KH/ThU", BOARD, 110, WEB, "Bài viết: Kết luận 14-KL/TW và công tác cán bộ ở phường",
     ["1", "4"], {"audience": 860}),
    ("64-KH/ThU", BOARD, 45, WEB, "Bài viết: nhân rộng giải pháp thí điểm có hiệu quả", ["2"],
     {"audience": 1120}),
    ("64-KH/ThU", CELL_LP, 75, MEETING, "Sinh hoạt chuyên đề về nêu gương của đảng viên", ["3", "6"],
     {"party_members": 32, "cadres": 4}),
    ("64-KH/ThU", CELL_LT, 40, MEETING, "Sinh hoạt chi bộ: học tập và làm theo Bác", ["3", "5"],
     {"party_members": 26, "people": 12}),
    ("64-KH/ThU", UBND, 30, ORAL, "Báo cáo viên nói chuyện với cán bộ, công chức phường", ["4"],
     {"cadres": 41, "party_members": 30}),
    ("64-KH/ThU", CELL_LP, 9, MEETING, "Sinh hoạt chi bộ tháng: kết quả thực hiện Kết luận 14",
     ["1"], {"party_members": 34}),
    ("39-KH/ĐUK", DUCQ, 125, STUDY, "Hội nghị quán triệt Kế hoạch 39 về xây dựng Đảng", ["1.1", "2.1"],
     {"excused": 210, "attended": 3650}),
    ("39-KH/ĐUK", DUCQ, 100, SOCIAL, "Trang của Đảng ủy đăng loạt bài xây dựng Đảng", ["1.2", "2.4"],
     {"audience": 15400}),
    ("39-KH/ĐUK", DUCQ, 70, CONTEST, "Cuộc thi tìm hiểu về công tác xây dựng Đảng", ["2.3", "2.8"],
     {"party_members": 1250, "cadres": 380}),
    ("39-KH/ĐUK", DUCQ, 20, VISUAL, "Bản tin nội bộ số chuyên đề", ["2.5"], {"audience": 4200}),
    ("", "Đảng ủy phường 2 Bảo Lộc", 80, RADIO, "Bản tin phát thanh của phường", [], {"audience": 1900}),
    ("", "Đảng ủy phường 2 Bảo Lộc", 25, MEETING, "Sinh hoạt chuyên đề tại các chi bộ", [],
     {"party_members": 640}),
    ("", "Đảng ủy phường B'Lao", 55, ORAL, "Tuyên truyền miệng tại các thôn, tổ dân phố", [],
     {"people": 820, "party_members": 95}),
]  # fmt: skip


def _document(reference: str, number: str, symbol: str, seed: str, holder: Unit) -> Document:
    found = Document.objects.filter(number=number, symbol=symbol).order_by("pk").first()
    if found is not None:
        return found
    text = resources.files("doimoi.documents").joinpath("demo_corpus", seed).read_text("utf-8")
    return documents.document_create_from_text(actor=None, unit=holder, text=text)


def _confirm(plan: Plan, units: dict[str, Unit]) -> None:
    parts = services.propose(plan)
    if plan.document.reference == "64-KH/ThU":
        for a in parts.assignments:
            a.units = [units[name] for name in ASSIGNED_64.get(a.number, [])]
    services.plan_confirm(actor=None, plan=plan, parts=parts)


def _photo(title: str) -> tuple[str, bytes]:
    """An illustrative picture (a phone's would be far larger; the service resizes it)."""
    image = Image.new("RGB", (2400, 1800), (139, 28, 28))
    draw = ImageDraw.Draw(image)
    draw.rectangle((120, 120, 2280, 1680), outline=(255, 230, 160), width=24)
    draw.text(
        (200, 840), title.encode("ascii", "ignore").decode() or "doimoi", fill=(255, 255, 255)
    )
    data = io.BytesIO()
    image.save(data, "JPEG", quality=80)
    return "anh-minh-hoa.jpg", data.getvalue()


def _activities(plans: dict[str, Plan], units: dict[str, Unit], clerk: Any) -> None:
    today = timezone.localdate()
    forms = {f.name: f for f in Form.objects.all()}
    for n, (ref, unit, ago, form, title, items, counts) in enumerate(ACTIVITIES):
        plan = plans.get(ref)
        chosen = [i for i in plan.items.all() if i.number in items] if plan else []
        spec = services.ActivitySpec(
            unit=units[unit],
            form=forms[form],
            held_on=today - datetime.timedelta(days=ago),
            title=title,
            plan=plan,
            items=chosen,
            photo=_photo("Khu pho Loc Phat") if n == 0 else None,
        )
        for name, value in counts.items():  # the figures the row gives
            setattr(spec, name, value)
        services.activity_log(
            actor=clerk if unit in (BL1, CELL_LP, CELL_LT, BOARD, OFFICE, UBND) else None, spec=spec
        )


@transaction.atomic
def seed_demo(units: dict[str, Unit]) -> None:
    services.forms_seed()
    if Plan.objects.filter(document__number="64", document__symbol="KH/ThU").exists():
        return
    today = timezone.localdate()
    plans = {}
    for ref, number, symbol, seed, holder, follower in PLANS:
        document = _document(ref, number, symbol, seed, units[holder])
        plan = services.plan_create(
            actor=None,
            document=document,
            unit=units[follower],
            starts_on=today - datetime.timedelta(days=150),
            ends_on=today + datetime.timedelta(days=60),
        )
        _confirm(plan, units)
        plans[ref] = plan
    clerk = get_user_model().objects.filter(username="vanthu.baoloc").first()
    _activities(plans, units, clerk)
