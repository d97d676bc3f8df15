"""The level 1 and level 2 forms as XLSForms for KoboToolbox or ODK, and their exports read
back — interchange's writer, table reader and column recognition, with its rules: all or
nothing, every problem naming the file, the sheet (XLSX), the row and the column.

A form is made for one delivery: its trainee codes are the choices (no names), its
objectives the level 2 items; a hidden field carries the delivery's UUID so an export of
another course's form is refused. Importing the same export twice changes nothing: an
answer already stored with the same values is skipped; one that differs is a problem.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from django.utils import translation
from django.utils.translation import gettext as _

from govcap.delivery import course_names
from govcap.delivery import evaluation as ev
from govcap.delivery.core import evaluation as rules
from govcap.delivery.imports import read_upload
from govcap.delivery.models import AnswerSource, Delivery, LearningCheck, Reaction, Trainee
from govcap.interchange.formspec import Choice, Field, FormSpec
from govcap.interchange.headers import fold, header_score, map_columns
from govcap.interchange.problems import ImportProblem, Problem
from govcap.interchange.tables import read_table
from govcap.interchange.xlsform import xlsform_bytes as spec_bytes

DELIVERY_FIELD = "govcap_delivery"
FORM_VERSION = "1"


def form_id(delivery: Delivery, level: int) -> str:
    return f"govcap_l{level}_{delivery.uuid.hex[:8]}"


def _in(languages: Sequence[str], text) -> dict[str, str]:
    """A lazy or gettext'd text in each language."""
    out = {}
    for lang in languages:
        with translation.override(lang):
            out[lang] = str(text())
    return out


def build_spec(delivery: Delivery, level: int, languages: Sequence[str] = ("en",)) -> FormSpec:
    languages = tuple(dict.fromkeys(languages)) or ("en",)
    trainees = Trainee.objects.filter(delivery=delivery)
    dropped = _dropped(delivery)
    # one who dropped out answers the check before the course only (``ev.link_codes``):
    # the reaction form does not offer their code, the level-2 form takes their "before"
    # only (its phase's constraint), so that no answer the import refuses can be sent
    codes = sorted((c for c in trainees.values_list("code", flat=True)
                    if level == 2 or c not in dropped), key=rules._code_order)
    items: list[Field] = [
        Field("select_one trainee", "trainee",
              _in(languages, lambda: _("Your participant code")),
              _in(languages, lambda: _("On your name card or the sign-in sheet. No name is "
                                       "asked.")), required=True, role="trainee"),
    ]
    choices: dict[str, tuple[Choice, ...]] = {
        "trainee": tuple(Choice(c, dict.fromkeys(languages, c)) for c in codes)}
    if level == 1:
        for item in rules.REACTION_ITEMS:
            items.append(Field("select_one rating", item,
                               _in(languages, lambda item=item: ev.reaction_label(item)),
                               _in(languages, lambda: _("1 = poor, 5 = excellent")),
                               appearance="horizontal", role=item))
        items.append(Field("text", "comment",
                           _in(languages, lambda: _("Anything else you want to tell us?")),
                           appearance="multiline", role="comment"))
        choices["rating"] = tuple(Choice(str(n), dict.fromkeys(languages, str(n)))
                                  for n in range(rules.RATING_MIN, rules.RATING_MAX + 1))
    elif level == 2:
        items.append(Field("select_one phase", "phase",
                           _in(languages, lambda: _("When is this check?")), required=True,
                           role="phase", **_before_only(dropped, languages)))
        choices["phase"] = (
            Choice(rules.PRE, _in(languages, lambda: _("Before the course"))),
            Choice(rules.POST, _in(languages, lambda: _("After the course"))))
        texts = {lang: ev.objectives_for_participant(delivery, lang) for lang in languages}
        for i in range(1, len(texts[languages[0]]) + 1):
            items.append(Field("select_one met", f"o{i}",
                               {lang: f"{i}. {texts[lang][i - 1]}" for lang in languages},
                               required=True, appearance="horizontal", role=f"o{i}"))
        choices["met"] = (Choice("yes", _in(languages, lambda: _("Yes, I can do this"))),
                          Choice("no", _in(languages, lambda: _("Not yet"))))
    else:
        raise ValueError("level 1 or 2")
    items += [Field("calculate", DELIVERY_FIELD, calculation=f"'{delivery.uuid}'",
                    role=DELIVERY_FIELD),
              Field("start", "start"), Field("end", "end")]
    level_title = _in(languages[:1], lambda: _("Level 1: reaction") if level == 1
                      else _("Level 2: learning"))[languages[0]]
    # the course as the plan's documents name it ("…(POL-901), cohort 1"), not its internal id
    course = _in(languages[:1], lambda: course_names.course_name(delivery).label)[languages[0]]
    title = f"{course} — {level_title}"
    return FormSpec(form_id=form_id(delivery, level), version=FORM_VERSION, title=title,
                    languages=languages, items=tuple(items), choices=choices,
                    instance_name="concat(${trainee}, ' ', ${start})", section_keys=())


