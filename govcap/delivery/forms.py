"""The forms of the delivery pages (each change carries its op_id and base revision)."""

from __future__ import annotations

from typing import cast

from django import forms
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _

from govcap import localise
from govcap.delivery.models import Delivery, Trainee, TrainingProvider
from govcap.delivery.services import CLEAR_RECORDS_LABEL
from govcap.orgs.widgets import NameSelect


def validate_contact(value: str) -> None:
    """A contact is kept permissive (a name, a phone number, an e-mail, or a name with
    one of them), but a word with an "@" has to be an e-mail address ("not-an-email@"
    was kept, and nobody could be reached by it)."""
    for word in value.replace(",", " ").replace(";", " ").split():
        if "@" not in word:
            continue
        try:
            validate_email(word.strip("<>()[]"))
        except ValidationError:
            raise ValidationError(
                _("“%(value)s” is not an e-mail address: give a phone number or an e-mail "
                  "address, with a name if you like."), params={"value": word}) from None


SHOWN_SALT = "delivery-edit-shown"


class ChangeForm(forms.Form):
    op_id = forms.UUIDField(widget=forms.HiddenInput)
    base_revision = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class EditForm(ChangeForm):
    status = forms.ChoiceField(label=_("Status"), choices=[
        (s.value, s.label) for s in (Delivery.Status.PLANNED, Delivery.Status.IN_PROGRESS,
                                     Delivery.Status.COMPLETED)])
    start_date = forms.DateField(label=_("Start date"), required=False,
                                 widget=forms.DateInput(attrs={"type": "date"}))
    end_date = forms.DateField(label=_("End date"), required=False,
                               widget=forms.DateInput(attrs={"type": "date"}))
    days = forms.IntegerField(label=_("Days"), min_value=1, max_value=60)
    venue = forms.CharField(label=_("Venue"), required=False, max_length=200)
    mode = forms.ChoiceField(label=_("Mode"), choices=Delivery.Mode.choices)
    provider = forms.ChoiceField(label=_("Training provider"), required=False, widget=NameSelect)
    trainers = forms.CharField(label=_("Trainers"), required=False, max_length=300)
    cost = forms.DecimalField(label=_("Cost actually incurred"), required=False, min_value=0,
                              max_digits=14, decimal_places=2)
    # shown only while the course has attendance or completions (the view drops it otherwise)
    clear_records = forms.BooleanField(label=CLEAR_RECORDS_LABEL, required=False)
    # the details as the page showed them (JSON): an edit of other fields, made meanwhile
    # in another tab or by someone else, is kept (``services.Change.shown``)
    shown = forms.CharField(widget=forms.HiddenInput, required=False)

    @staticmethod
    def shown_token(values: dict) -> str:
        """The details as the page showed them, as the hidden field carries them (signed:
        opaque to the page, whose dates are said in words)."""
        return signing.dumps(values, salt=SHOWN_SALT)

    def shown_values(self) -> dict | None:
        try:
            value = signing.loads(self.cleaned_data.get("shown") or "", salt=SHOWN_SALT)
        except signing.BadSignature:
            return None
        return value if isinstance(value, dict) else None

    def __init__(self, *args, providers=(), currency: str = "", **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if currency:  # the plan's currency, which the amount is in
            self.fields["cost"].label = _("Cost actually incurred (%(currency)s)") % {
                "currency": currency}
        cast(forms.ChoiceField, self.fields["provider"]).choices = [("", "—")] + [(str(p.uuid), p.name)
                                                         for p in providers]


class MoveForm(ChangeForm):
    start_date = forms.DateField(label=_("New start date"),
                                 widget=forms.DateInput(attrs={"type": "date"}))
    end_date = forms.DateField(label=_("New end date"),
                               widget=forms.DateInput(attrs={"type": "date"}))
    clear_records = forms.BooleanField(label=CLEAR_RECORDS_LABEL, required=False)


class CancelForm(ChangeForm):
    reason = forms.CharField(label=_("Why is it cancelled?"), max_length=300)


class ReinstateForm(ChangeForm):
    """Undo a cancellation (its op_id and revision are all it needs)."""


class MergeForm(ChangeForm):
    into = forms.ChoiceField(label=_("Move its nominees to"))

    def __init__(self, *args, targets=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # each course as the plan's documents name it (cohort number, month, organisations:
        # the same module's courses apart; services.merge_targets names them, each plan read
        # once), its start in the reader's words ("8 March 2027")
        cast(forms.ChoiceField, self.fields["into"]).choices = [
            (str(d.uuid), f"{d.course.details or d.course.module} · "
                          f"{localise.day(d.start_date, empty='—')}")
            for d in targets]


class NominationForm(forms.Form):
    # the form's own id: sent again (back button, double click), it saves nothing twice
    op_id = forms.UUIDField(widget=forms.HiddenInput, required=False)
    organisation = forms.ChoiceField(label=_("Organisation"), widget=NameSelect)
    role_title = forms.CharField(label=_("Role or job title"), required=False, max_length=160)
    persona = forms.ChoiceField(label=_("Audience"), required=False)
    seniority = forms.ChoiceField(label=_("Seniority"), required=False,
                                  choices=Trainee.Seniority.choices)
    gender = forms.ChoiceField(label=_("Gender"), required=False, choices=Trainee.Gender.choices)
    name = forms.CharField(label=_("Name (optional, kept apart)"), required=False,
                           max_length=200)
    contact = forms.CharField(label=_("Contact (optional, kept apart)"), required=False,
                              max_length=200)
    supervisor_contact = forms.CharField(
        label=_("Supervisor's name and contact, for the follow-up (optional, kept apart)"),
        required=False, max_length=200, validators=[validate_contact])

    def __init__(self, *args, organisations=(), personas=(), in_course=(), **kwargs) -> None:
        """``in_course``: the organisations the plan counts in this course, listed first
        and the first of them preselected; the engagement's others follow in a group of
        their own (a nomination of theirs is allowed, and warned against the plan)."""
        super().__init__(*args, **kwargs)
        ours = [o for o in organisations if o.pk in {c.pk for c in in_course}]
        others = [(str(o.pk), o.name) for o in organisations if o not in ours]
        choices: list = [(str(o.pk), o.name) for o in ours]
        if ours and others:
            choices.append((_("Not in this course in the plan"), others))
        else:
            choices += others
        cast(forms.ChoiceField, self.fields["organisation"]).choices = choices
        if ours and not self.is_bound:
            self.initial.setdefault("organisation", str(ours[0].pk))
        cast(forms.ChoiceField, self.fields["persona"]).choices = [("", "—")] + list(personas)


class CompletionForm(forms.Form):
    trainee = forms.UUIDField(widget=forms.HiddenInput)
    # "" (not recorded) is a choice: a completion recorded by mistake can be taken back
    completion = forms.ChoiceField(label=_("Completion"), required=False,
                                   choices=Trainee.Completion.choices)
    reason = forms.CharField(label=_("Reason"), required=False, max_length=300)
    # the trainee's revision as the page showed it: a completion changed since (another
    # tab, another coordinator) is not written over; an older page sends none
    shown_revision = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)


class ProviderForm(forms.ModelForm):
    class Meta:
        model = TrainingProvider
        fields = ["country", "name", "kind", "contact", "accreditation_notes"]
        labels = {"country": _("Country")}  # the model's field has no words of its own
        widgets = {"accreditation_notes": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, countries=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if countries is not None:
            cast(forms.ModelChoiceField, self.fields["country"]).queryset = countries


class AttendanceUploadForm(forms.Form):
    file = forms.FileField(label=_("Attendance sheet (CSV or XLSX)"))
