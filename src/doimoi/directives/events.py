"""Ledger verbs of the directives app."""

from django.utils.translation import gettext_lazy as _

from doimoi.ledger.registry import register

DIRECTIVE_CREATED = register("directives.directive.created", _("Tạo văn bản chỉ đạo"))
DIRECTIVE_DISTRIBUTED = register(
    "directives.directive.distributed", _("Gửi văn bản chỉ đạo tới đơn vị")
)
ASSIGNMENT_ACKNOWLEDGED = register(
    "directives.assignment.acknowledged", _("Xác nhận đã nhận văn bản chỉ đạo")
)
ASSIGNMENT_ANSWERED = register(
    "directives.assignment.answered", _("Ghi nhận kết quả thực hiện yêu cầu")
)
REPORT_SUBMITTED = register("directives.report.submitted", _("Gửi báo cáo"))
REPORT_ACCEPTED = register("directives.report.accepted", _("Chấp nhận báo cáo"))
REPORT_RETURNED = register("directives.report.returned", _("Trả lại báo cáo"))
ASSIGNMENT_FORWARDED = register(
    "directives.assignment.forwarded", _("Sao gửi văn bản chỉ đạo tới đơn vị trực thuộc")
)
ASSIGNMENT_DELEGATED = register(
    "directives.assignment.delegated", _("Giao nhiệm vụ theo kế hoạch thực hiện")
)
URGING_ISSUED = register("directives.urging.issued", _("Ban hành công văn đôn đốc"))
