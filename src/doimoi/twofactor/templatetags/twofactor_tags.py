"""Whether an account has the second step on (for the person page of a unit admin)."""

from typing import Any

from django import template

from doimoi.twofactor.services import confirmed_device

register = template.Library()


@register.simple_tag
def two_factor_on(user: Any) -> bool:
    return user is not None and confirmed_device(user) is not None
