"""Username and password logins (Django's ModelBackend), with the user of each request read
as plain SQL: the same row and checks, without the ORM building the query every time (see
govcap.plainsql)."""

from __future__ import annotations

from django.contrib.auth import backends, get_user_model
from django.core.exceptions import ValidationError

from govcap import plainsql

PATH = "govcap.accounts.backends.ModelBackend"


class ModelBackend(backends.ModelBackend):
    def get_user(self, user_id):
        User = get_user_model()
        try:
            pk = User._meta.pk.to_python(user_id)
        except (ValidationError, TypeError, ValueError):  # a malformed id: no user
            return None
        user = plainsql.one(User, [(User._meta.pk.name, "=", pk)])
        return user if user is not None and self.user_can_authenticate(user) else None
