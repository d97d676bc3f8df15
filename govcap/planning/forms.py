"""Forms: engagement plan settings, the five plan edits, and one catalogue module."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any, cast

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils import translation
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext

from govcap import direction, localise
from govcap.labels import level_choices
from govcap.planning.core.inputs import MAX_LEAD_WEEKS, PlanInputError, month_number
from govcap.planning.core.ratecard import country_rate_card
from govcap.planning.core.validation import DELIVERY_MODES, CatalogueError
from govcap.planning.models import PlanSettings
from govcap.planning.wording import DELIVERY
from govcap.scale import SECTION_KEYS

_COST_LINE = re.compile(r"^\s*([A-Z]{2,4}-[0-9]{3})\s*:\s*([0-9.]*)\s*(?:/\s*([0-9.]*))?\s*$")
BLANK = [("", "—")]


# The formats the fields are typed in, each its own message so that a language writes its
# letters ("AAAA-MM" in French): inside a sentence, translators kept "YYYY-MM" and "CODE:"
# as if they were to be typed as they are.
def month_format() -> str:
    return pgettext("the format a month is typed in (year-month): translate the letters",
                    "YYYY-MM")


def module_code_word() -> str:
    return pgettext("stands for a module's code in a line's format (“CODE: 95 / 3000”)",
                    "CODE")


def _blackout_help() -> str:
    return str(_("%(format)s, separated by commas")) % {"format": month_format()}


def _costs_help() -> str:
    # The example is a line as typed, left to right in every language: its own placeholder,
    # isolated, so an Arabic hint read "مثل 3000 / DST-101: 95" no more (issue 15).
    example = "DST-101: 95 / 3000"
    if direction.is_rtl(translation.get_language() or ""):
        example = f"{direction.LRI}{example}{direction.PDI}"
    return str(_("One module a line, in the engagement currency: %(code)s: per participant-day "
                 "/ per cohort, e.g. %(example)s")) % {"code": module_code_word(),
                                                      "example": example}


blackout_help, costs_help, month_help = (lazy(f, str)() for f in (
    _blackout_help, _costs_help, month_format))
# One organisation's own limits (empty keeps the engagement's): field, label, largest value.
CAPACITY_FIELDS = (("days_per_month", _("Days a month"), 31),
                   ("days_per_quarter", _("Days a quarter"), 92),
                   ("staff_away", _("Staff away"), 500))


def _month(value: str) -> str:
    """`value` as a month ("2026-03"), or refused in the reader's language, what they typed
    in its quotation marks and set apart from the sentence (`localise.quote`: in Arabic a
    Latin "abc" is isolated inside «», so the marks stay at its two ends)."""
    value = value.strip()
    try:
        month_number(value)
    except PlanInputError:
        raise forms.ValidationError(
            # Translators: %(month)s is what the user typed, already in quotation marks
            _("%(month)s is not a month; write it as YYYY-MM, e.g. 2026-03")
            % {"month": localise.quote(value)}) from None
    return value


def _version_order(version: str) -> tuple[tuple[int, int | str], ...]:
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in version.split("."))


class _CatalogueOrder(forms.models.ModelChoiceIterator):
    """Catalogues in the readers' order of their names (`localise.sort_key`), each one's
    versions oldest first: the database orders them by key, not by the name a reader sees."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for row in sorted(self.queryset, key=lambda c: (localise.sort_key(c.name()),
                                                        _version_order(c.version))):
            yield self.choice(row)


class CatalogueChoiceField(forms.ModelChoiceField):
    """A catalogue version by its name in the reader's language (its translation layer's)."""

    iterator = _CatalogueOrder

    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.name()} (v{obj.version})"