def _dropped(delivery: Delivery) -> set[str]:
    """The codes of the delivery's participants who dropped out."""
    return set(Trainee.objects.filter(delivery=delivery, completion=Trainee.Completion.DROPPED)
               .values_list("code", flat=True))


def _before_only(dropped: set[str], languages: Sequence[str]) -> dict:
    """The level-2 phase's constraint: a code that dropped out answers "before" only."""
    if not dropped:
        return {}
    others = " and ".join(f"${{trainee}} != '{c}'"
                          for c in sorted(dropped, key=rules._code_order))
    return {"constraint": f". = '{rules.PRE}' or ({others})",
            "constraint_messages": _in(languages, lambda: _(
                "This participant dropped out of the course: only the check before the "
                "course is theirs to answer."))}


def _dropped_problems(delivery: Delivery, answers: Sequence[tuple[int, ev.Answer]],
                      column: str) -> list[Problem]:
    """An answer of a participant who dropped out to a form that is not theirs (the
    reaction, the check after the course), by row and code: the whole file is refused."""
    dropped = _dropped(delivery)
    out = []
    for row, a in answers:
        if a.code not in dropped:
            continue
        if isinstance(a, ev.ReactionAnswer):
            out.append(Problem(_("%(code)s dropped out of the course: the reaction form is "
                                 "not theirs to answer (a form exported now does not offer "
                                 "their code)") % {"code": a.code}, row, column))
        elif isinstance(a, ev.LearningAnswer) and a.phase == rules.POST:
            out.append(Problem(_("%(code)s dropped out of the course: only the check before "
                                 "the course is theirs to answer, not the one after it") % {
                "code": a.code}, row, column))
    return out


def xlsform_bytes(delivery: Delivery, level: int, languages: Sequence[str] = ("en",)) -> bytes:
    return spec_bytes(build_spec(delivery, level, languages))


def write_xlsform(delivery: Delivery, level: int, path: str | Path,
                  languages: Sequence[str] = ("en",)) -> FormSpec:
    """Write the XLSForm; the file is replaced only once the workbook is complete."""
    spec = build_spec(delivery, level, languages)
    path = Path(path)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(spec_bytes(spec))
    tmp.replace(path)
    return spec


# --- reading an export back ----------------------------------------------------------


@dataclass(frozen=True)
class EvaluationImport:
    level: int
    created: int
    unchanged: int
    dry_run: bool


def _choice_names(spec: FormSpec) -> dict[str, dict[str, str]]:
    """list name → folded label (any language) or name → name: a "labels" export gives
    the choice's label, an "XML values" export its name."""
    out: dict[str, dict[str, str]] = {}
    for list_name, choices in spec.choices.items():
        names = out.setdefault(list_name, {})
        for c in choices:
            names[fold(c.name)] = c.name
            for label in c.labels.values():
                names.setdefault(fold(label), c.name)
    return out


def problem_text(p: rules.RowProblem) -> str:
    """What is wrong, after the participant's code when the row has one and the reason
    does not say it."""
    text = _problem_text(p)
    if p.code and p.kind in (rules.BAD_RATING, rules.BAD_MET, rules.BAD_PHASE, rules.NOTHING,
                             rules.TOO_LONG):
        return _("%(code)s: %(problem)s") % {"code": p.code, "problem": text}
    return text


