"""The ledger verbs each app declares, with the label the timeline shows."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.utils.functional import Promise

_VERBS: dict[str, str | Promise] = {}
# verb → functions called with (event, subject) right after the event is written, in the same
# transaction: how an upper app follows what a lower one does without the lower one knowing it
_FOLLOWERS: dict[str, list[Callable[[Any, Any], None]]] = {}


class UnknownVerb(LookupError):
    """A service tried to record a verb no app registered."""


def register(verb: str, label: str | Promise) -> str:
    """Declare ``verb`` (``<app>.<entity>.<past participle>``) and return it."""
    if verb.count(".") != 2:
        raise ValueError(f"ledger verb must be <app>.<entity>.<action>: {verb!r}")
    _VERBS[verb] = label
    return verb


def label(verb: str) -> str | Promise:
    """The readable label of ``verb``, or the verb itself when unknown (old events stay readable)."""
    return _VERBS.get(verb, verb)


def check(verb: str) -> None:
    """Refuse a verb that no app registered."""
    if verb not in _VERBS:
        raise UnknownVerb(verb)


def follow(verb: str, follower: Callable[[Any, Any], None]) -> None:
    """Call ``follower(event, subject)`` after each ``verb`` event, inside its transaction."""
    followers = _FOLLOWERS.setdefault(verb, [])
    if follower not in followers:
        followers.append(follower)


def followers(verb: str) -> list[Callable[[Any, Any], None]]:
    return _FOLLOWERS.get(verb, [])
