"""What a plan document needs beside the plan data: names, language, currency, section
titles, the heatmap of levels, and whose plan it is (the whole plan or one organisation's)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from govcap.reports.course_states import Recorded


@dataclass(frozen=True)
class PlanDocumentContext:
    title: str
    country: str
    engagement: str
    round_label: str
    language: str  # one of reports.documents.LANGUAGES
    currency: str
    # the plan's date; for a draft, a datetime: the time of its last change (said with it)
    generated_on: datetime.date
    status: str  # "draft" | "approved"
    version: int
    organisation_id: str | None  # set → the per-organisation plan
    section_titles: dict[str, str]  # section key → "1. Using systems thinking …"
    heatmap: list[tuple[str, dict[str, str | None]]]  # (organisation, {section: level key})
    instrument_title: str
    project_name: str
    is_demo: bool = False  # demo data: real ministry names, invented ratings
    superseded_by: int | None = None  # the version that replaced this one, if any
    # the day the document is read for (None: today): a brief never asks to start a
    # course in a month already past
    today: datetime.date | None = None
    # the country after "of", in the document's language ("of Kenya", "du Kenya")
    country_of: str = ""
    # the later round that reassesses the plan (plan data extra.later_round, its stored
    # name), named in the document's language: "Follow-up 1 (2026)"; "" when none
    later_round: str = ""
    # the round before (plan data extra.previous_round), named in the document's language
    # ("Suivi 1 (2026)"); "" when none
    previous_round: str = ""
    # what changed since the version this one was made after, as the plan page says it
    # (planning.wording.diff_lines); none without an earlier version
    changes_since: int | None = None
    changes: tuple[str, ...] = ()
    budget_before: str = ""  # that version's budget, when it differs from this one's
    budget_after: str = ""
    # who approved the version, as recorded (their name, or username), and the role they
    # held in the engagement, in the document's language; "" for a draft
    approved_by: str = ""
    approved_role: str = ""
    # who made the version as it stands: its approver, else whoever generated it (the
    # DOCX's "last modified by"); "" when not recorded
    made_by: str = ""
    # other engagements the plan names by their stored name (an earlier round's courses,
    # another plan's cohort with places) → their names in the document's language
    engagement_names: dict[str, str] = field(default_factory=dict)
    # rating id → the gap's benchmark in the document's language (planning.benchmarks);
    # the plan keeps it in the engagement's
    benchmarks: dict[str, str] = field(default_factory=dict)
    # an approved plan's courses' delivery records (course_states.recorded): a course whose
    # month has passed with none recording it as run is said so; None for a draft (its
    # courses are proposals) and where none were read
    records: dict[str, Recorded] | None = None
    # how many are nominated to each course kept from an earlier version
    # (course_states.nominated): one beyond the plan's count is said
    nominated: dict[str, int] = field(default_factory=dict)
    # the instrument's section titles shown in English for want of a translation into the
    # document's language (no number): the renderers mark them English (issue 15)
    english_titles: tuple[str, ...] = ()

    def engagement_name(self, stored: str) -> str:
        return self.engagement_names.get(stored, stored)

    def marks(self, words: Any) -> str:
        """What every page says before the title: demo data, a superseded version."""
        parts = [words["demo.mark"] if self.is_demo else "",
                 words.t("superseded.mark", version=self.superseded_by)
                 if self.superseded_by else ""]
        return " · ".join(p for p in parts if p)

    def status_text(self, words: Any, mid_sentence: bool = False) -> str:
        """"Approved", "Superseded by version 3"; `mid_sentence`: with a lower-case first
        letter, as a sentence writes it ("version 1 du plan (approuvée)")."""
        if self.superseded_by:
            text = words.t("status.superseded", version=self.superseded_by)
        elif mid_sentence:  # it follows "version N": agreed with the version, not the plan
            return words.get_or(f"status.{self.status}.version", self.status)
        else:
            text = words.get_or(f"status.{self.status}", self.status)
        return text[:1].lower() + text[1:] if mid_sentence else text

    def cover_note(self, words: Any, note: str = "") -> str:
        parts = [words.t("superseded.note", version=self.superseded_by)
                 if self.superseded_by else "",
                 words["demo.note"] if self.is_demo else "", note]
        return " ".join(p for p in parts if p)
