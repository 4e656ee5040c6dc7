"""Ledger verbs of the exchange app."""

from django.utils.translation import gettext_lazy as _

from doimoi.ledger.registry import register

PACKET_RECEIVED = register("exchange.packet.received", _("Nhận gói tin edXML"))
PACKET_SENT = register("exchange.packet.sent", _("Xuất, gửi gói tin edXML"))
DOCUMENT_REVOKED = register("exchange.document.revoked", _("Văn bản bị nơi gửi thu hồi"))
DOCUMENT_UPDATED = register("exchange.document.updated", _("Cập nhật văn bản theo nơi gửi"))
STATUS_RECEIVED = register("exchange.status.received", _("Nhận trạng thái xử lý của nơi nhận"))
STATUS_SENT = register("exchange.status.sent", _("Gửi trạng thái xử lý cho nơi gửi"))
AGENCY_SAVED = register("exchange.agency.saved", _("Cập nhật mã định danh liên thông"))
