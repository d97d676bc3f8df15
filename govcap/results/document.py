"""The results as the reports' document model (``reports.model``), in the active language:
the page shows its sections, the reports' renderers draw it as DOCX, PDF and XLSX (same
fonts, document properties and DEMO DATA marking as the plan documents).

Every share is written with the count behind it ("62% (5 of 8)"); a value that cannot be
counted yet says so instead of showing 0.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Sequence
from dataclasses import replace

from django.utils import timezone
from django.utils.translation import get_language, ngettext, pgettext
from django.utils.translation import gettext as _

from govcap import localise
from govcap.analysis.labels import domain_titles, level_label, round_label
from govcap.analysis.queries import section_titles
from govcap.delivery.models import Trainee
from govcap.planning.core.money import format_money
from govcap.reports.direction import has_rtl, is_rtl
from govcap.reports.documents import LANGUAGES as PLAN_DOCUMENT_LANGUAGES
from govcap.reports.documents import written_in
from govcap.reports.model import (
    Bullets,
    Cell,
    Column,
    Document,
    Heading,
    Para,
    Section,
    Sheet,
    Table,
)
from govcap.reports.plan import render_document
from govcap.results import words
from govcap.results.build import CountryResult, PairResult, Results
from govcap.results.core import indicators as ind
from govcap.results.core import l4, quotes
from govcap.results.queries import CourseTexts, Text
from govcap.scale import Level

FORMATS = ("xlsx", "docx", "pdf")
CONTENT_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "json": "application/json",
}
# The documents' languages: the plan documents' (reports.docx, reports.pdf lay Arabic out
# right to left).
DOCUMENT_LANGUAGES = PLAN_DOCUMENT_LANGUAGES


def document_language(language: str | None) -> str:
    """The reader's language when the documents are written in it (a pseudo-locale too,
    with GOVCAP_PSEUDO_LOCALES on: ``reports.documents.written_in``), else English."""
    return language if language in written_in() else "en"


def _lang() -> str:
    return (get_language() or "en").split("-")[0]


# A Latin formula a sentence holds ("n = 41", "p = 1.000"): in a right-to-left document
# it is held left to right, else it reads "41 = n" (WeasyPrint, Word)
_FORMULA = re.compile(r"(?<![\w\u2066])([np] = [−+]?\d[\d.,\u202f]*)")


def held(text: str) -> str:
    """`text` with each "n = 41" / "p = 1.000" in it between isolate marks (LRI … PDI) in a
    right-to-left language (the PDF turns them into left-to-right marks in a
    ``<bdi dir="ltr">``, as it does a signed figure's); unchanged otherwise, and in a text
    with no right-to-left letter ("USD 743.21 (n = 74)"), held left to right whole."""
    if not is_rtl(_lang()) or not has_rtl(text):
        return text
    return _FORMULA.sub(lambda m: f"{localise.LRI}{m.group(1)}{localise.PDI}", text)


def signed(value: float | None, digits: int = l4.CHANGE_DIGITS) -> str:
    """"+0.67", "−0.12" (a minus sign, as the rest of the text writes it), "0.00", "—"."""
    if value is None:
        return "—"
    return localise.signed(value, digits=digits)


def money(cents: float, currency: str) -> str:
    return format_money(ind.whole_cents(cents), currency, _lang())


def share(count: int | None, n: int, value: float | None) -> str:
    if value is None or count is None:
        return held(_("none counted yet (n = 0)") if not n else _("n = %(n)d") % {"n": n})
    return f"{localise.percent(value, digits=ind.DIGITS[ind.PERCENT])} ({words.of(count, n)})"


def no_cost(i: ind.Indicator) -> str:
    """Why a cost indicator has no figure: no course has run yet, or none has a cost
    recorded ("" when it has one)."""
    if i.unit != ind.MONEY or i.facts.get("courses_with_cost"):
        return ""
    if not i.facts.get("courses_run", 1):
        return _("no course has run yet")
    return _("no cost recorded")


def actual(i: ind.Indicator) -> str:
    if i.value is None and no_cost(i):
        return no_cost(i)
    if i.unit == ind.COUNT:
        return _("%(count)d (of %(n)d nominated)") % {"count": int(i.value or 0), "n": i.n}
    if i.unit == ind.PERCENT:
        return share(i.numerator, i.n, i.value)
    if i.value is None:
        return held(_("none counted yet (n = 0)"))
    if i.unit == ind.POINTS:
        # Translators: a change in percentage points with one decimal ("+42.1"); the first
        # form is the language's singular for such a figure (French: below 2, "1,5 point")
        return held(ngettext("%(value)s point (n = %(n)d)", "%(value)s points (n = %(n)d)",
                             words.decimal_count(i.value)) % {
            "value": signed(i.value, ind.DIGITS[ind.POINTS]), "n": i.n})
    figure = held(_("%(amount)s (n = %(n)d)") % {"amount": money(i.value, i.currency),
                                                  "n": i.n})
    more = costed(i)
    if more and is_rtl(_lang()) and not has_rtl(figure):
        # "USD 725.20 (n = 77)" before an Arabic sentence: held whole, or the bidi algorithm
        # takes its "(n" and "= 77)" apart ("(77 = USD 725.20 (n")
        figure = f"{localise.LRI}{figure}{localise.PDI}"
    return figure + more


def costed(i: ind.Indicator) -> str:
    """Which courses a cost is of, after its figure: " — cost recorded for 6 of the 8
    courses that ran" (the JSON's ``courses_with_cost`` and ``courses_run``); "" when they
    are all."""
    run, with_cost = i.facts.get("courses_run"), i.facts.get("courses_with_cost")
    if i.unit != ind.MONEY or run is None or with_cost is None or with_cost >= run:
        return ""
    return " " + ngettext(
        "— cost recorded for %(costed)d of the %(run)d course that ran",
        "— cost recorded for %(costed)d of the %(run)d courses that ran", int(run)) % {
        "costed": with_cost, "run": run}


def target(i: ind.Indicator, value: float | None) -> str:
    if value is None:
        return no_cost(i) or _("not set")
    if i.unit == ind.COUNT:
        return str(int(value))
    if i.unit == ind.PERCENT:
        return localise.percent(value, digits=ind.DIGITS[ind.PERCENT])
    if i.unit == ind.POINTS:
        # Translators: a change in percentage points with one decimal ("+20.0", "0.0"); the
        # first form is the language's singular for such a figure (French: below 2, "0,0
        # point")
        return ngettext("%(value)s point", "%(value)s points",
                        words.decimal_count(value)) % {
                            "value": signed(value, ind.DIGITS[ind.POINTS])}
    return money(value, i.currency)


def baseline(i: ind.Indicator) -> str:
    if i.baseline is None:
        return _("not measured")
    return target(i, i.baseline)


def period(i: ind.Indicator) -> str:
    if i.period is None and i.key == ind.MOVING_UP:
        return _("no later round yet")
    if i.period is None:
        return _("no course has run")
    start, end = i.period
    return localise.day_range(start, end)


def name(i: ind.Indicator) -> str:
    text = str(words.NAMES[i.key])
    return f"{text} ({i.currency})" if i.currency else text


def title(results: Results) -> str:
    if results.engagement is not None:
        return _("Results: %(name)s") % {"name": results.engagement.local_name}
    if not results.engagements:
        return _("Programme results")
    return _("Programme results: %(countries)s") % {"countries": localise.join(results.countries)}


def demo_mark(results: Results) -> str:
    return _("DEMO DATA") if results.is_demo else ""


# --- the sections ----------------------------------------------------------------------------


def indicator_table(results: Results) -> Table:
    return Table(
        [Column(_("Indicator"), 3.2), Column(_("Baseline"), 1.2), Column(_("Target"), 1.4),
         Column(_("Actual"), 2.2), Column(_("n"), 0.6, "number"), Column(_("Period"), 1.9)],
        [[name(i), baseline(i), target(i, i.target), actual(i), i.n, period(i)]
         for i in results.indicators])


# --- countries side by side (the programme's) -------------------------------------------


def courses_so_far(c: CountryResult) -> str:
    """What a country's courses are at: "2 courses running, none completed yet", "6
    courses completed", "no course yet"."""
    done, running = c.courses.get(ind.COMPLETED, 0), c.courses.get("in_progress", 0)
    planned = c.courses.get("planned", 0)
    parts = []
    if done:
        parts.append(ngettext("%(n)d course completed", "%(n)d courses completed", done)
                     % {"n": done})
    if running:
        parts.append(ngettext("%(n)d course running", "%(n)d courses running", running)
                     % {"n": running})
    if planned:
        parts.append(ngettext("%(n)d course being prepared", "%(n)d courses being prepared",
                              planned) % {"n": planned})
    if not parts:
        return _("no course yet")
    if not done:
        parts.append(_("none completed yet"))
    return localise.join(parts)


def not_yet(i: ind.Indicator, c: CountryResult) -> str:
    """Why a country's indicator has no figure yet, said in its cell: "not yet: no course
    completed"."""
    if i.unit == ind.MONEY:
        reason = no_cost(i) or _("no participant on a course with a cost")
    elif i.key == ind.WOMEN_SHARE:
        reason = _("nobody has completed a course")
    elif i.key == ind.COMPLETION_RATE:
        reason = _("no course completed")
    elif i.key == ind.SATISFACTION:
        reason = _("no level-1 answer")
    elif i.key == ind.LEARNING_GAIN and i.facts.get("pre_only"):
        reason = ngettext("%(n)d answered before the course, none after it",
                          "%(n)d answered before the course, none after it",
                          int(i.facts["pre_only"])) % {"n": i.facts["pre_only"]}
    elif i.key == ind.LEARNING_GAIN:
        reason = _("no level-2 answers before and after a course")
    elif i.key == ind.APPLICATION:
        reason = _("no follow-up answered 3 to 6 months after a course")
    elif i.key == ind.MOVING_UP and not c.later_round:
        reason = _("no later round to compare with")
    elif i.key == ind.MOVING_UP:
        reason = _("no organisation compared")
    else:
        reason = _("nothing counted")
    return localise.labelled(pgettext("a figure that cannot be counted yet", "not yet"),
                             reason)


def country_cell(found: Sequence[ind.Indicator], c: CountryResult) -> str:
    """A country's figure as the indicators table writes it ("67% (2 of 3)", "USD 725.20 (n
    = 77)"), each currency's for a cost, or why there is none yet."""
    return "; ".join(actual(i) if i.value is not None else not_yet(i, c) for i in found)


def country_table(results: Results) -> Table:
    """Each indicator per country, side by side, with what the country's courses are at."""
    countries = results.by_country
    width = min(2.4, 7.6 / max(len(countries), 1))
    rows: list[list[Cell]] = [[_("Courses so far"), *(courses_so_far(c) for c in countries)]]
    for key in dict.fromkeys(i.key for i in results.indicators):
        rows.append([str(words.NAMES[key]),
                     *(country_cell(c.indicator(key), c) for c in countries)])
    return Table([Column(_("Indicator"), 2.9),
                  *(Column(c.country.local_name, width) for c in countries)], rows)


def country_blocks(results: Results) -> list:
    """The programme's countries side by side ([] for one engagement's results)."""
    if results.engagement is not None or not results.by_country:
        return []
    return [Heading(_("Countries side by side")),
            Para(_("Each country counted as its rounds' results pages count it, the count "
                   "behind each figure in brackets; where a figure cannot be counted yet, "
                   "its cell says why."), "intro"),
            country_table(results)]


def _label(dimension: str, key: str) -> str:
    # the choices' own words, as the nominations say them ("Not stated" for none)
    if dimension == "sex":
        return str(dict(Trainee.Gender.choices).get(key, key))
    if dimension == "seniority":
        return str(dict(Trainee.Seniority.choices).get(key, key))
    if not key:
        return str(words.GENDERS_UNKNOWN)
    if dimension == "domain":
        return domain_titles().get(key, key)
    return key


def breakdown_table(results: Results) -> Table:
    trained = results.indicator(ind.OFFICIALS_TRAINED)
    rows: list[list[Cell]] = [
        [str(words.DIMENSIONS[s.dimension]), _label(s.dimension, s.key), s.count,
         share(s.count, s.of, 100.0 * s.count / s.of if s.of else None)]
        for s in (trained.breakdown if trained else ())]
    return Table([Column(words.by(), 1.4), Column(_("Group"), 3.0),
                  Column(_("Officials trained"), 1.2, "number"), Column(_("Share"), 1.6)],
                 rows, empty=_("Nobody has completed a course yet."))


def evaluation_blocks(results: Results) -> list:
    out: list = []
    l1 = results.indicator(ind.SATISFACTION)
    l2 = results.indicator(ind.LEARNING_GAIN)
    l3 = results.indicator(ind.APPLICATION)
    facts: list[str] = []
    if l1 and "mean_rating" in l1.facts:
        facts.append(ngettext("Level 1: mean rating %(mean)s of 5 from %(n)d participant.",
                              "Level 1: mean rating %(mean)s of 5 from %(n)d participants.",
                              l1.n) % {"mean": localise.number(
                                  l1.facts["mean_rating"], digits=ind.FACT_DIGITS["mean_rating"]),
                                       "n": l1.n})
    if l2 and l2.value is not None:
        facts.append(ngettext(
            "Level 2 (self-assessed): the participant said they could do %(pre)s%% of the "
            "module's objectives before the course and %(post)s%% after it (%(n)d "
            "participant answered both times).",
            "Level 2 (self-assessed): the participants said they could do %(pre)s%% of the "
            "module's objectives before the course and %(post)s%% after it, on average "
            "(%(n)d participants answered both times).", l2.n) % {
            "pre": localise.number(l2.facts["mean_pre"], digits=ind.FACT_DIGITS["mean_pre"]),
            "post": localise.number(l2.facts["mean_post"],
                                    digits=ind.FACT_DIGITS["mean_post"]),
            "n": l2.n})
    if l2 and (l2.facts.get("pre_only") or l2.facts.get("post_only")):
        facts.append(_("Level 2: %(pre)d answered before the course only and %(post)d "
                       "after it only; they are not in the gain.") % {
            "pre": l2.facts.get("pre_only", 0), "post": l2.facts.get("post_only", 0)})
    if l3 and (l3.n or l3.facts.get("supervisors")):
        facts.append(level_3_sentence(l3))
    facts += outside_window(l3)
    if not facts:
        facts.append(_("No evaluation answers yet."))
    out.append(Bullets(tuple(facts)))
    return out


def level_3_sentence(l3: ind.Indicator) -> str:
    """The participants' level-3 figure, the headline, then their supervisors' beside it:
    "Level 3: 3 of 4 participants who answered say they apply what they learnt; 2 of 2
    supervisors who answered say so."."""
    if l3.n:
        participants = ngettext(
            "%(count)d of %(n)d participant who answered says they apply what they learnt",
            "%(count)d of %(n)d participants who answered say they apply what they learnt",
            l3.n) % {"count": l3.numerator or 0, "n": l3.n}
    else:
        participants = _("no participant has answered yet")
    bosses = int(l3.facts.get("supervisors", 0))
    if not bosses:
        return _("Level 3: %(participants)s.") % {"participants": participants}
    supervisors = ngettext(
        "%(count)d of %(n)d supervisor who answered says so",
        "%(count)d of %(n)d supervisors who answered say so", bosses) % {
        "count": int(l3.facts.get("supervisors_applied", 0)), "n": bosses}
    return _("Level 3: %(participants)s; %(supervisors)s.") % {
        "participants": participants, "supervisors": supervisors}


def outside_window(l3: ind.Indicator | None) -> list[str]:
    """The follow-ups answered before 3 months or after 6, reported apart from the level-3
    figure, which does not count them ([] when there are none)."""
    if l3 is None:
        return []
    out = []
    n = int(l3.facts.get("outside_window", 0))
    if n:
        out.append(ngettext(
            "Level 3, reported apart: %(count)d of %(n)d participant who answered before 3 "
            "months or after 6 says they apply what they learnt; not counted in the figure.",
            "Level 3, reported apart: %(count)d of %(n)d participants who answered before 3 "
            "months or after 6 say they apply what they learnt; not counted in the figure.",
            n) % {"count": int(l3.facts["outside_window_applied"]), "n": n})
    n = int(l3.facts.get("supervisors_outside_window", 0))
    if n:
        out.append(ngettext(
            "Level 3, reported apart: %(count)d of %(n)d supervisor who answered before 3 "
            "months or after 6 says so; not counted beside the figure.",
            "Level 3, reported apart: %(count)d of %(n)d supervisors who answered before 3 "
            "months or after 6 say so; not counted beside the figure.",
            n) % {"count": int(l3.facts["supervisors_outside_window_applied"]), "n": n})
    return out


QUOTES = 2  # per course and level in the documents that go to a donor
WORDS, ANNEX = 4, 7  # the sections' numbers: the participants' words and their annex


def _example(who: str, text: str) -> str:
    if who == "supervisor":
        return _("Level 3, a supervisor: “%(text)s”") % {"text": text}
    return _("Level 3, the participant: “%(text)s”") % {"text": text}


def quoted(texts: Sequence[Text]) -> list[Text]:
    """What a donor's document quotes of one course's texts of one level: those marked for
    quoting, at most ``QUOTES``, phone numbers and e-mail addresses masked."""
    return [replace(t, text=quotes.mask(t.text)) for t in texts if t.quotable][:QUOTES]


def marked(texts: Sequence[Text]) -> list[Text]:
    """Every text of one course and level marked for quoting, masked: the document quotes
    the first ``QUOTES`` in its section and the others in its annex."""
    return [replace(t, text=quotes.mask(t.text)) for t in texts if t.quotable]


def in_annex(texts: Sequence[Text]) -> list[Text]:
    return marked(texts)[QUOTES:]


def not_quoted(texts: Sequence[Text], level: int, annex: int | None = None) -> str:
    """What a donor's document leaves out of one course's texts of one level, said where
    it is: "Level 1: 2 more comments marked for quoting are in the annex (section 7). 9
    comments not marked for quoting are not in this document.", or "". ``annex``: the
    annex's section number (None: the reader has them all here, as the workbook lists
    them)."""
    out = []
    more = len(in_annex(texts))
    if more and annex is not None:
        out.append(ngettext(
            "Level 1: %(n)d more comment marked for quoting is in the annex (section "
            "%(annex)d).",
            "Level 1: %(n)d more comments marked for quoting are in the annex (section "
            "%(annex)d).", more) % {"n": more, "annex": annex} if level == 1 else ngettext(
            "Level 3: %(n)d more example marked for quoting is in the annex (section "
            "%(annex)d).",
            "Level 3: %(n)d more examples marked for quoting are in the annex (section "
            "%(annex)d).", more) % {"n": more, "annex": annex})
    unmarked = sum(not t.quotable for t in texts)
    if unmarked:
        out.append(ngettext(
            "Level 1: %(n)d comment not marked for quoting is not in this document.",
            "Level 1: %(n)d comments not marked for quoting are not in this document.",
            unmarked) % {"n": unmarked} if level == 1 else ngettext(
            "Level 3: %(n)d example not marked for quoting is not in this document.",
            "Level 3: %(n)d examples not marked for quoting are not in this document.",
            unmarked) % {"n": unmarked})
    return " ".join(out)


def texts_intro(full: bool = True, annex: int | None = None) -> str:
    if not full:  # the donor's document: it cannot send its reader to the results page
        out = _(
            "Written by the participants in the level-1 form (\"Anything else you want to "
            "tell us?\") and by participants and supervisors in the level-3 follow-up (an "
            "example of the course applied, or of what stands in the way). Shown as written, "
            "without the participant's code or organisation. Only the texts a coordinator or "
            "a programme manager checked and marked for quoting are in this document, at "
            "most %(n)d per course and level here, phone numbers and e-mail addresses "
            "masked.") % {"n": QUOTES}
        if annex is not None:
            out += " " + _("The others marked for quoting are in the annex (section "
                           "%(annex)d).") % {"annex": annex}
        return out
    return _(
        "Written by the participants in the level-1 form (\"Anything else you want to tell "
        "us?\") and by participants and supervisors in the level-3 follow-up (an example of "
        "the course applied, or of what stands in the way). Shown as written, without the "
        "participant's code or organisation; a participant's erasure blanks them. The "
        "documents for the donor quote only the texts a coordinator or a programme manager "
        "marked on the results page, with phone numbers and e-mail addresses masked: the "
        "report at most %(n)d per course and level in its section %(section)d and the others "
        "in its annex, the workbook all of them.") % {"n": QUOTES, "section": WORDS}


def texts_counts(course: CourseTexts) -> str:
    counts = []
    if course.reactions:
        counts.append(_("Level 1: %(count)s answers have a comment.") % {
            "count": words.of(len(course.comments), course.reactions)})
    if course.follow_ups:
        counts.append(_("Level 3: %(count)s answered follow-ups give an example.") % {
            "count": words.of(len(course.examples), course.follow_ups)})
    if course.apart:
        counts.append(ngettext(
            "%(n)d follow-up answered before 3 months or after 6 is reported apart, not "
            "counted here.",
            "%(n)d follow-ups answered before 3 months or after 6 are reported apart, not "
            "counted here.", course.apart) % {"n": course.apart})
    return " ".join(counts)


def texts_withheld_note() -> str:
    return _("Courses of engagements you do not coordinate are left out: their "
             "participants' texts are shown to their coordinators.")


def texts_blocks(results: Results, full: bool, annex: int | None = None) -> list:
    """The trainees' own words, per course, with how many wrote of how many answered. The
    page (``full``) shows every text to those who may read them; the documents, which go
    to a donor, quote only the texts marked for quoting (``quoted``) and say how many they
    leave out. Never a code, name or organisation beside a text."""
    out: list = [Para(texts_intro(full, annex), "intro")]
    if not results.texts:
        out.append(Para(_("No comment or example has been written yet.") if not
                        results.texts_withheld else _(
                            "The participants' comments and examples are shown to the "
                            "engagement's coordinators and the programme managers."), "note"))
        return out
    for course in results.texts:
        out.append(Heading(course.course, level=3))
        out.append(Para(texts_counts(course), "note"))
        comments = list(course.comments) if full else quoted(course.comments)
        examples = list(course.examples) if full else quoted(course.examples)
        items = [_("Level 1: “%(text)s”") % {"text": t.text} for t in comments]
        items += [_example(t.who, t.text) for t in examples]
        if items:
            out.append(Bullets(tuple(items)))
        more = "" if full else " ".join(x for x in (not_quoted(course.comments, 1, annex),
                                                    not_quoted(course.examples, 3, annex))
                                        if x)
        if more:
            out.append(Para(more, "note"))
    if results.texts_withheld:
        out.append(Para(texts_withheld_note(), "note"))
    return out


def review(results: Results) -> list[dict]:
    """The page's form of the texts, per course: each text with its checkbox's label (as
    the page quotes it), for those who may read them (they may mark them)."""
    return [{"course": course.course, "counts": texts_counts(course),
             "items": [(t, _("Level 1: “%(text)s”") % {"text": t.text})
                       for t in course.comments]
             + [(t, _example(t.who, t.text)) for t in course.examples],
             "documents": documents_quote(course)}
            for course in results.texts]


def documents_quote(course: CourseTexts) -> str:
    """What the donor's documents make of one course's texts marked for quoting: the report
    quotes a few in its section (``quoted``) and the others in its annex (the workbook lists
    them all): "5 marked for quoting: 2 in the report's section 4, 3 in its annex (section
    7)." — not "quote 2 of 22", which hid the annex's."""
    marked_n = len(marked(course.comments)) + len(marked(course.examples))
    here = len(quoted(course.comments)) + len(quoted(course.examples))
    if not marked_n:
        return _("None marked for quoting: the documents for the donor quote none of "
                 "these texts.")
    if marked_n == here:
        return ngettext("%(n)d marked for quoting, in the report's section %(section)d.",
                        "%(n)d marked for quoting, all in the report's section %(section)d.",
                        marked_n) % {"n": marked_n, "section": WORDS}
    return ngettext(
        "%(n)d marked for quoting: %(here)d in the report's section %(section)d, "
        "%(annex)d in its annex (section %(annex_section)d).",
        "%(n)d marked for quoting: %(here)d in the report's section %(section)d, "
        "%(annex)d in its annex (section %(annex_section)d).", marked_n) % {
        "n": marked_n, "here": here, "section": WORDS, "annex": marked_n - here,
        "annex_section": ANNEX}


def _group(g: l4.Group) -> str:
    if not g.n:
        return "0"
    return f"{g.n} · {signed(g.mean_change)}"


def _moves(g: l4.Group) -> str:
    return f"{g.up} / {g.same} / {g.down}"


def _test(c: l4.SectionComparison[int]) -> str:
    if c.test is None:
        return _("Too few to say")
    kind = _("exact") if c.test.exact else _("approximate")
    return held(_("p = %(p)s (%(kind)s, %(hits)d of %(splits)d splits)") % {
        "p": localise.number(c.test.p_value, digits=l4.P_DIGITS), "kind": kind,
        "hits": c.test.hits,
        "splits": c.test.splits})


def pair_heading(p: PairResult) -> str:
    return _("%(country)s: %(earlier)s → %(later)s") % {
        "country": p.pair.earlier.country.local_name, "earlier": round_label(p.pair.earlier),
        "later": round_label(p.pair.later)}


def comparison_table(p: PairResult, titles: dict[str, str]) -> Table:
    rows = [[titles.get(c.section, c.section), _group(c.trained_group), _moves(c.trained_group),
             _group(c.untrained_group), _moves(c.untrained_group), signed(c.difference),
             _test(c)] for c in p.comparisons]
    return Table([Column(_("Section"), 2.6), Column(_("Trained: n · mean change"), 1.3),
                  Column(_("up / same / down"), 1.1),
                  Column(_("Not trained: n · mean change"), 1.3),
                  Column(_("up / same / down"), 1.1), Column(_("Difference"), 0.9),
                  Column(_("Permutation test"), 2.0)], rows)


def _groups() -> tuple[tuple[str, str], ...]:
    """The level-4 groups: the comparison's attribute and its name, in the active language."""
    return (("trained", _("Trained")), ("untrained", _("Not trained")),
            ("left_out", _("Attended, not completed")))


def paired_table(p: PairResult, titles: dict[str, str]) -> Table:
    rows = []
    for c in p.comparisons:
        for attr, label in _groups():
            for change in getattr(c, attr):
                rows.append([p.pair.names.get(change.org, str(change.org)),
                             titles.get(c.section, c.section), str(label),
                             level_label(Level(change.before)), level_label(Level(change.after)),
                             signed(change.change, 0) if change.change else "0"])
    return Table([Column(_("Organisation"), 2.6), Column(_("Section"), 2.6),
                  Column(_("Group"), 1.4), Column(_("Before"), 1.0), Column(_("After"), 1.0),
                  Column(_("Change"), 0.8, "number")], rows,
                 empty=_("No organisation has a validated level in both rounds yet."))


def _moved(p: PairResult, changes: list) -> str:
    """"Ministry of ICT (Basic → Moderate)", or an unchanged one's level, one organisation a
    line (the columns are narrow: a list run on broke inside names and, in Arabic, scrambled
    a wrapped line's order); each item isolated in a right-to-left language, as a list's
    Latin items are; "—" for none."""
    def one(x) -> str:
        name = p.pair.names.get(x.org, str(x.org))
        if x.change:
            return _("%(organisation)s (%(before)s → %(after)s)") % {
                "organisation": name, "before": level_label(Level(x.before)),
                "after": level_label(Level(x.after))}
        return _("%(organisation)s (%(level)s)") % {
            "organisation": name, "level": level_label(Level(x.before))}
    return "\n".join(localise.isolate(one(x)) for x in changes) or "—"


def paired_by_section(p: PairResult, titles: dict[str, str]) -> Table:
    """The paired changes for a reader: a row per section and group naming who moved up,
    stayed and moved down (the workbook keeps a row per organisation, for sorting)."""
    rows: list[list[Cell]] = []
    for c in p.comparisons:
        for attr, label in _groups():
            changes = getattr(c, attr)
            if changes:
                rows.append([titles.get(c.section, c.section), str(label),
                             _moved(p, [x for x in changes if x.change > 0]),
                             _moved(p, [x for x in changes if x.change == 0]),
                             _moved(p, [x for x in changes if x.change < 0])])
    return Table([Column(_("Section"), 2.0), Column(_("Group"), 1.1),
                  Column(_("Moved up"), 2.4), Column(_("Stayed"), 2.4),
                  Column(_("Moved down"), 1.6)], rows,
                 empty=_("No organisation has a validated level in both rounds yet."))


def caveats(p: PairResult, titles: dict[str, str] | None = None) -> list[str]:
    """The caveats that hold for this comparison, each once; one that holds for some
    sections only (every organisation changed by the same amount) names them."""
    titles = titles if titles is not None else section_titles(p.pair.later)
    codes = list(dict.fromkeys(code for c in p.comparisons for code in c.caveats))
    out = []
    for code in codes:
        text = str(words.CAVEATS[code])
        if code == l4.NO_VARIATION:
            text = _("%(sections)s: %(caveat)s") % {
                "sections": localise.join(titles.get(c.section, c.section)
                                          for c in p.comparisons if code in c.caveats),
                "caveat": text}
        out.append(text)
    return out


def not_validated(p: PairResult) -> list[str]:
    if not p.pair.not_validated:
        return []
    return [_("%(n)d organisations of %(round)s have no validated session yet: they are left "
              "out until one is validated.") % {
        "n": p.pair.not_validated, "round": round_label(p.pair.later)}]


def not_compared(p: PairResult, titles: dict[str, str] | None = None) -> list[str]:
    """How many organisations the comparison leaves out, and why: those with a validated
    level in one of the two rounds only (none of their sections compared), per section
    those rated in one round only, and those whose officials attended without completing
    (compared in neither group)."""
    titles = titles if titles is not None else section_titles(p.pair.later)
    earlier = {org for org, _s in p.pair.before}
    later = {org for org, _s in p.pair.after}
    paired = {x.org for c in p.comparisons for x in (*c.trained, *c.untrained, *c.left_out)}
    outside = (earlier | later) - paired
    out = []
    if outside:
        # each round with its count, a list after a dash: a round's name holds its year in
        # brackets ("Baseline (2025)"), so the counts in brackets read "(Baseline (2025): 2, …)"
        rounds = localise.join(
            (localise.labelled(round_label(engagement), localise.number(len(outside & orgs)))
             for engagement, orgs in ((p.pair.earlier, earlier), (p.pair.later, later))),
            strong=True)
        out.append(ngettext(
            "%(count)s organisations assessed is not compared: it has a validated level in "
            "one round only — %(rounds)s.",
            "%(count)s organisations assessed are not compared: they have a validated level "
            "in one round only — %(rounds)s.",
            len(outside)) % {
            "count": words.of(len(outside), len(earlier | later)), "rounds": rounds})
    sections = []
    for c in p.comparisons:  # the others: compared in some sections, not in this one
        rated = [{org for org, s in levels if s == c.section}
                 for levels in (p.pair.before, p.pair.after)]
        if n := len((rated[0] ^ rated[1]) - outside):
            sections.append(_("%(section)s: %(n)d") % {
                "section": titles.get(c.section, c.section), "n": n})
    if sections:
        out.append(_("Organisations not compared in some sections, their level in the "
                     "section validated in one round only: %(sections)s.") % {
            "sections": localise.join(sections, strong=True)})
    left = {x.org for c in p.comparisons for x in c.left_out}
    if left:
        out.append(ngettext(
            "%(n)d organisation whose officials attended without completing is compared in "
            "neither group (the paired changes list it as “Attended, not completed”).",
            "%(n)d organisations whose officials attended without completing are compared "
            "in neither group (the paired changes list them as “Attended, not completed”).",
            len(left)) % {"n": len(left)})
    return out


def caveat_items(p: PairResult) -> tuple[str, ...]:
    items = caveats(p)
    items.append(str(words.TOO_FEW_RULE) % {"n": l4.MIN_PER_GROUP})
    items += not_compared(p) + not_validated(p)
    return tuple(items)


def level4_blocks(results: Results) -> list:
    if not results.pairs:
        return [Para(_("No country in scope has a later round yet: level 4 compares an "
                       "organisation's levels in the round that planned the training with "
                       "the next one."))]
    out: list = [Para(_(
        "For each section: the organisations assessed (validated) in both rounds, trained "
        "(an official completed a course in the section's training domain) or not; how "
        "many, their mean change in levels (Basic 1, Moderate 2, High 3), how many moved "
        "up, stayed or moved down, and the difference of mean changes (trained − not "
        "trained) with a permutation test."), "intro")]
    for p in results.pairs:
        titles = section_titles(p.pair.later)
        out.append(Heading(pair_heading(p)))
        out.append(comparison_table(p, titles))
        out.append(Heading(_("Paired changes"), level=3))
        out.append(paired_by_section(p, titles))
        out.append(Heading(_("Read with care"), level=3))
        out.append(Bullets(caveat_items(p)))
    return out


def narrowed_note(results: Results) -> list[Para]:
    if not results.narrowed:
        return []
    return [Para(_("You see some organisations only: the counts are theirs, each course's "
                   "cost is counted as their share of it (their participants of all its "
                   "participants) and the participants target is the seats the plans give "
                   "them."), "note")]


def moving_from_note(results: Results) -> list[Para]:
    """A follow-up's level-4 figure is the earlier round's training, measured at this
    round: said wherever the figure is, so that nobody adds it twice."""
    if results.moving_from is None or results.engagement is None:
        return []
    return [Para(_("Organisations moving up (level 4): the training of %(earlier)s, measured "
                   "at this round (the comparison %(earlier)s → %(later)s). It is counted "
                   "once, in the results of %(earlier)s and of the programme: do not add it "
                   "again.") % {"earlier": round_label(results.moving_from),
                                "later": round_label(results.engagement)}, "note")]


def definitions_table(results: Results) -> Table:
    seen = list(dict.fromkeys(i.key for i in results.indicators))
    return Table([Column(_("Indicator"), 1.2), Column(_("Definition"), 4.0)],
                 [[str(words.NAMES[k]), str(words.DEFINITIONS[k])] for k in seen])


def annex_blocks(results: Results) -> list:
    """The texts marked for quoting beyond the first ``QUOTES`` per course and level, each
    course's under its name ([] when there are none)."""
    out: list = []
    for course in results.texts:
        items = [_("Level 1: “%(text)s”") % {"text": t.text} for t in in_annex(course.comments)]
        items += [_example(t.who, t.text) for t in in_annex(course.examples)]
        if items:
            out += [Heading(course.course, level=3), Bullets(tuple(items))]
    return out


def sections(results: Results, full: bool = False) -> list[Section]:
    annex = [] if full else annex_blocks(results)
    out = [
        Section("indicators", _("Indicators"), [
            Para(_("Each indicator with its baseline, target, the value counted and the "
                   "number it is counted over (n)."), "intro"),
            indicator_table(results), *moving_from_note(results), *narrowed_note(results),
            *country_blocks(results)], wide=True),
        Section("trained", _("Officials trained"), [breakdown_table(results)]),
        Section("evaluation", _("Evaluation: levels 1 to 3"), evaluation_blocks(results),
                run_on=True),
        Section("words", _("In the participants' words"),
                texts_blocks(results, full, ANNEX if annex else None), run_on=True),
        Section("level-4", _("Level 4: change in the organisations"), level4_blocks(results),
                wide=True),
        Section("definitions", _("Definitions"), [definitions_table(results)]),
    ]
    if annex:
        out.append(Section("annex-words", _("Annex: the participants' words marked for "
                                            "quoting"), [Para(_(
            "The texts marked for quoting that section %(section)d leaves out, at most "
            "%(n)d being quoted there per course and level.") % {
                "section": WORDS, "n": QUOTES}, "intro"), *annex], run_on=True))
    for number, section in enumerate(out, start=1):
        section.number = number
    numbers = {section.key: section.number for section in out}
    assert numbers["words"] == WORDS and numbers.get("annex-words", ANNEX) == ANNEX
    return out


SHEET_NAME_MAX = 31  # Excel's


def _years(p) -> str:
    """The two rounds' years, "2025–2026" (one year when both started in it)."""
    years = [str(e.start_date.year) for e in (p.pair.earlier, p.pair.later) if e.start_date]
    return "–".join(dict.fromkeys(years))


def pair_sheet_names(results: Results) -> list[tuple[str, str]]:
    """Each pair of rounds' two sheet names, short enough for Excel's 31 characters whole
    (a title cut there read "Maafisa waliopata mafunzo kwa", "… by"): "Level 4 Kenya
    2025–2026", "Changes Kenya 2025–2026"; a long country name gives way to its code."""
    out: list[tuple[str, str]] = []
    for p in results.pairs:
        country = p.pair.earlier.country
        names = []
        for who in (country.local_name, country.code):
            where = {"country": who, "years": _years(p)}
            names = [" ".join((pgettext("sheet name", "Level 4 %(country)s %(years)s")
                               % where).split()),
                     " ".join((pgettext("sheet name", "Changes %(country)s %(years)s")
                               % where).split())]
            if all(len(n) <= SHEET_NAME_MAX for n in names):
                break
        n = 2  # two pairs of the same country and years (rounds of one year): numbered
        level4, changes = names
        while level4 in {o[0] for o in out}:
            level4, changes, n = f"{names[0]} ({n})", f"{names[1]} ({n})", n + 1
        out.append((level4, changes))
    return out


def sheets(results: Results, parts: list[Section]) -> list[Sheet]:
    out = [Sheet(pgettext("sheet name", "Indicators"), indicator_table(results)),
           Sheet(pgettext("sheet name", "Trained by group"), breakdown_table(results))]
    for p, (level4, changes) in zip(results.pairs, pair_sheet_names(results), strict=True):
        titles = section_titles(p.pair.later)
        out.append(Sheet(level4, comparison_table(p, titles)))
        out.append(Sheet(changes, paired_table(p, titles)))
    out.append(Sheet(pgettext("sheet name", "Definitions"), definitions_table(results)))
    return out


def scope_words(results: Results) -> str:
    """What the document covers, named for a donor: "Djibouti, Kenya, Somalia — all rounds
    to date" (every round of its countries), or the engagement's name; the rounds, and the
    organisations, of a reader who sees some only are named and said to be those."""
    if results.engagement is not None:
        scope = results.engagement.local_name
    elif not results.engagements:
        scope = "—"
    elif not results.rounds_unseen:
        scope = _("%(countries)s — all rounds to date") % {
            "countries": localise.join(results.countries)}
    else:
        scope = _("The rounds you can see: %(rounds)s") % {
            "rounds": localise.join((e.name for e in results.engagements), strong=True)}
    if results.narrowed and results.organisations_seen:
        scope = _("%(scope)s; only the organisations you can see: %(organisations)s") % {
            "scope": scope, "organisations": localise.join(results.organisations_seen)}
    return scope


def cover(results: Results) -> list[tuple[str, str]]:
    trained = results.indicator(ind.OFFICIALS_TRAINED)
    return [(_("Scope"), scope_words(results)),
            (_("Countries"), localise.join(results.countries) or "—"),
            (_("Period"), period(trained) if trained else "—"),
            (_("Written on"), localise.day(timezone.localdate()))]


def document(results: Results, *, full: bool = False) -> Document:
    """The document in the active language; ``full``: for the page (every participant's
    text, not only a few quoted)."""
    mark = demo_mark(results)
    parts = sections(results, full)
    note = _("Counts behind every figure; level 4 compares organisations trained and not "
             "trained between two rounds and says how far the numbers allow a conclusion.")
    if mark:
        note = localise.labelled(mark, "") + _(
            "the organisations are real; everything recorded about them is invented for the "
            "demonstration.") + " " + note
    head = title(results)
    return Document(
        language=_lang(), title=head,
        subtitle=_("Officials trained, their evaluation and the change in their organisations"),
        cover=cover(results),
        cover_note=note, sections=parts, sheets=sheets(results, parts),
        footer=" · ".join(x for x in (mark, head) if x), page_label=_("Page"),
        page_of=pgettext("page 3 of 31", "of"),
        watermark=mark, contents_label=_("Contents"))


def render(results: Results, fmt: str) -> bytes:
    """DOCX, PDF or XLSX in the active language (one of ``DOCUMENT_LANGUAGES``)."""
    if fmt == "xlsx":
        from govcap.results import workbook  # openpyxl: loaded when asked for

        return workbook.render(results)
    body = render_document(_printed(document(results)), fmt)
    if fmt == "docx":
        body = _docx_category(body)
    return body


def _printed(doc: Document) -> Document:
    """The document as printed: a table with no rows says so (``Table.empty``) instead of
    showing its header alone, as the plan documents do."""
    for section in doc.sections:
        section.blocks = [Para(b.empty, "note") if isinstance(b, Table) and not b.rows
                          and b.empty else b for b in section.blocks]
    return doc


def _docx_category(body: bytes) -> bytes:
    """The reports' renderer files every document as a training plan: this one is results."""
    from docx import Document as open_docx

    word = open_docx(io.BytesIO(body))
    word.core_properties.category = "programme results"
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def filename(results: Results, fmt: str, language: str = "en") -> str:
    """The file's name: whose results, the day, and the language when not English, so the
    English, French and Arabic downloads of one day do not share a name
    ("results-kenya-follow-up-2026-2026-12-05-fr.pdf")."""
    stem = (f"results-{results.engagement.slug}" if results.engagement is not None
            else "programme-results")
    written = "" if language == "en" else f"-{language}"
    return f"{stem}-{dt.date.today().isoformat()}{written}.{fmt}"
