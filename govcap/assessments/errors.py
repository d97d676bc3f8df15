"""Refusals the capture core raises; views turn them into clear messages."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from govcap import labels


def choice_words(field: str, yours: Any, theirs: Any) -> dict[str, str]:
    """For a conflict on a level or a confidence, the two values as the reader's words
    ("Élevé", not "high"), so a conflict box never shows a stored key; {} for text fields."""
    if field == "level":
        word = labels.level_label
    elif field == "confidence":
        word = labels.confidence_label
    else:
        return {}
    return {"yours_label": word(yours) if yours else "",
            "theirs_label": word(theirs) if theirs else ""}


class CaptureError(Exception):
    """A save that is refused; nothing was written."""

    status = 400

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field

    def as_dict(self) -> dict[str, Any]:
        return {"status": "error", "message": self.message, "field": self.field}


class NotAllowed(CaptureError):
    status = 403


class SessionNotFound(CaptureError):
    """No such session, or not one the user may see (the two are not told apart)."""

    status = 404

    def __init__(self) -> None:
        super().__init__(_("No such session."), None)


class ReadOnly(CaptureError):
    status = 409


class StaleRevision(CaptureError):
    """The save was based on an older revision of the field than the server holds.
    `kept`: the conflict record's part of the answer, once the conflict is kept (see
    assessments.conflicts)."""

    status = 409

    def __init__(self, field: str, yours: Any, theirs: Any, server_revision: int,
                 kept: dict[str, Any] | None = None) -> None:
        super().__init__(
            _("Someone else changed this field since you loaded it. Both versions are shown: "
              "keep yours, take theirs, or merge them."),
            field,
        )
        self.yours = yours
        self.theirs = theirs
        self.server_revision = server_revision
        self.kept = kept or {}

    @classmethod
    def from_answer(cls, answer: dict[str, Any]) -> StaleRevision:
        return cls(answer["field"], answer["yours"], answer["theirs"], answer["revision"],
                   kept=answer)

    @property
    def conflict(self) -> str | None:
        """The UUID of the kept conflict record, if any."""
        return self.kept.get("conflict")

    def as_dict(self) -> dict[str, Any]:
        return {
            **self.kept,
            "status": "conflict",
            "message": self.message,
            "field": self.field,
            "yours": self.yours,
            "theirs": self.theirs,
            "revision": self.server_revision,
            **choice_words(self.field or "", self.yours, self.theirs),
        }