def _problem_text(p: rules.RowProblem) -> str:
    if p.kind == rules.UNKNOWN_CODE:
        return _("“%(value)s” is not a participant code of this delivery") % {"value": p.value}
    if p.kind == rules.NO_CODE:
        return _("empty: every answer needs the participant's code")
    if p.kind == rules.BAD_RATING:
        return _("“%(value)s” is not a rating from 1 to 5") % {"value": p.value}
    if p.kind == rules.BAD_MET:
        return _("“%(value)s” is not yes or no") % {"value": p.value}
    if p.kind == rules.BAD_PHASE:
        return _("“%(value)s” is not pre or post") % {"value": p.value}
    if p.kind == rules.DUPLICATE:
        # within the file: nothing of it is stored yet (issue 17, fresh eyes: "already
        # answered this form in row 4" read as an answer kept, though row 4 was refused)
        return _("%(value)s is given twice in the file (rows %(first)s and %(row)s): a "
                 "participant answers the form once") % {
            "value": p.value, "first": p.limit, "row": p.row}
    if p.kind == rules.NOTHING:
        return _("no rating and no comment")
    if p.kind == rules.TOO_LONG:
        return _("longer than %(n)s characters") % {"n": p.limit}
    if p.kind == rules.NO_ROWS:
        return _("the file has no answers")
    return p.kind


def import_answers(source: bytes | str | Path, delivery: Delivery, *, user=None,
                   name: str = "", dry_run: bool = False) -> EvaluationImport:
    """Read an export of this delivery's level 1 or level 2 form (which one is read from
    its columns) and store its answers unless ``dry_run``. Any problem raises
    ImportProblem listing them all, and nothing is written."""
    upload = read_upload(source, name)
    label, where = upload.label, upload.where
    specs = {level: build_spec(delivery, level) for level in (1, 2)}
    scores = {level: header_score(spec) for level, spec in specs.items()}
    try:
        table = read_table(upload.data, label, lambda h: max(s(h) for s in scores.values()))
        level = max(specs, key=lambda lv: scores[lv](table.headers))
        columns = map_columns(table.headers, specs[level])
    except ImportProblem as exc:
        raise exc.with_source(where) from None
    names = _choice_names(specs[level])
    list_of = {f.name: f.list_name for f in specs[level].fields() if f.list_name}
    header = {f: columns.headers[i] for f, i in columns.fields.items()}
    problems: list[Problem] = []
    rows: list[tuple[int, dict[str, str]]] = []
    expected = str(delivery.uuid)
    for row in table.rows:
        cells: dict[str, str] = {}
        for f, i in columns.fields.items():
            value = row.cells[i].strip()
            if f in list_of and value:
                value = names[list_of[f]].get(fold(value), value)
            cells[f] = value
        given = cells.get(DELIVERY_FIELD, "")
        if given and given != expected:
            problems.append(Problem(_("this answer is to the form of another delivery (%(other)s)")
                                    % {"other": given}, row.number, header[DELIVERY_FIELD]))
            continue
        rows.append((row.number, cells))
    codes = list(Trainee.objects.filter(delivery=delivery).values_list("code", flat=True))
    # every row of a known participant is read, those with a refused cell too, so that the
    # participant's own rules (dropped out, answered already) are named in the same pass
    read: Sequence[rules.ReactionRow | rules.LearningRow] = []
    found: list[rules.RowProblem] = []
    if level == 1 and rows:
        read, found = rules.read_reactions(rows, codes, header, partial=True)
    elif rows:
        n = len(ev.objectives(delivery))
        read, found = rules.read_learning(rows, codes, header, n, partial=True)
    if not table.rows:
        found.append(rules.RowProblem(rules.NO_ROWS, 0))
    answers = [(r.row, _answer(r)) for r in read]
    problems += [Problem(problem_text(p), p.row or None, p.column or None) for p in found]
    trainee_column = header.get("trainee", "trainee")
    problems += _dropped_problems(delivery, answers, trainee_column)
    problems += _conflicts(delivery, [(row, a) for (row, a), r in zip(answers, read, strict=True)
                                      if _comparable(r)], trainee_column, read)
    if problems:
        order = {h: i for i, h in enumerate(table.headers)}
        raise ImportProblem(sorted(problems, key=lambda p: (
            p.row or 0, order.get(p.column or "", -1 if p.row is None else len(order)))), where)
    answers = [(row, a) for (row, a), r in zip(answers, read, strict=True) if not r.bad]
    unchanged = len(answers) - len(_new(delivery, [a for _row, a in answers]))
    if dry_run:
        return EvaluationImport(level, len(answers) - unchanged, unchanged, True)
    try:
        done = ev.record_answers(user, delivery, [a for _row, a in answers],
                                 source=AnswerSource.XLSFORM)
    except ev.EvaluationError as exc:
        raise ImportProblem.one(str(exc), where) from None
    return EvaluationImport(level, done.created, done.unchanged, False)


