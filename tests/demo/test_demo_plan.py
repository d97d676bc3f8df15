"""The demo plan itself: plain data, no database."""

from __future__ import annotations

import re

from govcap.demo.countries import COUNTRIES, REFERENCE_DATE
from govcap.demo.plan import build_plan
from govcap.scale import LEVEL_KEYS, NOT_ASSESSED, SECTION_KEYS

PLAN = build_plan()


def all_texts():
    for s in PLAN.sessions:
        yield s.consent_note
        for r in s.ratings:
            yield from (r.notes, r.evidence, r.dissent, r.not_assessed_reason)
        for q in s.quotes:
            yield q.text


def test_the_plan_is_the_same_every_time():
    assert build_plan() == PLAN


def test_no_placeholder_or_template_syntax_is_left_in_any_text():
    for text in all_texts():
        assert not re.search(r"[{}]|lorem|TODO|XXX", text, re.IGNORECASE), text


def test_text_varies():
    notes = [r.notes for s in PLAN.sessions for r in s.ratings if r.notes and not r.rater]
    assert len(set(notes)) > 0.9 * len(notes)


def test_levels_sections_and_confidence_use_the_shared_scale():
    for s in PLAN.sessions:
        for r in s.ratings:
            assert r.section_key in SECTION_KEYS
            assert r.level in (*LEVEL_KEYS, NOT_ASSESSED, "")
            assert r.confidence in ("", "low", "medium", "high")
            if r.level == NOT_ASSESSED:
                assert r.not_assessed_reason and not r.confidence


def test_sessions_statuses_follow_the_reference_date():
    for s in PLAN.sessions:
        if s.status == "draft":
            assert s.scheduled_date > REFERENCE_DATE and not s.participants and not s.ratings
        else:
            assert s.scheduled_date <= REFERENCE_DATE and s.consent_given
        if s.status == "validated":
            assert s.consent_recorded_at < s.submitted_at < s.validated_at
            assert s.validated_at.date() <= REFERENCE_DATE


def test_in_progress_sessions_have_some_sections_rated_and_one_under_discussion():
    for s in (s for s in PLAN.sessions if s.status == "in_progress"):
        consensus = [r for r in s.ratings if not r.rater]
        assert 3 <= len(consensus) - 1 < len(SECTION_KEYS)
        assert consensus[-1].level == "" and consensus[-1].notes


def test_quotes_and_dissent_name_participants_of_the_session():
    for s in PLAN.sessions:
        codes = {p.code for p in s.participants}
        assert all(q.participant_code in codes for q in s.quotes)
        for r in s.ratings:
            if r.dissent:
                assert r.dissent.split()[0] in codes


def test_individual_raters_rate_only_sessions_they_facilitate():
    raters = [(s, r) for s in PLAN.sessions for r in s.ratings if r.rater]
    assert raters
    assert all(r.rater in s.facilitators for s, r in raters)


def test_every_country_has_6_to_12_organisations_with_unique_names_and_codes():
    for country in COUNTRIES:
        assert 6 <= len(country.orgs) <= 12
        assert len({o.name for o in country.orgs}) == len(country.orgs)
        assert len({o.key for o in country.orgs}) == len(country.orgs)


def test_training_between_the_rounds_moves_the_follow_ups_levels_up():
    """Kenya's follow-up with every organisation trained in every domain moves up in more
    sections than with none; the baseline does not change."""
    from govcap.scale import SECTION_DOMAIN

    kenya = next(c for c in COUNTRIES if c.code == "KE")
    follow_up = next(e for e in kenya.engagements if e.round_number == 1)
    everything = frozenset(SECTION_DOMAIN.values())
    trained = build_plan({(follow_up.key, org): everything for org in follow_up.orgs})

    def levels(plan, key):
        return {(s.org_key, r.section_key): r.level for s in plan.sessions
                if s.engagement_key == key for r in s.ratings if not r.rater}

    def moved_up(plan):
        before = levels(plan, next(e.key for e in kenya.engagements if e.round_number == 0))
        after = levels(plan, follow_up.key)
        order = {"basic": 1, "moderate": 2, "high": 3}
        return sum(order.get(level, 0) > order.get(before.get(key, ""), 9)
                   for key, level in after.items())

    assert moved_up(trained) > 2 * moved_up(PLAN) > 0
    assert [s for s in trained.sessions if s.engagement_key != follow_up.key] == [
        s for s in PLAN.sessions if s.engagement_key != follow_up.key]
