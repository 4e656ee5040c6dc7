"""Template context shared by every page."""

from __future__ import annotations

from django.http import HttpRequest

from doimoi.organizations import selectors


def current_unit(request: HttpRequest) -> dict[str, object]:
    """The units the user works in, and the one chosen in the unit switcher."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    units = selectors.units_of_user(user=user)
    chosen_id = request.session.get("unit_id")
    chosen = next((u for u in units if u.pk == chosen_id), units[0] if units else None)
    return {"my_units": units, "current_unit": chosen}
