"""The instrument as a session shows it: in the session's language, English per string
where the translation lacks one (each such string carries `fallback=True`)."""

from __future__ import annotations

from functools import lru_cache

from govcap.instruments.document import Instrument, localise, parse_instrument
from govcap.instruments.models import Instrument as InstrumentRow
from govcap.instruments.models import InstrumentTranslation


@lru_cache(maxsize=64)
def _localised(instrument_checksum: str, translation_checksum: str, instrument_id: int,
               language: str) -> Instrument:
    # Keyed by checksums: a version never changes once used, and a new translation (or a
    # corrected one) has a new checksum, so the cache can never serve stale text.
    row = InstrumentRow.objects.get(pk=instrument_id)
    parsed = parse_instrument(row.document)
    if not translation_checksum:
        if language == parsed.source_language:
            return parsed
        # No translation yet: every string falls back to the source, visibly marked.
        return localise(parsed, {"instrument": parsed.key, "version": parsed.version,
                                 "language": language, "strings": {}})
    translation = InstrumentTranslation.objects.get(instrument_id=instrument_id, language=language)
    return localise(parsed, translation.document)


def instrument_in(instrument_row, language: str) -> Instrument:
    translation_checksum = (
        InstrumentTranslation.objects.filter(instrument=instrument_row, language=language)
        .values_list("checksum", flat=True)
        .first()
    ) or ""
    return _localised(instrument_row.checksum, translation_checksum, instrument_row.pk, language)


def session_instrument(session) -> Instrument:
    return instrument_in(session.instrument, session.language)
