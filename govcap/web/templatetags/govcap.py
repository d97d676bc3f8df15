from __future__ import annotations

from django import template
from django.conf import settings
from django.utils.html import format_html, json_script
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from govcap.web import storage_full

register = template.Library()


@register.filter
def get(mapping, key):
    """`mapping|get:key` — a dictionary lookup with a variable key."""
    try:
        return mapping.get(key)
    except AttributeError:
        return None


@register.filter
def t(text):
    """An instrument string, marked when it fell back to English for want of a translation."""
    if getattr(text, "fallback", False):
        return format_html(
            '<span class="fallback" lang="{}" dir="{}">{}</span><span class="fallback-mark" '
            'title="{}">{}</span>',
            text.lang, text_dir(text.lang), str(text), _("Not translated yet: shown in English"),
            text.lang.upper(),
        )
    return text


@register.filter
def text_dir(language: str) -> str:
    """`rtl` for a right-to-left language (Arabic…), else `ltr`: for text shown in another
    language than the interface's, such as the instrument in the session's language."""
    code = (language or "").lower()
    return "rtl" if code in settings.LANGUAGES_BIDI or code.split("-")[0] in settings.LANGUAGES_BIDI \
        else "ltr"


@register.simple_tag
def language_choices() -> list[tuple[str, str]]:
    """The interface's languages, each named in itself (not in the current language)."""
    return [(code, str(name)) for code, name in settings.LANGUAGES]


def confidence_labels() -> dict[str, str]:
    return {"low": pgettext("confidence", "Low"), "medium": pgettext("confidence", "Medium"),
            "high": pgettext("confidence", "High")}


@register.filter
def confidence(value: str) -> str:
    """A rating's confidence key (low / medium / high) in the active language."""
    return confidence_labels().get(value, value) if value else ""


def autosave_texts() -> dict[str, str]:
    """What autosave.js shows, in the active language (`%(n)s` is a count)."""
    return {
        "waiting": _("waiting to be sent"),
        "saving": _("saving…"),
        "saved": _("saved"),
        "offline": _("offline — kept on this device"),
        "conflict": _("changed elsewhere — see below"),
        "error": _("not saved"),
        "loggedOut": _("logged out — log in again in another tab; your edits are kept here"),
        "allSaved": _("All changes saved."),
        "pending": _("Changes waiting to be sent: %(n)s."),
        "offlinePending": _("Offline. Changes kept on this device, sent when the connection "
                            "returns: %(n)s."),
        "conflictMessage": _("Changed elsewhere while you edited. Their version is saved; "
                             "yours is in the field above. Keep one, or merge them."),
        "theirVersion": _("Their version:"),
        "empty": _("(empty)"),
        "keepMine": _("Keep mine"),
        "takeTheirs": _("Take theirs"),
        "unattributed": _("unattributed"),
        "full": _("not saved — the server's storage is full; kept on this device"),
        "storageFull": storage_full.message(),
    }


@register.simple_tag
def autosave_text() -> SafeString:
    """The autosave script's texts as a JSON data block (CSP allows data, not inline code)."""
    return json_script(autosave_texts(), "autosave-text")
