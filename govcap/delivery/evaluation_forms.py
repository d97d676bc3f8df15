"""The evaluation forms: what a participant fills on a phone through a link (levels 1–3),
what a coordinator or trainer uses to open a link, and the paper entry's reading."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import cast

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from govcap import localise
from govcap.delivery import evaluation as ev
from govcap.delivery.core import evaluation as rules
from govcap.delivery.forms import validate_contact
from govcap.delivery.models import EvaluationLink, FollowUp, LearningCheck, Reaction, Trainee

# the kinds of form, as a link or the paper page names them
FORMS = ("reaction", rules.PRE, rules.POST, rules.PARTICIPANT, rules.SUPERVISOR)
PAPER_FORMS = ("reaction", rules.PRE, rules.POST)


def form_label(key: str) -> str:
    return {
        "reaction": _("Level 1: reaction at the end of the course"),
        rules.PRE: _("Level 2: learning check before the course"),
        rules.POST: _("Level 2: learning check after the course"),
        rules.PARTICIPANT: _("Level 3: follow-up with the participant"),
        rules.SUPERVISOR: _("Level 3: follow-up with the supervisor"),
    }.get(key, key)


def link_form_args(key: str) -> dict:
    if key == "reaction":
        return {"level": 1}
    if key in rules.PHASES:
        return {"level": 2, "phase": key}
    return {"level": 3, "respondent": key}


class OpenLinkForm(forms.Form):
    form = forms.ChoiceField(label=gettext_lazy("Form"))
    hours = forms.IntegerField(label=gettext_lazy("Open for (hours)"), min_value=1,
                               max_value=rules.LINK_HOURS_MAX, initial=rules.LINK_HOURS_DEFAULT,
                               help_text=gettext_lazy(
                                   "A follow-up link stays open 30 days, and at least until "
                                   "the follow-ups close, 6 months after the course."))

    def __init__(self, *args, follow_ups: bool = True, **kwargs) -> None:
        """``follow_ups``: whether the level-3 forms are offered (``ev.runs_follow_ups``:
        not to the course's training provider)."""
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["form"]).choices = [
            (key, form_label(key)) for key in FORMS
            if follow_ups or key not in rules.RESPONDENTS]


def _rating_field(label: str) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label, required=False, coerce=int, empty_value=None, widget=forms.RadioSelect,
        choices=[(str(n), str(n)) for n in range(rules.RATING_MIN, rules.RATING_MAX + 1)])


