"""Forms of the account pages."""

from __future__ import annotations

from typing import cast

from django import forms
from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy as _

from govcap.accounts import scoping
from govcap.accounts.models import Role
from govcap.orgs.models import Engagement
from govcap.orgs.widgets import NameSelect


class TokenForm(forms.Form):
    name = forms.CharField(max_length=100, label=_("What the token is for"))


class CodeForm(forms.Form):
    code = forms.CharField(
        max_length=16, label=_("Code"),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric",
                                      "autofocus": True}),
    )


class InvitationForm(forms.Form):
    username = forms.CharField(max_length=150, label=_("Username"))
    email = forms.EmailField(required=False, label=_("Email (optional, for your records)"))
    role = forms.ChoiceField(choices=Role.choices, label=_("Role"))
    engagement = forms.ModelChoiceField(queryset=Engagement.objects.none(), required=False, label=_("Engagement"),
                                        widget=NameSelect,
                                        help_text=_("Empty for administrators and programme managers."))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["engagement"]).queryset = scoping.managed_engagements(user)
        if not scoping.is_admin(user):
            cast(forms.ChoiceField, self.fields["role"]).choices = [
                (r.value, r.label) for r in (Role.COORDINATOR, Role.FACILITATOR, Role.VIEWER)]
            self.fields["engagement"].required = True


class AcceptForm(forms.Form):
    email = forms.EmailField(required=False, label=_("Your email (optional)"))
    password1 = forms.CharField(
        label=_("Choose a password"), strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label=_("The same password again"), strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self):
        super().clean()
        data = self.cleaned_data
        if data.get("password1") and data.get("password1") != data.get("password2"):
            self.add_error("password2", _("The two passwords differ."))
        return data


class GrantForm(forms.Form):
    role = forms.ChoiceField(choices=[(r.value, r.label) for r in (
        Role.ADMINISTRATOR, Role.PROGRAMME_MANAGER)], label=_("Programme-wide role"))