class SettingsForm(forms.ModelForm):
    """Targets and constraints; per-organisation fields are added for each organisation."""

    strategic_sections = forms.MultipleChoiceField(
        required=False, widget=forms.CheckboxSelectMultiple, label=_("Strategic sections"))
    blackout = forms.CharField(required=False, label=_("Blackout months"),
                               help_text=blackout_help)
    costs = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 3}), label=_("Cost overrides"),
        help_text=costs_help)

    class Meta:
        model = PlanSettings
        field_classes = {"catalogue": CatalogueChoiceField}
        fields = ["catalogue", "default_level", "strategic_level", "sustain_high", "start_month",
                  "lead_weeks", "horizon_months", "max_parallel", "max_parallel_per_domain",
                  "participants_per_org", "max_participants_per_org", "currency",
                  "exchange_rate", "funding_source", "days_per_month", "days_per_quarter",
                  "staff_away", "fiscal_year_end_month", "block_ramadan", "block_holidays",
                  "women_target_percent", "rate_card_version", "travelling_share_percent"]
        labels = {"catalogue": _("Training catalogue"), "currency": _("Currency"),
                  "default_level": _("Default target"), "strategic_level": _("Strategic target"),
                  "sustain_high": _("End journeys to High with sustaining modules"),
                  "start_month": _("Start month"), "horizon_months": _("Months in the plan"),
                  "lead_weeks": _("Weeks before the first course"),
                  "max_parallel": _("Cohorts at once (at most; classes only, coaching and "
                                    "e-learning not counted)"),
                  "max_parallel_per_domain": _("Cohorts at once per domain (classes only)"),
                  "participants_per_org": _("Participants per organisation"),
                  "max_participants_per_org": _("Up to, to fill a cohort"),
                  "exchange_rate": _("Exchange rate"), "funding_source": _("Funding source"),
                  "days_per_month": _("Training days a month, per organisation"),
                  "days_per_quarter": _("Training days a quarter, per organisation"),
                  "staff_away": _("Staff away at once, per organisation"),
                  "fiscal_year_end_month": _("Last month of the fiscal year"),
                  "block_ramadan": _("No training in Ramadan"),
                  "block_holidays": _("Leave out national holidays"),
                  "women_target_percent": _("Women among the participants (aim, %)"),
                  "rate_card_version": _("Rate card edition"),
                  "travelling_share_percent": _("Participants travelling to the venue (%)")}
        help_texts = {"catalogue": _("Empty: the latest version"),
                      "currency": _("Three-letter code, e.g. KES"),
                      "start_month": month_help,
                      "lead_weeks": _("Time for the organisations to nominate participants, "
                                      "release them and book a venue: the first course "
                                      "starts in the first month that begins at least this "
                                      "many weeks after the plan's date. 0 to 52."),
                      "max_parallel_per_domain": _("Empty: only the overall limit"),
                      "exchange_rate": _("Units of the currency per catalogue unit (USD)"),
                      "days_per_month": _("Days of courses one organisation can take in a "
                                          "month"),
                      "days_per_quarter": _("Days of courses in a calendar quarter"),
                      # two limits apart: a course's seats, a month's people away
                      "max_participants_per_org": _(
                          "The most one organisation sends to one course short of its "
                          "minimum, within its staff away"),
                      "staff_away": _("Its participants in all the courses of one month, "
                                      "added up, at most"),
                      "fiscal_year_end_month": _("1–12; no training that month. Empty: none"),
                      "block_ramadan": _("Computed for each year"),
                      "block_holidays": _("Each holiday takes a working day off the month"),
                      "women_target_percent": _("Shown with each course's nominations"),
                      "rate_card_version": _("Empty: the country's newest card, e.g. 2026.1"),
                      "travelling_share_percent": _("Empty: the rate card's share")}

    def __init__(self, *args: Any, organisations: list[Any], section_titles: dict[str, str],
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # the table's rows in the readers' order of names (the database's is by code point)
        self.organisations = localise.sorted_names(organisations, key=lambda o: o.name)
        self.section_titles = section_titles
        cast(forms.ChoiceField, self.fields["strategic_sections"]).choices = [(k, section_titles.get(k, k))
                                                     for k in SECTION_KEYS]
        # levels in the reader's language, as the rest of the product says them (the
        # model's choices are the stored keys' English words)
        for name in ("default_level", "strategic_level"):
            cast(forms.ChoiceField, self.fields[name]).choices = level_choices()
        settings: PlanSettings = self.instance
        self.initial.setdefault("strategic_sections", settings.strategic_sections)
        self.initial.setdefault("blackout", ", ".join(sorted(settings.blackout_months)))
        self.initial.setdefault("costs", "\n".join(
            f"{code}: {c.get('per_participant_day') or ''} / {c.get('per_cohort') or ''}"
            for code, c in sorted(settings.cost_overrides.items())))
        for org in organisations:
            key = str(org.uuid)
            for section in SECTION_KEYS:
                name = f"target_{org.pk}_{section}"
                self.fields[name] = forms.ChoiceField(
                    choices=BLANK + level_choices(), required=False,
                    label=localise.labelled(org.name, section_titles.get(section, section)))
                self.fields[name].widget.attrs["aria-label"] = self.fields[name].label
                self.initial.setdefault(name, settings.target_overrides.get(key, {})
                                        .get(section, ""))
            name = f"participants_{org.pk}"
            self.fields[name] = forms.IntegerField(min_value=1, max_value=60, required=False,
                                                   label=_("Participants"))
            self.fields[name].widget.attrs["aria-label"] = _("%(org)s: participants") % {
                "org": org.name}
            self.initial.setdefault(name, settings.participants_overrides.get(key))
            own = settings.capacity_overrides.get(key, {})
            for field, label, top in CAPACITY_FIELDS:
                name = f"{field}_{org.pk}"
                self.fields[name] = forms.IntegerField(min_value=1, max_value=top,
                                                       required=False, label=label)
                self.fields[name].widget.attrs["aria-label"] = localise.labelled(org.name, label)
                self.initial.setdefault(name, own.get(field))
        for name, low, top in (("days_per_month", 1, 31), ("days_per_quarter", 1, 92),
                               ("staff_away", 1, 500), ("fiscal_year_end_month", 1, 12),
                               ("lead_weeks", 0, MAX_LEAD_WEEKS)):
            limit = cast(forms.IntegerField, self.fields[name])
            limit.min_value, limit.max_value = low, top
            self.fields[name].widget.attrs.update(min=low, max=top)
            self.fields[name].validators += [MinValueValidator(low), MaxValueValidator(top)]

    def org_rows(self) -> list[tuple[Any, list[Any], Any, list[Any]]]:
        return [(org, [self[f"target_{org.pk}_{s}"] for s in SECTION_KEYS],
                 self[f"participants_{org.pk}"],
                 [self[f"{field}_{org.pk}"] for field, _, _ in CAPACITY_FIELDS])
                for org in self.organisations]

    def capacity_fields(self) -> list[Any]:
        return [self[name] for name in ("days_per_month", "days_per_quarter", "staff_away",
                                        "fiscal_year_end_month", "block_ramadan",
                                        "block_holidays")]

    def clean(self) -> dict[str, Any]:
        """Limits that contradict each other are refused, naming the field to change."""
        super().clean()
        data = self.cleaned_data
        month, quarter = data.get("days_per_month"), data.get("days_per_quarter")
        away, sent = data.get("staff_away"), data.get("participants_per_org")
        if month and quarter and quarter < month:
            self.add_error("days_per_quarter", _("A quarter cannot take fewer training days "
                                                 "than a month (%(n)d).") % {"n": month})
        if away and sent and sent > away:
            self.add_error("participants_per_org", _(
                "More participants per organisation than the %(n)d staff who can be away at "
                "once; raise “Staff away at once” or send fewer.") % {"n": away})
        for org in self.organisations:
            own_away = data.get(f"staff_away_{org.pk}") or away
            own_sent = data.get(f"participants_{org.pk}") or sent
            if own_away and own_sent and own_sent > own_away:
                self.add_error(f"participants_{org.pk}", _(
                    "%(org)s: %(sent)d participants but only %(away)d staff can be away at "
                    "once.") % {"org": org.name, "sent": own_sent, "away": own_away})
            own_month = data.get(f"days_per_month_{org.pk}") or month
            own_quarter = data.get(f"days_per_quarter_{org.pk}") or quarter
            if own_month and own_quarter and own_quarter < own_month:
                self.add_error(f"days_per_quarter_{org.pk}", _(
                    "%(org)s: a quarter cannot take fewer training days than a month.")
                    % {"org": org.name})
        return data

    def schedule_fields(self) -> list[Any]:
        return [self[name] for name in ("catalogue", "start_month", "lead_weeks",
                                        "horizon_months", "blackout",
                                        "max_parallel", "max_parallel_per_domain",
                                        "participants_per_org", "max_participants_per_org",
                                        "women_target_percent", "currency", "exchange_rate",
                                        "funding_source", "rate_card_version",
                                        "travelling_share_percent")]

    def clean_start_month(self) -> str:
        return _month(self.cleaned_data["start_month"])

    def clean_rate_card_version(self) -> str:
        value = self.cleaned_data["rate_card_version"].strip()
        if value:
            country = self.instance.engagement.country
            try:
                country_rate_card(country.code, version=value)
            except CatalogueError:
                # the country named in the page's language ("Djibouti", "جيبوتي"), not its code
                raise forms.ValidationError(
                    _("%(country)s has no rate card edition %(version)s.")
                    % {"country": localise.isolate(country.local_name),
                       "version": localise.isolate(value)}) from None
        return value

    def clean_currency(self) -> str:
        value = self.cleaned_data["currency"].strip().upper()
        if not re.fullmatch(r"[A-Z]{3}", value):
            raise forms.ValidationError(_("Give a three-letter ISO currency code, e.g. KES."))
        return value

    def clean_blackout(self) -> list[str]:
        return sorted({_month(m) for m in self.cleaned_data["blackout"].split(",") if m.strip()})

    def clean_costs(self) -> dict[str, dict[str, str | None]]:
        found: dict[str, dict[str, str | None]] = {}
        for number, line in enumerate(self.cleaned_data["costs"].splitlines(), 1):
            if not line.strip():
                continue
            match = _COST_LINE.match(line)
            try:
                values = [str(Decimal(v)) if v else None for v in (match.groups()[1:] if match
                                                                   else ())]
            except InvalidOperation:
                match = None
            if not match or not any(values):
                raise forms.ValidationError(_("Line %(n)d: write %(code)s: per participant-day / "
                                              "per cohort") % {"n": number,
                                                               "code": module_code_word()})
            found[match.group(1)] = {"per_participant_day": values[0],
                                     "per_cohort": values[1]}
        return found

    def changes(self) -> dict[str, Any]:
        data = self.cleaned_data
        changes = {name: data[name] for name in self.Meta.fields}
        changes["strategic_sections"] = sorted(data["strategic_sections"])
        changes["blackout_months"] = data["blackout"]
        changes["cost_overrides"] = data["costs"]
        targets: dict[str, dict[str, str]] = {}
        participants: dict[str, int] = {}
        for org in self.organisations:
            chosen = {s: data[f"target_{org.pk}_{s}"] for s in SECTION_KEYS
                      if data.get(f"target_{org.pk}_{s}")}
            if chosen:
                targets[str(org.uuid)] = chosen
            if data.get(f"participants_{org.pk}"):
                participants[str(org.uuid)] = data[f"participants_{org.pk}"]
        changes["target_overrides"] = targets
        changes["participants_overrides"] = participants
        changes["capacity_overrides"] = {
            str(org.uuid): own for org in self.organisations
            if (own := {field: data[f"{field}_{org.pk}"] for field, _, _ in CAPACITY_FIELDS
                        if data.get(f"{field}_{org.pk}")})}
        return changes


class EditForm(forms.Form):
    """One plan edit; choices come from the current plan's data."""

    op_id = forms.CharField(widget=forms.HiddenInput, max_length=64)
    cohort = forms.ChoiceField(required=False, label=_("Cohort"))
    month = forms.ChoiceField(required=False, label=_("Month"))
    need = forms.ChoiceField(required=False, label=_("Organisation and module"))
    organisation = forms.ChoiceField(required=False, label=_("Organisation"))
    module = forms.ChoiceField(required=False, label=_("Module"))

    def __init__(self, *args: Any, choices: dict[str, list[tuple[str, str]]],
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, options in choices.items():
            cast(forms.ChoiceField, self.fields[name]).choices = BLANK + options


class ModuleForm(forms.Form):
    title = forms.CharField(max_length=300, label=_("Title"))
    summary = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), label=_("Summary"))
    objectives = forms.CharField(widget=forms.Textarea(attrs={"rows": 5}),
                                 label=_("Objectives"), help_text=_("One objective a line"))
    audience = forms.CharField(label=_("Audience"),
                               help_text=_("Persona keys, separated by commas"))
    competences = forms.CharField(required=False, label=_("Competences"),
                                  help_text=_("e-CF codes, e.g. A.1, E.2"))
    days = forms.IntegerField(min_value=1, max_value=60, label=_("Days"))
    delivery = forms.ChoiceField(choices=[(d, DELIVERY[d]) for d in DELIVERY_MODES],
                                 label=_("Delivery"))
    prerequisites = forms.CharField(required=False, label=_("Prerequisites"),
                                    help_text=_("Module codes, by commas"))
    min_cohort = forms.IntegerField(min_value=1, label=_("Minimum cohort"))
    max_cohort = forms.IntegerField(min_value=1, label=_("Maximum cohort"))
    per_participant_day = forms.DecimalField(min_value=0, decimal_places=2,
                                             label=_("Cost per participant-day"))
    per_cohort = forms.DecimalField(min_value=0, decimal_places=2, label=_("Cost per cohort"))
    follow_up = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}),
                                label=_("Follow-up"))

    @staticmethod
    def initial_from(module: dict[str, Any]) -> dict[str, Any]:
        return {**{k: module.get(k, "") for k in ("title", "summary", "days", "delivery",
                                                   "follow_up")},
                "objectives": "\n".join(module["objectives"]),
                "audience": ", ".join(module["audience"]),
                "competences": ", ".join(module.get("competences", [])),
                "prerequisites": ", ".join(module.get("prerequisites", [])),
                "min_cohort": module["cohort"]["min"], "max_cohort": module["cohort"]["max"],
                "per_participant_day": module["cost"]["per_participant_day"],
                "per_cohort": module["cost"]["per_cohort"]}

    def changes(self) -> dict[str, Any]:
        d = self.cleaned_data

        def items(text: str) -> list[str]:
            return [p.strip() for p in text.split(",") if p.strip()]

        def number(value: Decimal) -> int | float:
            return int(value) if value == value.to_integral_value() else float(value)

        return {
            "title": d["title"].strip(), "summary": d["summary"].strip(),
            "objectives": [o.strip() for o in d["objectives"].splitlines() if o.strip()],
            "audience": items(d["audience"]), "competences": items(d["competences"]),
            "days": d["days"], "delivery": d["delivery"],
            "prerequisites": items(d["prerequisites"]),
            "cohort": {"min": d["min_cohort"], "max": d["max_cohort"]},
            "cost": {"per_participant_day": number(d["per_participant_day"]),
                     "per_cohort": number(d["per_cohort"])},
            "follow_up": d["follow_up"].strip(),
        }
