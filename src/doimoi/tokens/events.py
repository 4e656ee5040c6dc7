"""Ledger verbs of personal API tokens."""

from django.utils.translation import gettext_lazy as _

from doimoi.ledger.registry import register

TOKEN_CREATED = register("tokens.api_token.created", _("Tạo khóa truy cập API"))
TOKEN_REVOKED = register("tokens.api_token.revoked", _("Thu hồi khóa truy cập API"))
