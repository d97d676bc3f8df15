"""Django's password messages are in govcap's catalogues (govcap.accounts.django_messages):
a Swahili password form read "Your password must contain at least 10 characters." and
"The two password fields didn't match." in English, Django having no Swahili for them."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import django
import pytest
from django.urls import reverse

from govcap.accounts import django_messages
from govcap.translations import pseudo
from tests.i18n.po import parse_po

AUTH = Path(django.__file__).parent / "contrib" / "auth"
pytestmark = pytest.mark.skipif(shutil.which("xgettext") is None,
                                reason="gettext is not installed")


def extracted(source: Path, tmp_path: Path) -> dict[str, str]:
    """msgid → msgid_plural ("" for none), as makemessages' xgettext extracts them."""
    out = tmp_path / f"{source.stem}.po"
    subprocess.run(
        ["xgettext", "--language=Python", "--from-code=UTF-8", "--keyword=gettext_noop",
         "--keyword=gettext_lazy", "--keyword=ngettext_lazy:1,2", "--keyword=_",
         f"--output={out}", str(source)], check=True)
    return {e.msgid: e.msgid_plural for e in parse_po(out) if e.msgid}


def test_every_password_validator_message_of_django_is_marked_exactly(tmp_path):
    ours = extracted(Path(django_messages.__file__), tmp_path)
    django_validators = extracted(AUTH / "password_validation.py", tmp_path)
    assert django_validators
    for msgid, plural in django_validators.items():
        assert ours.get(msgid) == plural, (msgid, plural)


def test_the_password_forms_messages_are_djangos_own(tmp_path):
    ours = extracted(Path(django_messages.__file__), tmp_path)
    forms = extracted(AUTH / "forms.py", tmp_path) | extracted(AUTH / "models.py", tmp_path)
    marked = (*django_messages.PASSWORD_FORMS, *django_messages.USER_ATTRIBUTES)
    for msgid in marked:
        assert msgid in forms, msgid  # a message Django no longer has would never show
        assert msgid in ours


def test_the_password_page_says_djangos_rules_and_errors_through_gettext(client, world,
                                                                         settings):
    settings.GOVCAP_PSEUDO_LOCALES = True
    settings.LANGUAGES = [*settings.LANGUAGES, ("en-xa", "Pseudo")]
    client.force_login(world.facilitator)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en-xa"
    page = client.post(reverse("account-password"), {
        "old_password": "wrong", "new_password1": "1234567890",
        "new_password2": "1234567899"}).content.decode()
    assert "The two password fields" not in page and "old password was entered" not in page
    assert pseudo("The two password fields didn’t match.").replace("’", "&#x27;") in page \
        or pseudo("The two password fields didn’t match.") in page


def test_the_form_fields_common_errors_are_djangos_own_and_marked(tmp_path):
    # Arabic read Django's «أدخل رقما صحيحا.» (no tanween) on the plan's settings: govcap's
    # catalogues must hold the form fields' errors for its translators to write them
    ours = extracted(Path(django_messages.__file__), tmp_path)
    base = Path(django.__file__).parent
    djangos = (extracted(base / "forms" / "fields.py", tmp_path)
               | extracted(base / "forms" / "models.py", tmp_path)
               | extracted(base / "core" / "validators.py", tmp_path))
    for msgid in ("This field is required.", "Enter a whole number.", "Enter a valid date.",
                  "Select a valid choice. %(value)s is not one of the available choices."):
        assert msgid in django_messages.FORM_FIELDS
    for msgid in django_messages.FORM_FIELDS:
        assert msgid in djangos and msgid in ours, msgid
    at_most = {m: p for m, p in djangos.items() if p and "this value has at most" in m}
    assert at_most and all(ours.get(m) == p for m, p in at_most.items())
