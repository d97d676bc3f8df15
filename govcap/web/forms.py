"""Forms for the coordinator's pages (the capture page posts plain fields, see capture views)."""

from __future__ import annotations

import json
import uuid
from typing import cast

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from govcap import localise
from govcap.accounts.models import Role
from govcap.assessments.models import Participant, ParticipantIdentity, Session
from govcap.orgs.models import (
    NAME_MAX,
    Country,
    Engagement,
    Organisation,
    clean_names,
    name_languages,
)
from govcap.orgs.widgets import NameSelect


class DateInput(forms.DateInput):
    input_type = "date"


class LanguageSelect(forms.Select):
    """A choice of language (an engagement's, a session's), each named in itself and marked
    with its `lang` (read, and spoken by a screen reader, in it), as the language menu."""

    def __init__(self) -> None:
        super().__init__(choices=[("en", "English"), ("fr", "Français"), ("ar", "العربية")])

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        if value:
            option["attrs"]["lang"] = value
        return option


class _ByName(forms.models.ModelChoiceIterator):
    """A menu's choices in the readers' order of their names (`localise.sort_key`): the
    database orders by code point, "Ministère de l'Intérieur" before "…de l'Économie"."""

    def __iter__(self):
        choices = list(super().__iter__())
        empty = [c for c in choices if c[0] == ""]
        return iter(empty + localise.sorted_names([c for c in choices if c[0] != ""],
                                                  key=lambda c: c[1]))


class NameOrderedChoiceField(forms.ModelChoiceField):
    """A menu of organisations (or countries) sorted by name as a reader expects, each name
    in its own direction."""

    iterator = _ByName
    widget = NameSelect


class EngagementForm(forms.ModelForm):
    country = forms.ModelChoiceField(queryset=Country.objects.all(), required=False,
                                     label=_("Country"))
    new_country_name = forms.CharField(required=False, label=_("…or a new country"))
    new_country_code = forms.CharField(
        required=False, max_length=2, label=_("its ISO code (2 letters)")
    )

    class Meta:
        model = Engagement
        fields = ["name", "round_number", "start_date", "end_date", "project_name", "language"]
        labels = {"name": _("Name"), "round_number": _("Round"), "start_date": _("Start date"),
                  "end_date": _("End date"), "project_name": _("Project name"),
                  "language": _("Language")}
        widgets = {"start_date": DateInput(), "end_date": DateInput(),
                   "language": LanguageSelect()}
        help_texts = {"name": _("As the engagement's language writes it; shown to a reader "
                                "whose language has no name of its own below")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        given = self.instance.names if self.instance and self.instance.pk else {}
        order = ["name"]
        for code in name_languages():
            key = f"name_{code}"
            self.fields[key] = forms.CharField(
                required=False, max_length=NAME_MAX, initial=given.get(code, ""),
                label=_("Name in %(language)s") % {
                    "language": get_language_info(code)["name_translated"]},
                widget=forms.TextInput(attrs={"lang": code, "dir": "auto"}))
            order.append(key)
        self.order_fields(order)

    def clean(self):
        super().clean()
        data = self.cleaned_data
        try:
            data["names"] = clean_names({code: data.get(f"name_{code}") or ""
                                         for code in name_languages()})
        except ValueError as error:
            raise forms.ValidationError(str(error)) from None
        if not data.get("country") and not data.get("new_country_name"):
            raise forms.ValidationError(_("Choose a country or name a new one."))
        if data.get("new_country_name") and len(data.get("new_country_code") or "") != 2:
            self.add_error("new_country_code", _("Give the country's two-letter ISO code."))
        return data

    def save(self, commit: bool = True):
        self.instance.names = self.cleaned_data.get("names", {})
        return super().save(commit)


class OrganisationForm(forms.Form):
    existing = NameOrderedChoiceField(
        queryset=Organisation.objects.none(), required=False, label=_("An organisation already known")
    )
    name = forms.CharField(required=False, max_length=200, label=_("…or a new one: name"),
                           widget=forms.TextInput(attrs={"dir": "auto"}))
    code = forms.CharField(required=False, max_length=30, label=_("Short name"))
    kind = forms.ChoiceField(choices=Organisation.Kind.choices, required=False, label=_("Kind"))
    sector = forms.CharField(required=False, max_length=120, label=_("Sector"))

    def __init__(self, *args, engagement: Engagement, **kwargs):
        super().__init__(*args, **kwargs)
        self.engagement = engagement
        cast(forms.ModelChoiceField, self.fields["existing"]).queryset = engagement.country.organisations.exclude(
            engagements=engagement
        )

    def clean(self):
        super().clean()
        data = self.cleaned_data
        if not data.get("existing") and not data.get("name", "").strip():
            raise forms.ValidationError(_("Pick an organisation or give a new one's name."))
        if data.get("name") and self.engagement.country.organisations.filter(
            name__iexact=data["name"].strip()
        ).exists():
            self.add_error("name", _("This country already has an organisation of that name."))
        return data


class SessionForm(forms.ModelForm):
    class Meta:
        model = Session
        fields = ["organisation", "scheduled_date", "place", "language", "facilitators", "note_taker"]
        labels = {"organisation": _("Organisation"), "scheduled_date": _("Date"),
                  "place": _("Place"), "language": _("Language"),
                  "facilitators": _("Facilitators"), "note_taker": _("Note-taker")}
        widgets = {"scheduled_date": DateInput(), "facilitators": forms.CheckboxSelectMultiple,
                   "language": LanguageSelect(), "organisation": NameSelect()}

    def __init__(self, *args, engagement: Engagement, **kwargs):
        super().__init__(*args, **kwargs)
        organisation = cast(forms.ModelChoiceField, self.fields["organisation"])
        organisation.queryset = engagement.organisations.all()
        organisation.iterator = _ByName
        cast(forms.ModelChoiceField, self.fields["facilitators"]).queryset = get_user_model().objects.filter(
            roles__engagement=engagement, roles__role=Role.FACILITATOR
        ).distinct()
        self.fields["facilitators"].required = False


class MemberForm(forms.Form):
    username = forms.CharField(max_length=150, label=_("Username"))
    role = forms.ChoiceField(
        choices=[(r.value, r.label) for r in (Role.COORDINATOR, Role.FACILITATOR, Role.VIEWER)],
        label=_("Role"),
    )

    def clean_username(self):
        name = self.cleaned_data["username"].strip()
        try:
            return get_user_model().objects.get(username=name)
        except get_user_model().DoesNotExist:
            raise forms.ValidationError(_("No user is called “%(name)s”.") % {"name": name}) from None


class ConsentForm(forms.Form):
    consent_given = forms.BooleanField(
        required=False, label=_("All participants agreed to take part after hearing the consent statement")
    )
    recording_allowed = forms.BooleanField(required=False, label=_("Audio recording allowed"))
    consent_note = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 2, "dir": "auto"}),
        label=_("How consent was obtained (optional)"),
    )


