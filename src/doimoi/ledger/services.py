"""Writing to the ledger: the only way events come into being."""

from __future__ import annotations

import json
from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, models, transaction
from django.utils import timezone

from doimoi.core.statements import Statements
from doimoi.ledger import registry
from doimoi.ledger.chain import GENESIS, event_hash
from doimoi.ledger.models import LedgerEvent

# Any constant shared by all writers; it names the PostgreSQL advisory lock on the chain head.
_CHAIN_LOCK = 0x646F696D6F69


def _lock_chain_head() -> None:
    """Serialize appends: PostgreSQL by advisory lock; SQLite already writes one at a time."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_CHAIN_LOCK])


def _actor_fields(actor: AbstractBaseUser | AnonymousUser | None) -> tuple[int | None, str]:
    if actor is None or not actor.is_authenticated:
        return None, "hệ thống"
    person = getattr(actor, "person", None)
    name = person.full_name if person is not None else actor.get_username()
    return actor.pk, f"{name} ({actor.get_username()})"


_HEAD = Statements(4)


def _head() -> dict[str, Any] | None:
    """The chain's last event (its number and hash), by a statement compiled once per database:
    every event of every service reads it, and building the queryset cost more than running it."""
    sql, params = _HEAD.compiled(
        connection.alias, lambda: LedgerEvent.objects.order_by("-seq").values("seq", "hash")[:1]
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    return {"seq": row[0], "hash": row[1]} if row else None


@transaction.atomic(savepoint=False)  # a step of the caller's transaction: no savepoint of its own
def append(
    *,
    action: str,
    subject: models.Model,
    actor: AbstractBaseUser | AnonymousUser | None,
    unit: models.Model | None = None,
    payload: dict[str, Any] | None = None,
) -> LedgerEvent:
    """Record ``action`` on ``subject`` as the next event of the chain, in the caller's transaction."""
    registry.check(action)
    _lock_chain_head()
    last = _head()
    actor_id, actor_label = _actor_fields(actor)
    stored_payload = json.loads(json.dumps(payload or {}, cls=DjangoJSONEncoder))
    fields: dict[str, Any] = {
        "seq": (last["seq"] + 1) if last else 1,
        "occurred_at": timezone.now(),
        "actor_id": actor_id,
        "actor_label": actor_label,
        "unit_id": unit.pk if unit is not None else None,
        "subject_type": subject._meta.label_lower,
        "subject_id": str(subject.pk),
        "action": action,
        "payload": stored_payload,
        "prev_hash": last["hash"] if last else GENESIS,
    }
    event = LedgerEvent.objects.create(**fields, hash=event_hash(**fields))
    for follower in registry.followers(action):
        follower(event, subject)
    return event
