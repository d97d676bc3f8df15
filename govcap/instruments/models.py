"""Instrument versions stored as validated documents.

The YAML file is the source; the database keeps the validated document (as JSON) so a
session can always show the exact text it was captured against. A version used by any
session never changes: a changed instrument is imported as a new version.
"""

from __future__ import annotations

import uuid
from functools import cached_property

from django.core.exceptions import ValidationError
from django.db import models

from govcap.instruments.document import parse_instrument

# Parsed documents by checksum: a stored version never changes, so every request (each
# autosave included) can share one parse.
_PARSED: dict[str, object] = {}


class Instrument(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    key = models.SlugField(max_length=80)
    version = models.CharField(max_length=40)
    title = models.CharField(max_length=300)
    document = models.JSONField()
    checksum = models.CharField(max_length=64)
    imported_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["key", "version"], name="instrument_key_version")
        ]
        ordering = ["key", "imported_at"]

    def __str__(self) -> str:
        return f"{self.title} (v{self.version})"

    @property
    def in_use(self) -> bool:
        return self.sessions.exists()

    @cached_property
    def parsed(self):
        """The document as frozen dataclasses (govcap.instruments.document.Instrument)."""
        cached = _PARSED.get(self.checksum)
        if cached is None:
            cached = _PARSED[self.checksum] = parse_instrument(self.document)
        return cached

    def save(self, *args, **kwargs):
        if self.pk:
            stored = Instrument.objects.filter(pk=self.pk).values_list("checksum", flat=True).first()
            if stored is not None and stored != self.checksum and self.in_use:
                raise ValidationError(
                    f"Instrument {self.key} v{self.version} is used by sessions and cannot be "
                    "changed; import the changed file as a new version."
                )
        super().save(*args, **kwargs)


class InstrumentTranslation(models.Model):
    """One language of one instrument version, keyed by statement and question IDs.

    Kept apart from the instrument so a language can be added to a version in use.
    """

    instrument = models.ForeignKey(Instrument, on_delete=models.CASCADE, related_name="translations")
    language = models.CharField(max_length=12)
    document = models.JSONField()
    checksum = models.CharField(max_length=64)
    imported_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["instrument", "language"], name="translation_language")
        ]

    def __str__(self) -> str:
        return f"{self.instrument} [{self.language}]"
