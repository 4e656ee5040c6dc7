"""Sessions in the database, saved in one statement on each request.

The session is saved on every request (``SESSION_SAVE_EVERY_REQUEST``: the idle timeout counts
from the last request), so every signed-in page paid Django's save of an existing session:
BEGIN, UPDATE, COMMIT, three round trips for one statement that is atomic on its own. Here an
existing session is saved by that UPDATE alone; creating one (sign-in, a new key) is Django's.
A session deleted meanwhile (signed out elsewhere) raises ``UpdateError`` as Django's does.
"""

from __future__ import annotations

from django.contrib.sessions.backends.base import UpdateError
from django.contrib.sessions.backends.db import SessionStore as DatabaseStore
from django.db import router


class SessionStore(DatabaseStore):
    def save(self, must_create: bool = False) -> None:
        if must_create or self.session_key is None:
            super().save(must_create=must_create)
            return
        data = self._get_session()  # type: ignore[attr-defined]  # Django's, not in the stubs
        row = self.create_model_instance(data)
        using = router.db_for_write(self.model, instance=row)
        updated = (
            self.model._base_manager.using(using)
            .filter(session_key=row.session_key)
            .update(session_data=row.session_data, expire_date=row.expire_date)
        )
        if not updated:
            raise UpdateError