def _stored(delivery: Delivery) -> tuple[Mapping[str, Reaction], Mapping[tuple[str, str],
                                                                         LearningCheck]]:
    reactions = {r.trainee.code: r for r in Reaction.objects.filter(
        trainee__delivery=delivery).select_related("trainee")}
    checks = {(c.trainee.code, c.phase): c for c in LearningCheck.objects.filter(
        trainee__delivery=delivery).select_related("trainee")}
    return reactions, checks


def _same(a: ev.Answer, reactions, checks, bad: frozenset[str] = frozenset()) -> bool | None:
    """None: nothing stored for this trainee and form; else whether it is the same, the
    fields in ``bad`` (refused cells) aside."""
    if isinstance(a, ev.ReactionAnswer):
        r = reactions.get(a.code)
        if r is None:
            return None
        return all(getattr(r, k) == v for k, v in a.ratings().items() if k not in bad) and \
            ("comment" in bad or r.comment == a.comment.strip())
    if isinstance(a, ev.LearningAnswer):
        c = checks.get((a.code, a.phase))
        if c is None:
            return None
        if not bad:
            return list(a.objectives_met) == list(c.objectives_met)
        stored = list(c.objectives_met)
        return len(stored) == len(a.objectives_met) and all(
            m == s for i, (m, s) in enumerate(zip(a.objectives_met, stored, strict=True), 1)
            if f"o{i}" not in bad)
    return None


def _new(delivery: Delivery, answers: Sequence[ev.Answer]) -> list[ev.Answer]:
    reactions, checks = _stored(delivery)
    return [a for a in answers if _same(a, reactions, checks) is None]


def _answer(r: rules.ReactionRow | rules.LearningRow) -> ev.Answer:
    """The row as an answer; a refused cell is left out (a rating None, an item False) — such
    an answer is never stored, only checked against the participant's rules."""
    if isinstance(r, rules.ReactionRow):
        return ev.ReactionAnswer(r.code, comment=r.comment, **r.ratings)
    return ev.LearningAnswer(r.code, r.phase, tuple(bool(m) for m in r.objectives_met))


def _comparable(r: rules.ReactionRow | rules.LearningRow) -> bool:
    """Whether the row says enough to compare with a stored answer ("*": not at all)."""
    return "*" not in r.bad


def _conflicts(delivery: Delivery, answers: Sequence[tuple[int, ev.Answer]],
               column: str, read: Sequence[rules.ReactionRow | rules.LearningRow] = ()
               ) -> list[Problem]:
    """The rows that differ from the answer the participant has stored. A row with a refused
    cell differs only if a cell it gives rightly differs: correcting the refused one may
    make it the stored answer, which is then skipped."""
    reactions, checks = _stored(delivery)
    bad = {r.row: r.bad for r in read}
    out = []
    for row, a in answers:
        if _same(a, reactions, checks, bad.get(row, frozenset())) is False:
            out.append(Problem(_("%(code)s has already answered this form with other answers; "
                                 "only one answer per participant is kept") % {"code": a.code},
                               row, column))
    return out
