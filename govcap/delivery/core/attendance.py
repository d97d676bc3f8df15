"""Attendance rules and the reading of an attendance sheet, over plain data.

A sheet has one row per trainee and day: ``code`` (T1…), ``day`` (1 = the course's first
day) and ``present`` (yes/no), headed and answered in English, French, Arabic or Swahili
(``HEADERS``, ``YES_NO``); a blank ``present`` leaves the mark as it is, and other columns
(the offered sheet's names) are ignored. Every problem is collected with its row and
column, and a sheet with any problem is refused whole (the shell writes nothing).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass

COMPLETED, PARTIAL, DROPPED = "completed", "partial", "dropped"
COMPLETIONS = (COMPLETED, PARTIAL, DROPPED)
# A trainee "completed" a course only having attended at least this share of its days.
COMPLETION_SHARE_PERCENT = 80

COLUMNS = ("code", "day", "present")
MAX_DAYS = 60

# The sheet the app offers, headed in the reader's language (its first words), and what the
# importer reads: a sheet headed in any of these languages, as its template or as people
# write them ("Présent", "الحضور"). Yes and no likewise, the template's first.
HEADERS: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {"code": ("code", "participant code"), "day": ("day",),
           "present": ("present", "presence", "attended")},
    "fr": {"code": ("code", "code du participant"), "day": ("jour",),
           "present": ("présent", "présente", "présence", "present")},
    "ar": {"code": ("الرمز", "رمز", "رمز المشارك"), "day": ("اليوم", "يوم"),
           "present": ("حاضر", "الحضور", "حضور")},
    "sw": {"code": ("msimbo", "nambari"), "day": ("siku",),
           "present": ("yupo", "mahudhurio", "amehudhuria")},
}
YES_NO: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "en": (("yes", "y", "true", "present", "p", "x", "1"), ("no", "n", "false", "absent", "a", "0")),
    "fr": (("oui", "o", "présent", "présente", "vrai"), ("non", "absent", "absente", "faux")),
    "ar": (("نعم", "حاضر", "حاضرة", "١"), ("لا", "غائب", "غائبة", "٠")),
    "sw": (("ndiyo", "ndio", "yupo", "amehudhuria"), ("hapana", "hayupo", "hakuhudhuria")),
    "so": (("haa",), ("maya",)),
}
YES = frozenset(w for yes, _no in YES_NO.values() for w in yes)
NO = frozenset(w for _yes, no in YES_NO.values() for w in no)


def template_headers(language: str) -> tuple[str, str, str]:
    """The template's column names in ``language`` (English for a language without its
    own): code, day, present."""
    words = HEADERS.get(language, HEADERS["en"])
    return words["code"][0], words["day"][0], words["present"][0]


# the name column of the sheet the app offers (the importer reads no name: it ignores it)
NAME_HEADER = {"en": "name", "fr": "nom", "ar": "الاسم", "sw": "jina"}


def sheet_headers(language: str) -> tuple[str, str, str, str]:
    """The offered sheet's columns in ``language``: code, name, day, present."""
    code, day, present = template_headers(language)
    return code, NAME_HEADER.get(language, NAME_HEADER["en"]), day, present


def yes_no(language: str) -> tuple[str, str]:
    """The words the template writes for present and absent in ``language``."""
    yes, no = YES_NO.get(language, YES_NO["en"])
    return yes[0], no[0]


def _fold(text: str) -> str:
    return " ".join(text.strip().casefold().split())


# column name as written (folded) → the column it is
_COLUMN_OF = {_fold(word): column for words in HEADERS.values()
              for column, names in words.items() for word in names}

# problem kinds (worded by the shell)
MISSING_COLUMN = "missing_column"
EMPTY = "empty"
UNKNOWN_CODE = "unknown_code"
BAD_DAY = "bad_day"
BAD_PRESENT = "bad_present"
DUPLICATE = "duplicate"
NO_ROWS = "no_rows"


@dataclass(frozen=True)
class Mark:
    code: str
    day: int
    present: bool


@dataclass(frozen=True)
class SheetProblem:
    kind: str
    row: int | None = None  # as a spreadsheet shows it (the header is row 1)
    column: str = ""
    value: str = ""
    limit: int = 0  # the course's days (BAD_DAY), the first row (DUPLICATE)


