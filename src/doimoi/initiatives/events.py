"""Ledger verbs of the initiatives app: one per transition of the table, plus the draft and rules."""

from django.utils.translation import gettext_lazy as _

from doimoi.ledger.registry import register

CASE_CREATED = register("initiatives.case.created", _("Tạo dự thảo đề xuất"))
ATTACHMENT_ADDED = register("initiatives.case.attached", _("Đính kèm tài liệu"))
DOSSIER_ISSUED = register(
    "initiatives.dossier.issued", _("Ban hành hồ sơ bảo vệ cán bộ (lấy số sổ văn bản đi)")
)
RULE_SET_VERSIONED = register("initiatives.ruleset.versioned", _("Tạo phiên bản bộ quy tắc"))
TIME_LIMIT_SET = register("initiatives.ruleset.limit_set", _("Sửa thời hạn của bộ quy tắc"))
RULE_SET_UPDATED = register("initiatives.ruleset.updated", _("Sửa bộ quy tắc"))
COLLECTIVE_SET = register(
    "initiatives.collective.set", _("Sửa quy định tập thể biểu quyết của đơn vị")
)

# One verb per transition name (states.TABLE); the label is what the timeline shows.
TRANSITION_VERBS = {
    "save_draft": register("initiatives.case.draft_saved", _("Lưu dự thảo")),
    "submit": register("initiatives.case.submitted", _("Gửi kế hoạch đề xuất tới người đứng đầu")),
    "return_for_revision": register("initiatives.case.returned", _("Trả lại để hoàn thiện")),
    "put_to_collective": register(
        "initiatives.case.put_to_collective", _("Đưa ra tập thể lãnh đạo")
    ),
    "escalate": register("initiatives.case.escalated", _("Chuyển cấp trên xem xét")),
    "record_party_opinion": register(
        "initiatives.case.party_opinion_recorded", _("Ghi ý kiến cấp ủy")
    ),
    "answer_checklist": register(
        "initiatives.case.checklist_answered", _("Rà soát điều kiện, tính hợp pháp")
    ),
    "record_vote": register("initiatives.case.vote_recorded", _("Ghi kết quả biểu quyết")),
    "approve": register("initiatives.case.approved", _("Quyết định cho thực hiện")),
    "approve_pilot": register("initiatives.case.pilot_approved", _("Quyết định cho thí điểm")),
    "reject": register("initiatives.case.rejected", _("Quyết định không phê duyệt")),
    "start": register("initiatives.case.started", _("Bố trí nguồn lực, triển khai")),
    "record_resources": register("initiatives.case.resources_recorded", _("Ghi nguồn lực")),
    "report_progress": register("initiatives.case.progress_reported", _("Báo cáo tiến độ")),
    "record_supervision": register(
        "initiatives.case.supervised", _("Ghi kết quả giám sát, kiểm tra")
    ),
    "raise_problem": register("initiatives.case.problem_raised", _("Báo cáo khó khăn, rủi ro")),
    "give_support": register("initiatives.case.supported", _("Hỗ trợ, tháo gỡ")),
    "adjust": register("initiatives.case.adjusted", _("Quyết định điều chỉnh")),
    "suspend": register("initiatives.case.suspended", _("Quyết định tạm dừng")),
    "resume": register("initiatives.case.resumed", _("Quyết định tiếp tục")),
    "stop": register("initiatives.case.stopped", _("Quyết định dừng")),
    "complete": register("initiatives.case.completed", _("Kết thúc thực hiện")),
    "report_result": register("initiatives.case.result_reported", _("Báo cáo kết quả")),
    "evaluate": register("initiatives.case.evaluated", _("Đánh giá kết quả")),
    "grant_protection": register("initiatives.case.protected", _("Kết luận bảo vệ cán bộ")),
    "refer": register("initiatives.case.referred", _("Kết luận vi phạm, chuyển xử lý")),
    "recognize_model": register("initiatives.case.recognized", _("Công nhận mô hình")),
    "record_adoption": register("initiatives.case.adopted", _("Đơn vị khác áp dụng mô hình")),
    "report_adoption": register("initiatives.case.adoption_reported", _("Kết quả áp dụng mô hình")),
    "propose_regulation": register(
        "initiatives.case.regulation_proposed", _("Đề xuất thể chế hóa")
    ),
    "propose_reward": register("initiatives.case.reward_proposed", _("Đề nghị khen thưởng")),
    "decide_reward": register("initiatives.case.reward_decided", _("Quyết định khen thưởng")),
}
