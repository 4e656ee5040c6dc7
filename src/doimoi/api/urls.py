"""The REST API, /api/v1/, with its OpenAPI 3 document at /api/v1/openapi.json.

Signed-in sessions only (deny by default; django_auth checks CSRF on writes); each app mounts its router here.
"""

from functools import partial
from typing import Any

from django.db import DataError
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.security import django_auth

from doimoi.core.middleware import is_bad_number
from doimoi.directives.api import router as directives_router
from doimoi.documents.api import router as documents_router
from doimoi.initiatives.api import router as initiatives_router
from doimoi.organizations.api import router as organizations_router
from doimoi.outreach.api import router as outreach_router
from doimoi.tokens.auth import TokenAuth


class DoimoiAPI(NinjaAPI):
    """The API; its schema documents the two answers every operation can give besides its own:
    401 (no session, no valid token) and 422 (input that does not fit the schema)."""

    def get_openapi_schema(self, *args: Any, **kwargs: Any) -> Any:
        schema = super().get_openapi_schema(*args, **kwargs)
        for operations in schema["paths"].values():
            for operation in operations.values():
                responses = operation.setdefault("responses", {})
                responses.setdefault(401, {"description": "Chưa đăng nhập / Unauthorized"})
                responses.setdefault(422, {"description": "Dữ liệu không khớp lược đồ"})
        return schema


api = DoimoiAPI(
    title="doimoi API",
    version="1",
    urls_namespace="api-1",
    auth=[TokenAuth(), django_auth],
)


def _bad_number(request: HttpRequest, error: Any) -> HttpResponse:
    """A number too large for the database is the client's error (400), never a 500."""
    if not is_bad_number(error):
        raise error
    return api.create_response(request, {"detail": _("Số quá lớn.")}, status=400)


api.add_exception_handler(OverflowError, _bad_number)
api.add_exception_handler(DataError, _bad_number)
api.add_router("/documents/", documents_router)
api.add_router("/initiatives/", initiatives_router)
api.add_router("/directives/", directives_router)
api.add_router("/organizations/", organizations_router)
api.add_router("/outreach/", outreach_router)


def _operations_answer_themselves(urls: Any) -> Any:
    """API operations authenticate a session or a token themselves (401 when neither), so the
    site's login redirect must not catch a token's request first; the schema and docs pages
    still need a signed-in session."""
    for pattern in urls[0]:
        if not isinstance(pattern.callback, partial):
            pattern.callback.login_required = False
    return urls


urls = _operations_answer_themselves(api.urls)
