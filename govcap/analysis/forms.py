"""Forms of the analysis pages (plain Django forms; the services validate again)."""

from __future__ import annotations

import re
from typing import cast

from django import forms
from django.utils.translation import gettext_lazy as _

COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")


class CodeForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=120)
    definition = forms.CharField(label=_("Definition"), required=False,
                                 widget=forms.Textarea(attrs={"rows": 2}))
    colour = forms.CharField(label=_("Colour"), required=False, max_length=7,
                             widget=forms.TextInput(attrs={"type": "color"}))
    is_active = forms.BooleanField(label=_("In use"), required=False, initial=True)
    revision = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def clean_colour(self) -> str:
        value = self.cleaned_data.get("colour") or ""
        if value and not COLOUR.match(value):
            raise forms.ValidationError(_("A colour is written #RRGGBB."))
        return value.upper()


class KeywordForm(forms.Form):
    keyword = forms.CharField(label=_("Keyword or phrase"), max_length=120)


class SpanForm(forms.Form):
    """Apply codes to a span: the span is pasted (no JavaScript needed); the page's helper
    script fills the offsets from a selection."""

    op_id = forms.UUIDField(widget=forms.HiddenInput)
    source = forms.CharField(label=_("From"), max_length=60)
    text = forms.CharField(label=_("The words to code (copy them from the text above)"),
                           max_length=20_000, strip=False,
                           widget=forms.Textarea(attrs={"rows": 2}))
    start = forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput)
    end = forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput)
    codes = forms.MultipleChoiceField(label=_("Codes"), choices=())
    memo = forms.CharField(label=_("Memo (optional)"), required=False, max_length=2000,
                           widget=forms.Textarea(attrs={"rows": 1}))

    def __init__(self, *args, codes=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["codes"]).choices = [(str(c.uuid), c.name) for c in codes]

    def source_parts(self) -> tuple[str, str]:
        kind, _sep, value = self.cleaned_data["source"].partition(":")
        return kind, value
