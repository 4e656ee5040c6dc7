"""The REST API, /api/v1/, with its OpenAPI 3 document at /api/v1/openapi.json.

Signed-in sessions only (deny by default; django_auth checks CSRF on writes); each app mounts its router here.
"""

from ninja import NinjaAPI
from ninja.security import django_auth

from doimoi.directives.api import router as directives_router
from doimoi.documents.api import router as documents_router
from doimoi.initiatives.api import router as initiatives_router

api = NinjaAPI(
    title="doimoi API",
    version="1",
    urls_namespace="api-1",
    auth=django_auth,
)
api.add_router("/documents/", documents_router)
api.add_router("/initiatives/", initiatives_router)
api.add_router("/directives/", directives_router)
