"""One style for a range of months in the plan documents, its year named once: French "de
février à juillet 2026" (it read "février 2026 – juillet 2026" beside "Entre juillet 2025 et
décembre 2025")."""

from __future__ import annotations

from govcap.localise import month_range
from govcap.reports.labels import Labels


def test_french_says_de_a_with_the_year_once():
    assert month_range("2026-02", "2026-07", "fr") == "de février à juillet 2026"
    assert month_range("2025-08", "2025-10", "fr") == "d’août à octobre 2025"
    assert month_range("2025-07", "2026-01", "fr") == "de juillet 2025 à janvier 2026"


def test_other_languages_name_the_year_once():
    assert month_range("2026-02", "2026-07", "en") == "February – July 2026"
    assert month_range("2026-02", "2026-07", "sw") == "Februari – Julai 2026"
    assert month_range("2025-07", "2026-01", "en") == "July 2025 – January 2026"
    assert month_range("2026-03", "2026-03", "en") == "March 2026"
    assert month_range(None, None, "en", empty="–") == "–"


def test_the_documents_spans_follow_it():
    assert Labels("fr").span("2026-02", "2026-07") == "de février à juillet 2026"
    assert Labels("en").span(None, None) == "–"
