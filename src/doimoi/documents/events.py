"""Ledger verbs of the documents app."""

from django.utils.translation import gettext_lazy as _

from doimoi.ledger.registry import register

DOCUMENT_INGESTED = register("documents.document.ingested", _("Nhập văn bản"))
DOCUMENT_CREATED = register("documents.document.created", _("Tạo văn bản từ nội dung soạn thảo"))
DOCUMENT_CONFIRMED = register(
    "documents.document.confirmed", _("Kiểm tra, xác nhận thông tin văn bản")
)
ISSUER_CONFIRMED = register(
    "documents.document.issuer_confirmed", _("Cơ quan ban hành xác nhận văn bản là của mình")
)
DOCUMENT_CLASSIFIED = register("documents.document.classified", _("Đặt độ mật của văn bản"))
COPY_ATTACHED = register("documents.copy.attached", _("Nhận thêm bản của văn bản đã có"))
DOCUMENT_MERGED = register(
    "documents.document.merged", _("Gộp văn bản trùng: một văn bản, thêm bản lưu")
)
CITATION_ADDED = register("documents.citation.added", _("Liên kết văn bản"))
OUTGOING_NUMBERED = register("documents.outgoing.numbered", _("Lấy số văn bản đi"))
INCOMING_REGISTERED = register("documents.incoming.registered", _("Vào sổ văn bản đến"))
INCOMING_UPDATED = register("documents.incoming.updated", _("Sửa thông tin văn bản đến"))
INCOMING_CANCELLED = register("documents.incoming.cancelled", _("Hủy một số đến vào sổ nhầm"))
TERM_SAVED = register("documents.term.saved", _("Cập nhật nhiệm kỳ cấp ủy"))
CLEARANCE_GRANTED = register("documents.clearance.granted", _("Cấp quyền xem văn bản mật"))
