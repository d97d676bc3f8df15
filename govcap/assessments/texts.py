"""The instrument as a session shows it: in the session's language, English per string
where the translation lacks one (each such string carries `fallback=True`)."""

from __future__ import annotations

from functools import lru_cache

from django.utils.translation import get_language

from govcap.instruments.document import Instrument, localise, parse_instrument
from govcap.instruments.models import Instrument as InstrumentRow
from govcap.instruments.models import InstrumentTranslation
from govcap.instruments.services import catalogue_words


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
                                 "language": language, "strings": {}},
                        catalogue_words(parsed.source_language, language))
    translation = InstrumentTranslation.objects.get(instrument_id=instrument_id, language=language)
    return localise(parsed, translation.document,
                    catalogue_words(parsed.source_language, language))


def instrument_in(instrument_row, language: str) -> Instrument:
    translation_checksum = (
        InstrumentTranslation.objects.filter(instrument=instrument_row, language=language)
        .values_list("checksum", flat=True)
        .first()
    ) or ""
    return _localised(instrument_row.checksum, translation_checksum, instrument_row.pk, language)


def session_instrument(session) -> Instrument:
    return instrument_in(session.instrument, session.language)


def reader_instrument(session, reader: str | None = None) -> Instrument:
    """The instrument as its reader reads it: in the reader's (active) language when the
    instrument has that layer (its source or a translation), so its section titles,
    instructions and guide read as the page around them; else in the session's language.
    The participants' words are the session's records, never this."""
    reader = (reader or get_language() or "").split("-")[0]
    shown = session_instrument(session)
    if reader and reader != session.language and (
            reader == shown.source_language or InstrumentTranslation.objects.filter(
                instrument=session.instrument, language=reader).exists()):
        return instrument_in(session.instrument, reader)
    return shown
