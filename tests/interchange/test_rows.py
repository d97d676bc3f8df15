"""Rows → submissions: values checked one by one, each problem placed (no database)."""

from __future__ import annotations

import pytest

from govcap.interchange import rows
from govcap.interchange.headers import map_columns
from govcap.interchange.plan import Context, OrganisationRef, PersonRef, make_plan
from govcap.interchange.problems import ImportProblem
from govcap.interchange.rows import MAX_TEXT, normalise_instance_id, parse_rows
from govcap.interchange.tables import Table, TableRow

BASE = {"consent": "yes", "session/organisation": "MoICT", "session/session_date": "2026-03-10",
        "session/participants": "4", "session/facilitator": "amina",
        **{f"s{n}/s{n}_level": "basic" for n in range(1, 9)},
        "_uuid": "3F8A2C1E-5B7D-4E9A-9C2F-1A6B8D4E7F01"}
CONTEXT = Context("Kenya — baseline", "Kenya", "KE", "govstack-rsa", "1.0",
                  organisations=(OrganisationRef(1, "Ministry of ICT", "MoICT"),),
                  facilitators=(PersonRef(9, "amina", "Amina Yusuf", "amina@example.org"),))


def table(*rows: dict[str, str]) -> Table:
    headers = list(dict.fromkeys(h for row in rows for h in (*BASE, *row)))
    return Table(tuple(headers), tuple(
        TableRow(n, tuple({**BASE, **row}.get(h, "") for h in headers))
        for n, row in enumerate(rows, start=2)), "csv")


def parse(spec, **cells: str):
    t = table(cells)
    (result,) = parse_rows(t, map_columns(t.headers, spec), spec).results
    return result


def problems(spec, **cells: str) -> list[tuple[str | None, str]]:
    return [(p.column, p.reason) for p in parse(spec, **cells).problems]


def test_a_good_row(spec):
    result = parse(spec, **{"s2/s2_quotes": "First.\n\n Second. ", "s2/s2_quote_codes": "p2, -",
                            "s3/s3_level": "Not assessed", "s3/s3_na_reason": "No time",
                            "s3/s3_confidence": "high", "s1/s1_confidence": "Élevé"})
    assert result.problems == ()
    sub = result.submission
    assert sub.instance_id == "uuid:3f8a2c1e-5b7d-4e9a-9c2f-1a6b8d4e7f01"
    assert sub.participants == 4 and str(sub.date) == "2026-03-10"
    s1, s2, s3 = sub.sections[:3]
    assert s1.confidence == "high"
    assert [(q.text, q.participant_code) for q in s2.quotes] == [("First.", "P2"),
                                                                ("Second.", "")]
    assert (s3.level, s3.not_assessed_reason, s3.confidence) == ("not_assessed", "No time", "")


@pytest.mark.parametrize("cells, expected", [
    ({"s1/s1_level": ""}, ("s1/s1_level", "empty; the form requires an answer")),
    ({"s1/s1_level": "great"}, ("s1/s1_level", "“great” is not one of the choices")),
    ({"s2/s2_level": "not_assessed"}, ("s2_na_reason", "a section not assessed needs the reason")),
    ({"s1/s1_confidence": "sure"}, ("s1/s1_confidence", "“sure” is not one of the choices")),
    ({"session/session_date": "2026-02-30"}, ("session/session_date", "is not a date")),
    ({"session/session_date": ""}, ("session/session_date", "empty; the form requires")),
    ({"session/participants": "0"}, ("session/participants", "from 1 to 100")),
    ({"session/participants": "3.5"}, ("session/participants", "from 1 to 100")),
    ({"session/organisation": ""}, ("session/organisation", "empty; the form requires")),
    ({"_uuid": ""}, ("_uuid", "no submission ID")),
    ({"_uuid": "x" * 101}, ("_uuid", "longer than 100 characters")),
    ({"s1/s1_notes": "n" * (MAX_TEXT + 1)}, ("s1/s1_notes", "longer than 20,000 characters")),
    ({"s1/s1_quotes": "a\nb", "s1/s1_quote_codes": "P1"},
     ("s1/s1_quote_codes", "1 participant code for 2 quotes")),
    ({"s1/s1_quotes": "a", "s1/s1_quote_codes": "Amina"},
     ("s1/s1_quote_codes", "“Amina” is not a participant code")),
    ({"s1/s1_quotes": "a", "s1/s1_quote_codes": "P9"},
     ("s1/s1_quote_codes", "P9 but the session has 4 participants")),
])
def test_bad_values_are_placed_and_explained(spec, cells, expected):
    found = problems(spec, **cells)
    assert len(found) == 1, found
    column, reason = found[0]
    assert expected[0] in (column or "") and expected[1] in reason


