"""Evaluation rules over plain data (Kirkpatrick levels 1–3).

* Level 1 (reaction): four ratings from 1 (poor) to 5 (excellent) and a comment.
* Level 2 (learning): before and after the course, one item per objective of the module
  (met or not yet); a score is ``correct / out_of``, the gain is post − pre in percentage
  points, per trainee who has both.
* Level 3 (behaviour): the trainee and their supervisor are asked, once the trainee has
  completed, whether the course is applied at work. The follow-up is due
  ``FOLLOW_UP_DUE_MONTHS`` after the course ends and overdue after
  ``FOLLOW_UP_CLOSE_MONTHS`` (the plan's monitoring rule: 3 to 6 months).

Also here: reading the rows of a form's export (KoboToolbox, ODK, paper typed in a sheet)
into answers, every problem with its row and column.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace

from govcap.planning.core.monitoring import BEHAVIOUR_FROM, BEHAVIOUR_TO

# --- the rules ----------------------------------------------------------------------------

FOLLOW_UP_DUE_MONTHS = BEHAVIOUR_FROM  # 3: a follow-up is asked this long after the end
FOLLOW_UP_CLOSE_MONTHS = BEHAVIOUR_TO  # 6: and overdue after this long
# How long a link shown in the room stays open (hours), and a follow-up link sent out (days)
LINK_HOURS_DEFAULT, LINK_HOURS_MAX = 2, 48
FOLLOW_UP_LINK_DAYS = 30

RATING_MIN, RATING_MAX = 1, 5
REACTION_ITEMS = ("relevance", "quality", "trainer", "recommend")
PRE, POST = "pre", "post"
PHASES = (PRE, POST)
PARTICIPANT, SUPERVISOR = "participant", "supervisor"
RESPONDENTS = (PARTICIPANT, SUPERVISOR)
APPLIED = ("yes", "partly", "no")
COMMENT_MAX = 2000
# A course's training provider reads its trainees' names (sign-in sheets), its viewers its
# trainees by code with their role, seniority and gender: a total of fewer answers than
# this could show one person's answers, and is shown to the coordinators only.
FEWEST_ANSWERS_SHOWN = 5

# follow-up states; OUTSIDE: answered before its due day or after its close day (kept, and
# reported apart from the level-3 figure: ``in_window``)
ANSWERED, UPCOMING, DUE, OVERDUE = "answered", "upcoming", "due", "overdue"
OUTSIDE = "outside_window"


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later (the month's last day when it is shorter)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def follow_up_dates(course_end: dt.date) -> tuple[dt.date, dt.date]:
    """(due, close): when a follow-up of a course ending ``course_end`` is asked, and from
    when it is overdue."""
    return (add_months(course_end, FOLLOW_UP_DUE_MONTHS),
            add_months(course_end, FOLLOW_UP_CLOSE_MONTHS))


def follow_up_state(due: dt.date, close: dt.date, answered_on: dt.date | None,
                    today: dt.date) -> str:
    """``answered_on``: the day the follow-up was answered (None: not yet). An answer is
    ANSWERED, one of the level-3 figure, only from its due day to its close day; else
    OUTSIDE: one rule for the evaluation page, the API and the results."""
    if answered_on is not None:
        return ANSWERED if in_window(due, close, answered_on) else OUTSIDE
    if today < due:
        return UPCOMING
    return DUE if today <= close else OVERDUE


def in_window(due: dt.date, close: dt.date, answered_on: dt.date) -> bool:
    """A follow-up answered from its due day to its close day, 3 to 6 months after the
    course: the level-3 figure counts it. An answer given before (a link opened early) or
    after is kept, and reported apart from the figure (``results.core.indicators``)."""
    return due <= answered_on <= close


def rating_ok(value: int | None) -> bool:
    return value is None or RATING_MIN <= value <= RATING_MAX


# --- level 2: scores and gains ----------------------------------------------------------


@dataclass(frozen=True)
class Score:
    correct: int
    out_of: int

    @property
    def percent(self) -> float:
        return 100.0 * self.correct / self.out_of


def score_of(objectives_met: Sequence[bool]) -> Score:
    return Score(sum(1 for met in objectives_met if met), len(objectives_met))


@dataclass(frozen=True)
class Gain:
    code: str
    pre: Score
    post: Score

    @property
    def points(self) -> float:
        """Percentage points gained (negative when the post-test is lower)."""
        return self.post.percent - self.pre.percent


@dataclass(frozen=True)
class LearningSummary:
    gains: tuple[Gain, ...]  # trainees with both checks, by code
    pre_only: int
    post_only: int

    @property
    def n(self) -> int:
        return len(self.gains)

    @property
    def mean_gain(self) -> float | None:
        return sum(g.points for g in self.gains) / self.n if self.gains else None

    @property
    def mean_pre(self) -> float | None:
        return sum(g.pre.percent for g in self.gains) / self.n if self.gains else None

    @property
    def mean_post(self) -> float | None:
        return sum(g.post.percent for g in self.gains) / self.n if self.gains else None


def _code_order(code: str) -> tuple[int, str]:
    return (int(code[1:]) if code[1:].isdigit() else 1 << 30, code)


def learning_summary(pre: Mapping[str, Score], post: Mapping[str, Score]) -> LearningSummary:
    """Gains of the trainees (by code) who have a pre- and a post-check; the others
    counted apart, never mixed into the mean."""
    both = sorted(set(pre) & set(post), key=_code_order)
    return LearningSummary(tuple(Gain(c, pre[c], post[c]) for c in both),
                           len(set(pre) - set(post)), len(set(post) - set(pre)))


def objective_shares(checks: Sequence[Sequence[bool]], objectives: int) -> list[tuple[int, int]]:
    """Per objective: (trainees who met it, trainees answered item by item)."""
    shares = []
    for i in range(objectives):
        answered = [c for c in checks if len(c) == objectives]
        shares.append((sum(1 for c in answered if c[i]), len(answered)))
    return shares


def mean_rating(values: Sequence[int | None]) -> tuple[float | None, int]:
    given = [v for v in values if v is not None]
    return (sum(given) / len(given) if given else None, len(given))


# --- reading exported answers -----------------------------------------------------------

# problem kinds (worded by the shell)
UNKNOWN_CODE = "unknown_code"
NO_CODE = "no_code"
BAD_RATING = "bad_rating"
BAD_MET = "bad_met"
BAD_PHASE = "bad_phase"
DUPLICATE = "duplicate"
NOTHING = "nothing"
TOO_LONG = "too_long"
NO_ROWS = "no_rows"

YES = frozenset({"yes", "y", "1", "true", "oui", "o", "ndiyo", "haa", "نعم"})
NO = frozenset({"no", "n", "0", "false", "non", "hapana", "maya", "لا", "not_yet"})


@dataclass(frozen=True)
class RowProblem:
    kind: str
    row: int
    column: str = ""
    value: str = ""
    limit: int = 0
    code: str = ""  # the row's participant, when its code is one of the delivery's


@dataclass(frozen=True)
class ReactionRow:
    """``bad``: the fields whose cell is refused (their rating None, "*" for the row as a
    whole); such a row is read (``partial``) only so that the rules on its participant —
    dropped out, answered already — are checked in the same pass."""

    row: int
    code: str
    ratings: Mapping[str, int | None]
    comment: str
    bad: frozenset[str] = frozenset()


@dataclass(frozen=True)
class LearningRow:
    """``objectives_met``: None for an item whose cell is refused (named in ``bad``)."""

    row: int
    code: str
    phase: str
    objectives_met: tuple[bool | None, ...]
    bad: frozenset[str] = frozenset()


def _code(value: str, codes: Collection[str]) -> str:
    code = value.strip().upper()
    return code if code in codes else ""


def read_reactions(rows: Sequence[tuple[int, Mapping[str, str]]], codes: Collection[str],
                   columns: Mapping[str, str], *, partial: bool = False
                   ) -> tuple[list[ReactionRow], list[RowProblem]]:
    """Rows as field → cell; ``columns`` names each field's column as the file wrote it.
    ``partial``: also the rows of a known participant with a refused cell (``bad``)."""
    out: list[ReactionRow] = []
    problems: list[RowProblem] = []
    seen: dict[str, int] = {}
    for number, cells in rows:
        code, row_ok = _row_code(number, cells, codes, columns, seen, problems)
        bad: set[str] = set()
        ratings: dict[str, int | None] = {}
        for item in REACTION_ITEMS:
            raw = cells.get(item, "").strip()
            if not raw:
                ratings[item] = None
                continue
            value = int(raw) if raw.isdecimal() else None
            if value is None or not rating_ok(value):
                problems.append(RowProblem(BAD_RATING, number, columns.get(item, item), raw,
                                           code=code))
                bad.add(item)
                value = None
            ratings[item] = value
        comment = cells.get("comment", "").strip()
        if len(comment) > COMMENT_MAX:
            problems.append(RowProblem(TOO_LONG, number, columns.get("comment", "comment"),
                                       limit=COMMENT_MAX, code=code))
            bad.add("comment")
        if not bad and all(v is None for v in ratings.values()) and not comment:
            problems.append(RowProblem(NOTHING, number, code=code))
            bad.add("*")
        if code and (row_ok and not bad or partial):
            out.append(ReactionRow(number, code, ratings, comment, frozenset(bad)))
    if not rows:
        problems.append(RowProblem(NO_ROWS, 0))
    return out, problems


def read_learning(rows: Sequence[tuple[int, Mapping[str, str]]], codes: Collection[str],
                  columns: Mapping[str, str], objectives: int,
                  phase: str | None = None, *, partial: bool = False
                  ) -> tuple[list[LearningRow], list[RowProblem]]:
    """``phase`` None: each row says its phase (column ``phase``); the same trainee may
    then appear once per phase. Objectives are fields ``o1``…``oN``. ``partial``: also
    the rows of a known participant and phase with a refused answer (``bad``)."""
    out: list[LearningRow] = []
    problems: list[RowProblem] = []
    seen: dict[str, int] = {}
    for number, cells in rows:
        row_phase = phase
        phase_problem = None
        if row_phase is None:
            raw = cells.get("phase", "").strip().lower()
            if raw not in PHASES:
                phase_problem = RowProblem(BAD_PHASE, number, columns.get("phase", "phase"),
                                           raw)
            row_phase = raw
        code, code_ok = _row_code(number, cells, codes, columns, seen, problems,
                                  key_suffix=f"|{row_phase}")
        if phase_problem is not None:
            problems.append(replace(phase_problem, code=code))
        bad: set[str] = set()
        met: list[bool | None] = []
        for i in range(1, objectives + 1):
            field = f"o{i}"
            raw = cells.get(field, "").strip()
            folded = raw.lower()
            if folded in YES:
                met.append(True)
            elif folded in NO:
                met.append(False)
            else:
                problems.append(RowProblem(BAD_MET, number, columns.get(field, field), raw,
                                           code=code))
                bad.add(field)
                met.append(None)
        # a row whose phase is not known is not an answer to any form: not read at all
        if code and phase_problem is None and (code_ok and not bad or partial):
            out.append(LearningRow(number, code, row_phase, tuple(met), frozenset(bad)))
    if not rows:
        problems.append(RowProblem(NO_ROWS, 0))
    return out, problems


def _row_code(number: int, cells: Mapping[str, str], codes: Collection[str],
              columns: Mapping[str, str], seen: dict[str, int], problems: list[RowProblem],
              key_suffix: str = "") -> tuple[str, bool]:
    raw = cells.get("trainee", "").strip()
    column = columns.get("trainee", "trainee")
    if not raw:
        problems.append(RowProblem(NO_CODE, number, column))
        return "", False
    code = _code(raw, codes)
    if not code:
        problems.append(RowProblem(UNKNOWN_CODE, number, column, raw))
        return "", False
    key = code + key_suffix
    if key in seen:
        problems.append(RowProblem(DUPLICATE, number, column, code, seen[key]))
        return "", False
    seen[key] = number
    return code, True
