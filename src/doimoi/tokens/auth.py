"""The API's bearer authentication with a personal token (``Authorization: Bearer dm_…``)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja.security import HttpBearer

from doimoi.tokens.services import user_for_key


class TokenAuth(HttpBearer):
    """Acts as the token's user, with exactly that user's rights (no CSRF: no cookie involved)."""

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        user = user_for_key(token)
        if user is None:
            return None
        request.user = user
        return user