def test_consent_no_gives_a_row_to_skip_and_an_unknown_answer_a_problem(spec):
    assert parse(spec, consent="No").submission.consent is False
    assert problems(spec, consent="perhaps")[0][1].startswith("“perhaps” is not one of")


@pytest.mark.parametrize("raw, normal", [
    ("3F8A2C1E-5B7D-4E9A-9C2F-1A6B8D4E7F01", "uuid:3f8a2c1e-5b7d-4e9a-9c2f-1a6b8d4e7f01"),
    ("uuid:3f8a2c1e-5b7d-4e9a-9c2f-1a6b8d4e7f01", "uuid:3f8a2c1e-5b7d-4e9a-9c2f-1a6b8d4e7f01"),
    (" other-id ", "other-id"),
])
def test_instance_ids_take_openrosas_form(raw, normal):
    assert normalise_instance_id(raw) == normal


def test_the_plan_matches_organisations_and_facilitators(spec):
    plan = make_plan(table({}, {"_uuid": "b", "session/facilitator": "Someone Else",
                                "session/organisation": "ministry of ict"}), spec, CONTEXT)
    assert [(p.organisation_id, p.facilitator_id, p.note_taker) for p in plan.sessions] == [
        (1, 9, ""), (1, None, "Someone Else")]


def test_the_plan_skips_what_is_imported_rejected_or_without_consent(spec):
    context = Context(**{**CONTEXT.__dict__, "imported": {"b": "Kenya — baseline"}})
    plan = make_plan(table({}, {"_uuid": "b"}, {"_uuid": "c", "consent": "no"},
                           {"_uuid": "d", "_validation_status": "Not Approved"}), spec, context)
    assert len(plan.sessions) == 1
    assert [(s.row, s.reason.split(" ")[0]) for s in plan.skipped] == [
        (3, "already"), (4, "consent"), (5, "marked")]


def test_the_plan_refuses_a_spec_of_another_version(spec):
    with pytest.raises(ValueError):
        make_plan(table({}), spec, Context(**{**CONTEXT.__dict__, "instrument_version": "2.0"}))


def test_problems_come_sorted_by_row(spec):
    with pytest.raises(ImportProblem) as info:
        make_plan(table({"s1/s1_level": "x"}, {"_uuid": "2", "session/organisation": "?"},
                        {"_uuid": "3", "s1/s1_level": "y"}), spec, CONTEXT)
    assert [p.row for p in info.value.problems] == [2, 3, 4, None]


def test_the_text_limit_is_captures():
    from govcap.assessments.capture import MAX_TEXT as CAPTURE_MAX_TEXT

    assert MAX_TEXT == CAPTURE_MAX_TEXT


@pytest.mark.parametrize(("codes", "quotes", "said"), [
    ("P1", "a\nb", "1 participant code for 2 quotes"),
    ("P1 P2 P3", "a", "3 participant codes for 1 quote"),
])
def test_codes_and_quotes_are_each_counted_with_their_noun(spec, monkeypatch, codes, quotes,
                                                           said):
    """French said « 1 codes de participant pour 2 citations »: one ngettext counted the
    quotes and the codes took the quotes' plural. Each count now has its own."""
    counted = []
    real = rows.ngettext

    def ngettext(singular, plural, n):
        counted.append((singular, n))
        return real(singular, plural, n)

    monkeypatch.setattr(rows, "ngettext", ngettext)
    ((column, reason),) = problems(spec, **{"s1/s1_quotes": quotes, "s1/s1_quote_codes": codes})
    assert column == "s1/s1_quote_codes" and reason.startswith(said)
    assert ("%(n)d participant code", len(codes.split())) in counted
    assert ("%(n)d quote", len(quotes.split())) in counted