class ParticipantForm(forms.Form):
    role_title = forms.CharField(max_length=160, label=_("Role or job title"),
                                 widget=forms.TextInput(attrs={"dir": "auto"}))
    organisation = NameOrderedChoiceField(queryset=Organisation.objects.none(),
                                          label=_("Organisation"))
    seniority = forms.ChoiceField(choices=Participant.Seniority.choices, required=False,
                                  label=_("Seniority"))
    gender = forms.ChoiceField(choices=Participant.Gender.choices, required=False,
                               label=_("Gender"))
    name = forms.CharField(
        max_length=200, required=False,
        label=_("Name (optional, kept apart from the code)"),
        widget=forms.TextInput(attrs={"dir": "auto"}),
    )

    # One operation ID per rendered form: a form posted twice adds the participant once.
    op_id = forms.UUIDField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, session: Session, **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["organisation"]).queryset = session.engagement.country.organisations.all()
        self.fields["organisation"].initial = session.organisation_id
        if not self.is_bound:
            self.initial.setdefault("op_id", uuid.uuid4())


class ParticipantEditForm(ParticipantForm):
    """An edit of one participant, based on the revision the form was made from."""

    participant = forms.UUIDField(widget=forms.HiddenInput)
    base_revision = forms.IntegerField(min_value=0, widget=forms.HiddenInput)
    # The values the form was shown with (JSON): after a conflict, a field the facilitator
    # did not change takes the colleague's value instead of putting the old one back.
    shown = forms.CharField(required=False, widget=forms.HiddenInput)

    EDITABLE = ("role_title", "organisation", "seniority", "gender", "name")

    @classmethod
    def for_participant(cls, participant: Participant, *, session: Session, **kwargs):
        try:
            name = participant.identity.name
        except ParticipantIdentity.DoesNotExist:
            name = ""
        values = {"role_title": participant.role_title, "organisation": participant.organisation_id,
                  "seniority": participant.seniority, "gender": participant.gender, "name": name}
        return cls(session=session, prefix="edit", initial={
            "participant": participant.uuid, "base_revision": participant.revision,
            "shown": json.dumps({k: str(v) for k, v in values.items()}), **values,
        }, **kwargs)
