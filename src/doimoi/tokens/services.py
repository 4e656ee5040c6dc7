"""Making, using and revoking personal API tokens."""

from __future__ import annotations

import hashlib
import secrets
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from doimoi.core.errors import ApplicationError
from doimoi.core.services import locked
from doimoi.core.text import nfc
from doimoi.ledger import services as ledger
from doimoi.tokens import events
from doimoi.tokens.models import ApiToken

PREFIX = "dm_"


def digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


@transaction.atomic
def token_create(*, actor: Any, name: str) -> tuple[ApiToken, str]:
    """Make a token for ``actor`` (their own rights); returns it and the key, shown only now."""
    if actor is None or not actor.is_authenticated:
        raise PermissionDenied(_("Cần đăng nhập."))
    name = nfc(name or "").strip()
    if not name:
        raise ApplicationError({"name": _("Đặt tên gợi nhớ cho khóa.")})
    key = PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=actor, name=name[:100], prefix=key[:10], key_hash=digest(key)
    )
    ledger.append(
        action=events.TOKEN_CREATED,
        subject=token,
        actor=actor,
        payload={"name": token.name, "prefix": token.prefix},
    )
    return token, key


@transaction.atomic
def token_revoke(*, actor: Any, token: ApiToken) -> ApiToken:
    """Revoke one of the actor's own tokens (an administrator may revoke anyone's)."""
    if token.user_id != actor.pk and not actor.is_superuser:
        raise PermissionDenied(_("Không có quyền."))
    token = locked(ApiToken.objects).get(pk=token.pk)
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        ledger.append(
            action=events.TOKEN_REVOKED,
            subject=token,
            actor=actor,
            payload={"name": token.name, "prefix": token.prefix},
        )
    return token


def user_for_key(key: str) -> Any:
    """The active user a key belongs to, or None; notes when the token was last used."""
    token = (
        ApiToken.objects.select_related("user")
        .filter(key_hash=digest(key), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    now = timezone.now()
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user
