"""Ledger verbs of the outreach app."""

from django.utils.translation import gettext_lazy as _

from doimoi.ledger.registry import register

PLAN_CREATED = register("outreach.plan.created", _("Ghi nhận kế hoạch tuyên truyền"))
PLAN_CONFIRMED = register(
    "outreach.plan.confirmed",
    _("Xác nhận nội dung, hình thức, phân công của kế hoạch tuyên truyền"),
)
ACTIVITY_LOGGED = register("outreach.activity.logged", _("Ghi nhận hoạt động tuyên truyền"))
ACTIVITY_DELETED = register("outreach.activity.deleted", _("Xóa hoạt động tuyên truyền"))
# read by the directives app (by this verb, without importing outreach): the session answers
# the "study session" requirement of the directives its plan carries out, for its unit
STUDY_RECORDED = register("outreach.study.recorded", _("Ghi nhận buổi học tập, quán triệt"))
ACTIVITIES_IMPORTED = register(
    "outreach.activity.imported", _("Nhập hoạt động tuyên truyền từ tệp XLSX")
)
FORM_SAVED = register("outreach.form.saved", _("Cập nhật danh mục hình thức tuyên truyền"))
