"""Django's own messages that govcap's pages show — the password validators' rules and
errors, the password forms' labels and errors — marked here so that makemessages puts them
in govcap's catalogues, for govcap's translators to write in govcap's words.

gettext looks in ``LOCALE_PATHS`` (govcap/locale) before Django's catalogues, so a message
translated there wins; Swahili, for which Django has no translation of these, read them in
English ("Your password must contain at least 10 characters.").

The msgids must be Django's exactly, apostrophes (’) and placeholders included (``%d`` in
one, ``%(min_length)d`` in the other), singular and plural as Django asks for them;
``tests/web/test_django_messages.py`` compares them with Django's source. Nothing here is
called: the markers only name the messages.
"""

from __future__ import annotations

from django.utils.translation import gettext_noop, ngettext_lazy

# django/contrib/auth/password_validation.py (the validators of settings.AUTH_PASSWORD_VALIDATORS)
PASSWORD_VALIDATION = (
    ngettext_lazy("This password is too short. It must contain at least %d character.",
                  "This password is too short. It must contain at least %d characters.", 0),
    ngettext_lazy("Your password must contain at least %(min_length)d character.",
                  "Your password must contain at least %(min_length)d characters.", 0),
    gettext_noop("The password is too similar to the %(verbose_name)s."),
    gettext_noop("Your password can’t be too similar to your other personal information."),
    gettext_noop("This password is too common."),
    gettext_noop("Your password can’t be a commonly used password."),
    gettext_noop("This password is entirely numeric."),
    gettext_noop("Your password can’t be entirely numeric."),
)

# django/contrib/auth/models.py: the attributes a password may not resemble (the
# %(verbose_name)s above)
USER_ATTRIBUTES = (
    gettext_noop("username"),
    gettext_noop("first name"),
    gettext_noop("last name"),
    gettext_noop("email address"),
)

# django/contrib/auth/forms.py: the password change form (accounts/password.html)
PASSWORD_FORMS = (
    gettext_noop("The two password fields didn’t match."),
    gettext_noop("Your old password was entered incorrectly. Please enter it again."),
    gettext_noop("Old password"),
    gettext_noop("New password"),
    gettext_noop("New password confirmation"),
    gettext_noop("Enter the same password as before, for verification."),
)

# django/forms/fields.py, django/forms/models.py, django/core/validators.py: the errors of
# the form fields govcap's pages use (Arabic read Django's «أدخل رقما صحيحا.», without its
# tanween, on the plan's settings; Swahili read them in English)
FORM_FIELDS = (
    gettext_noop("This field is required."),
    gettext_noop("Enter a whole number."),
    gettext_noop("Enter a number."),
    gettext_noop("Enter a valid date."),
    gettext_noop("Enter a valid time."),
    gettext_noop("Enter a valid date/time."),
    gettext_noop("Enter a valid email address."),
    gettext_noop("Enter a valid URL."),
    gettext_noop("Enter a list of values."),
    gettext_noop("Select a valid choice. %(value)s is not one of the available choices."),
    gettext_noop("Select a valid choice. That choice is not one of the available choices."),
    gettext_noop("Ensure this value is less than or equal to %(limit_value)s."),
    gettext_noop("Ensure this value is greater than or equal to %(limit_value)s."),
)
FORM_FIELD_COUNTS = (
    ngettext_lazy("Ensure this value has at most %(limit_value)d character (it has "
                  "%(show_value)d).",
                  "Ensure this value has at most %(limit_value)d characters (it has "
                  "%(show_value)d).", 0),
)
