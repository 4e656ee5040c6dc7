"""Domain errors: raised by services, shown to the user next to the field at fault."""

from __future__ import annotations

from django.core.exceptions import ValidationError


class ApplicationError(ValidationError):
    """A change refused for a reason the user can act on; ``field`` names the input at fault."""
