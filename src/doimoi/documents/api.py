"""REST endpoints of the documents app (mounted under /api/v1/documents/)."""

from ninja import Router

router = Router(tags=["documents"])
