"""Django's database sessions, with the per-request read done as plain SQL.

Every request of a logged-in user reads its session row; this is the same read (an unexpired
row by key) without the ORM building the query each time (see govcap.plainsql). Writes,
expiry and clean-up are Django's own.
"""

from __future__ import annotations

from django.contrib.sessions.backends import db
from django.utils import timezone

from govcap import plainsql


class SessionStore(db.SessionStore):
    def _get_session_from_db(self):
        found = plainsql.one(self.model, [("session_key", "=", self.session_key),
                                          ("expire_date", ">", timezone.now())])
        if found is None:
            self._session_key = None
        return found
