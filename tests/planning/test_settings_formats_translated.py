"""The formats the plan settings are typed in are messages of their own (issue 15, fresh
eyes): the Arabic settings page said "YYYY-MM" and "CODE:" where French says "AAAA-MM" —
inside a sentence, a translator kept them as if typed as they are. Each is now its own
message with a context, used by the start month's and blackout months' help, the cost
overrides' help and its error."""

from __future__ import annotations

from unittest import mock

from govcap.planning import forms

WORDS = {"YYYY-MM": "ssss-ss", "CODE": "RAMZ"}


def said(context: str, message: str) -> str:
    assert context  # a context tells the translator what the letters stand for
    return WORDS[message]


def test_the_month_format_and_the_code_word_come_from_their_own_messages():
    with mock.patch.object(forms, "pgettext", said):
        blackout = str(forms.SettingsForm.base_fields["blackout"].help_text)
        start = str(forms.SettingsForm.base_fields["start_month"].help_text)
        costs = str(forms.SettingsForm.base_fields["costs"].help_text)
    assert blackout.startswith("ssss-ss,") and start == "ssss-ss"
    assert costs.count("RAMZ:") == 1 and "CODE" not in costs


def test_a_wrong_cost_line_names_the_code_in_the_readers_words():
    form = forms.SettingsForm.__new__(forms.SettingsForm)
    form.cleaned_data = {"costs": "not a line"}
    with mock.patch.object(forms, "pgettext", said):
        try:
            form.clean_costs()
        except forms.forms.ValidationError as error:
            message = error.messages[0]
    assert "write RAMZ: per participant-day" in message