class ParticipantForm(forms.Form):
    """The phone form of a link: the participant's code, then the level's questions."""

    code = forms.ChoiceField(label=gettext_lazy("Your participant code"),
                             help_text=gettext_lazy("On your name card or the sign-in sheet, "
                                                    "for example T3. No name is asked."))

    def __init__(self, *args, link: EvaluationLink, codes: Sequence[str],
                 objectives: Sequence[str] = (), answered: Collection[str] = (),
                 trainee: Trainee | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.link, self.trainee = link, trainee
        if trainee is not None:  # their own address: the code is theirs, not chosen
            del self.fields["code"]
        else:
            self._offer_codes(codes, answered)
        if link.level == EvaluationLink.Level.REACTION:
            for item in rules.REACTION_ITEMS:
                self.fields[item] = _rating_field(ev.reaction_label(item))
            self.fields["comment"] = forms.CharField(
                label=_("Anything else you want to tell us?"), required=False,
                max_length=rules.COMMENT_MAX, widget=forms.Textarea(attrs={"rows": 3}))
        elif link.level == EvaluationLink.Level.LEARNING:
            for i, text in enumerate(objectives, start=1):
                self.fields[f"o{i}"] = forms.ChoiceField(
                    label=text, widget=forms.RadioSelect,
                    choices=[("yes", _("Yes, I can do this")), ("no", _("Not yet"))],
                    error_messages={"required": _("Answer this one too, please.")})
        else:
            self.fields["applied"] = forms.ChoiceField(
                label=_("Is what the course taught applied at work?")
                if link.respondent == rules.SUPERVISOR
                else _("Do you apply what the course taught at work?"),
                widget=forms.RadioSelect, choices=FollowUp.Applied.choices)
            self.fields["example"] = forms.CharField(
                label=_("An example"), required=False, max_length=rules.COMMENT_MAX,
                widget=forms.Textarea(attrs={"rows": 3}),
                help_text=_("What was done differently, or what stands in the way. No names, "
                            "please."))

    def _offer_codes(self, codes: Sequence[str], answered: Collection[str]) -> None:
        cast(forms.ChoiceField, self.fields["code"]).choices = [("", "—")] + [
            (c, c) for c in codes]
        # the list leaves out the codes that answered already; one posted anyway is still
        # accepted here, and refused as answered (``ev.AlreadyAnswered``), the safety net
        cast(forms.Select, self.fields["code"].widget).choices = [("", "—")] + [
            (c, c) for c in codes if c not in answered]
        if set(codes) & set(answered):
            self.fields["code"].help_text = "{} {}".format(
                self.fields["code"].help_text,
                _("The codes that have answered already are not listed: if yours is "
                  "missing, ask the trainer."))

    def clean(self):
        data = super().clean() or {}
        if (self.link.level == EvaluationLink.Level.REACTION and not self.errors
                and all(data.get(i) is None for i in rules.REACTION_ITEMS)
                and not (data.get("comment") or "").strip()):
            raise forms.ValidationError(_("Give at least one rating or a comment."))
        return data

    def answer(self) -> ev.Answer:
        d = self.cleaned_data
        if self.trainee is not None:
            d = {**d, "code": self.trainee.code}
        if self.link.level == EvaluationLink.Level.REACTION:
            return ev.ReactionAnswer(d["code"], comment=d.get("comment", ""),
                                     **{i: d.get(i) for i in rules.REACTION_ITEMS})
        if self.link.level == EvaluationLink.Level.LEARNING:
            met = tuple(d[name] == "yes" for name in sorted(
                (n for n in d if n[:1] == "o" and n[1:].isdigit()), key=lambda n: int(n[1:])))
            return ev.LearningAnswer(d["code"], self.link.phase, met)
        return ev.FollowUpAnswer(d["code"], self.link.respondent, d["applied"],
                                 d.get("example", ""))


class FollowUpAnswerForm(forms.Form):
    applied = forms.ChoiceField(label=gettext_lazy("Applied at work?"),
                                choices=FollowUp.Applied.choices)
    example = forms.CharField(label=gettext_lazy("Example"), required=False,
                              max_length=rules.COMMENT_MAX)


class SupervisorContactForm(forms.Form):
    contact = forms.CharField(label=gettext_lazy("Supervisor's name and contact"),
                              required=False, max_length=200, validators=[validate_contact])


class EvaluationUploadForm(forms.Form):
    file = forms.FileField(label=gettext_lazy(
        "Export of the level 1 or level 2 form (CSV or XLSX from KoboToolbox or ODK)"))


# --- paper entry: one row of fields per trainee, named "T3-relevance", "T3-o2"… -----------


class PaperProblem(Exception):
    """Rows that cannot be saved, each named by trainee code and field."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = list(problems)
        super().__init__(localise.join(self.problems, strong=True))


def _int(value: str) -> int | None:
    value = value.strip()
    return int(value) if value.isdecimal() else None


def read_paper(post: Mapping[str, str], form: str, codes: Sequence[str], objectives: int,
               existing: Mapping[str, Reaction | LearningCheck]) -> list[ev.Answer]:
    """The answers typed on the paper page: a row left empty is skipped, a row the same as
    its stored answer too; anything unreadable is a problem naming the row and field."""
    problems: list[str] = []
    answers: list[ev.Answer] = []
    for code in codes:
        def cell(name: str, code: str = code) -> str:
            return str(post.get(f"{code}-{name}", "")).strip()

        if form == "reaction":
            raw = {item: cell(item) for item in rules.REACTION_ITEMS}
            comment = cell("comment")
            if not any(raw.values()) and not comment:
                continue
            ratings: dict[str, int | None] = {}
            for item, value in raw.items():
                number = _int(value) if value else None
                if value and (number is None or not rules.rating_ok(number)):
                    problems.append(_("%(code)s, %(field)s: “%(value)s” is not a rating from 1 "
                                      "to 5.") % {"code": code, "field": ev.reaction_label(item),
                                                  "value": value})
                ratings[item] = number
            answer: ev.Answer = ev.ReactionAnswer(code, comment=comment, **ratings)
            old = existing.get(code)
            if isinstance(old, Reaction) and all(
                    getattr(old, i) == ratings[i] for i in rules.REACTION_ITEMS) \
                    and old.comment == comment:
                continue
        else:
            marks = [cell(f"o{i}") for i in range(1, objectives + 1)]
            correct, out_of = cell("correct"), cell("out_of")
            if not any(marks) and not correct:
                continue
            if any(marks) and correct:
                problems.append(_("%(code)s: the objectives are marked and a total score is "
                                  "given; give one or the other, not both.") % {"code": code})
                continue
            if any(marks):
                if not all(marks) or any(m not in ("yes", "no") for m in marks):
                    missing = [str(i) for i, m in enumerate(marks, start=1)
                               if m not in ("yes", "no")]
                    problems.append(_("%(code)s: objectives %(list)s are not marked; mark "
                                      "every objective, or give a total score instead.") % {
                        "code": code, "list": ", ".join(missing)})
                    continue
                answer = ev.LearningAnswer(code, form, tuple(m == "yes" for m in marks))
            else:
                right, total = _int(correct), _int(out_of)
                if right is None or not total or right > total:
                    problems.append(_("%(code)s, score: “%(correct)s” of “%(out_of)s” is not a "
                                      "number of correct answers of the questions asked.") % {
                        "code": code, "correct": correct, "out_of": out_of})
                    continue
                answer = ev.LearningAnswer(code, form, correct=right, out_of=total)
            old = existing.get(code)
            if isinstance(old, LearningCheck) and (
                    answer.objectives_met and list(answer.objectives_met) == old.objectives_met
                    or not answer.objectives_met and not old.objectives_met
                    and (old.correct, old.out_of) == (answer.correct, answer.out_of)):
                continue
        answers.append(answer)
    if problems:
        raise PaperProblem(problems)
    return answers
