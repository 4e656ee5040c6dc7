"""REST endpoints of the directives app (mounted under /api/v1/directives/)."""

from ninja import Router

router = Router(tags=["directives"])