def session_dates(start: dt.date | None, end: dt.date | None, days: int) -> list[dt.date | None]:
    """The date of each of a course's days (day 1 first), as far as its dates tell: its
    consecutive days when they are as many as its days, else its weekdays when those
    are; otherwise the first and last days only (None: a day the sheet leaves to fill)."""
    if start is None or days < 1:
        return [None] * max(days, 0)
    end = end or start
    calendar: list[dt.date | None] = [start + dt.timedelta(days=i)
                                      for i in range((end - start).days + 1)]
    if len(calendar) == days:
        return calendar
    weekdays: list[dt.date | None] = [d for d in calendar if d and d.weekday() < 5]
    if len(weekdays) == days:
        return weekdays
    if days == 1:
        return [start]
    return [start] + [None] * (days - 2) + [end]


def min_days_for_completion(days: int) -> int:
    """Days of attendance a completed course needs: 80 % of its days, rounded up."""
    return -(-days * COMPLETION_SHARE_PERCENT // 100)


NOT_YET = ""  # the days not recorded yet could still make it any of the three


def suggested_completion(days: int, present_days: int, unrecorded: int = 0) -> str:
    """What the attendance says: completed, partial, or dropped (never came after day 1,
    or not at all) — from the days recorded only: with ``unrecorded`` days of the course
    not recorded for the participant, nothing short of completed is said yet (NOT_YET)."""
    if present_days >= min_days_for_completion(days):
        return COMPLETED
    if unrecorded:
        return NOT_YET
    return PARTIAL if present_days > 1 or (days == 1 and present_days) else DROPPED


def day_runs(days: Iterable[int]) -> str:
    """Days as runs: [2, 3, 5] → "2–3, 5"."""
    runs: list[list[int]] = []
    for day in sorted(set(days)):
        if runs and day == runs[-1][-1] + 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    return ", ".join(f"{r[0]}–{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs)


def completion_problem(status: str, reason: str, days: int, present_days: int) -> str | None:
    """Why this completion cannot be recorded, or None: partial and dropped need a reason;
    completed needs the attendance for it."""
    if status not in COMPLETIONS:
        return "unknown"
    if status != COMPLETED and not reason.strip():
        return "reason_needed"
    if status == COMPLETED and present_days < min_days_for_completion(days):
        return "too_few_days"
    return None


def completions_broken(completed: Collection[str], stored: Mapping[tuple[str, int], bool],
                       marks: Iterable[Mark], days: int) -> list[tuple[str, int]]:
    """The codes recorded as completed that the marks, written over those stored, would
    leave below the rule (``completion_problem``'s "too_few_days"), with the days they
    would have attended: the rule is the completion's, and a later change of attendance
    must not undo it silently (the completion is changed first)."""
    after = {**stored, **{(m.code, m.day): m.present for m in marks}}
    present = {code: 0 for code in completed}
    for (code, _day), here in after.items():
        if here and code in present:
            present[code] += 1
    need = min_days_for_completion(days)
    return sorted(((code, n) for code, n in present.items() if n < need),
                  key=lambda c: (len(c[0]), c[0]))


def _yes_no(value: str) -> bool | None:
    v = _fold(value)
    return True if v in YES else False if v in NO else None


def column_of(header: str) -> str:
    """The column a sheet's header names ("Jour" → "day"); "" for another column."""
    return _COLUMN_OF.get(_fold(header), "")


def _day_number(text: str) -> int | None:
    """A day's number, in Western or Arabic-Indic digits ("2", "٢")."""
    if not text or not text.isdecimal() or len(text) > 3:
        return None
    return int(text)


@dataclass(frozen=True)
class Sheet:
    """What a sheet says: its marks, the rows whose "present" was left blank (their marks
    stay as they are: counted, so the import can say it kept them), and every problem
    found (``marks`` and ``blank`` are meaningful only when there are none)."""

    marks: list[Mark]
    blank: int
    problems: list[SheetProblem]


def read_sheet(headers: Sequence[str], rows: Sequence[tuple[int, Sequence[str]]],
               codes: Collection[str], days: int) -> Sheet:
    """The marks of a sheet, its rows left blank, and every problem found. ``codes``: the
    delivery's trainee codes; ``days``: its days."""
    index: dict[str, int] = {}
    written: dict[str, str] = {}  # the column as the sheet heads it, for its problems
    for i, h in enumerate(headers):
        column = column_of(h)
        if column and column not in index:
            index[column], written[column] = i, h.strip()
    missing = [c for c in COLUMNS if c not in index]
    if missing:  # one problem naming every missing column (``value``: them, by key)
        return Sheet([], 0, [SheetProblem(MISSING_COLUMN, None, "", " ".join(missing))])
    known = {c.upper(): c for c in codes}
    marks: list[Mark] = []
    blank = 0
    problems: list[SheetProblem] = []
    seen: dict[tuple[str, int], int] = {}
    for number, cells in rows:
        def cell(name: str, cells: Sequence[str] = cells) -> str:
            i = index[name]
            return cells[i].strip() if i < len(cells) else ""

        code_text, day_text, present_text = cell("code"), cell("day"), cell("present")
        row_problems: list[SheetProblem] = []
        if not present_text and (code_text or day_text):
            # a blank "present" leaves the mark as it is (the sheet offered is pre-filled
            # with the marks recorded; a row left blank is not an absence); its code and
            # day are still checked
            present_text = "-"
        for name, text in (("code", code_text), ("day", day_text), ("present", present_text)):
            if not text:
                row_problems.append(SheetProblem(EMPTY, number, written[name]))
        code = known.get(code_text.upper())
        if code_text and code is None:
            row_problems.append(SheetProblem(UNKNOWN_CODE, number, written["code"],
                                             code_text[:40]))
        day = _day_number(day_text)
        if day_text and (day is None or not 1 <= day <= min(days, MAX_DAYS)):
            row_problems.append(SheetProblem(BAD_DAY, number, written["day"], day_text[:40],
                                             days))
        present = _yes_no(present_text) if present_text != "-" else None
        if present_text and present_text != "-" and present is None:
            row_problems.append(SheetProblem(BAD_PRESENT, number, written["present"],
                                             present_text[:40]))
        if row_problems:
            problems.extend(row_problems)
            continue
        assert code is not None and day is not None
        first = seen.setdefault((code, day), number)
        if first != number:
            problems.append(SheetProblem(DUPLICATE, number, written["code"], f"{code} {day}",
                                         first))
            continue
        if present is None:  # left blank: the mark stays as it is
            blank += 1
        else:
            marks.append(Mark(code, day, present))
    if not rows:
        problems.append(SheetProblem(NO_ROWS))
    return Sheet(marks, blank, problems)


@dataclass(frozen=True)
class Conflict:
    """A cell the user changed whose stored value had changed since their page showed it:
    not saved; ``now`` is the stored value (None: not recorded)."""

    code: str
    day: int
    now: bool | None


def changed_marks(shown: dict[tuple[str, int], bool | None],
                  ticked: Collection[tuple[str, int]],
                  stored: dict[tuple[str, int], bool | None],
                  shown_versions: Mapping[tuple[str, int], str] | None = None,
                  stored_versions: Mapping[tuple[str, int], str] | None = None,
                  ) -> tuple[list[Mark], list[Conflict]]:
    """What a save of the attendance grid writes: only what the user changed from what
    their page showed (``shown``: each cell of the grid as the page showed it; ``ticked``:
    the boxes checked when saved; ``stored``: the cells as stored now).

    A box ticked or unticked is a change. On a day with a change, the boxes left unchecked
    that the page showed as not recorded are saved as absent (the day's attendance was
    taken). A tick is always saved: it says the trainee was seen in the room, which outweighs
    an absence recorded since (two trainers sharing a room each save the day, and the first
    save records as absent everyone the first did not tick). An untick of a box someone else
    changed since the page was shown is a conflict (not saved); a blank the user left is not
    written.

    "Changed since" is by the mark's version as the page showed it (``shown_versions``,
    ``mark_version``) against the stored one (``stored_versions``), when the page sent
    them: a mark unticked and ticked again meanwhile holds the value shown, but is not the
    mark the page showed — an untick of it is a conflict too. Without versions (an older
    page), by value."""
    days = {day for (code, day), was in shown.items() if (was is True) != ((code, day) in ticked)}
    marks: list[Mark] = []
    conflicts: list[Conflict] = []
    for (code, day), was in sorted(shown.items(), key=lambda kv: (kv[0][1], len(kv[0][0]), kv[0][0])):
        present = (code, day) in ticked
        now = stored.get((code, day))
        if (was is True) != present:
            if now == present:
                continue  # someone else made the same change
            moved = (shown_versions is not None and (code, day) in shown_versions
                     and shown_versions[(code, day)] != (stored_versions or {}).get(
                         (code, day), ""))
            if (now != was or moved) and not present:
                conflicts.append(Conflict(code, day, now))
                continue
            marks.append(Mark(code, day, present))
        elif was is None and day in days and now is None:
            marks.append(Mark(code, day, False))
    return marks, conflicts


def mark_version(recorded_at: dt.datetime | None) -> str:
    """A stored mark's version as a page shows it (its last write's time, in microseconds
    since 1970; "" for a mark not recorded): every write of a mark changes it."""
    if recorded_at is None:
        return ""
    epoch = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
    return str((recorded_at - epoch) // dt.timedelta(microseconds=1))
