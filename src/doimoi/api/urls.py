"""The REST API, /api/v1/, with its OpenAPI 3 document at /api/v1/openapi.json.

Signed-in sessions only (deny by default; django_auth checks CSRF on writes); each app mounts its router here.
"""

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

api = NinjaAPI(
    title="doimoi API",
    version="1",
    urls_namespace="api-1",
    auth=django_auth,
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
