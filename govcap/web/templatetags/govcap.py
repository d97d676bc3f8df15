from __future__ import annotations

import re
from typing import Any

from django import template
from django.conf import settings
from django.utils import timezone, translation
from django.utils.html import conditional_escape, format_html, json_script
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from govcap import labels, localise
from govcap.assessments.conflicts import open_count
from govcap.delivery import access as delivery_access
from govcap.delivery.templatetags.delivery_words import zone_label
from govcap.direction import input_direction, is_rtl, text_direction
from govcap.orgs.names import sector_name
from govcap.scale import DOMAINS, SECTION_KEYS
from govcap.translations import is_pseudo
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


@register.simple_tag(takes_context=True)
def only_a_provider(context) -> bool:
    """`{% only_a_provider as x %}`: the signed-in user's only access is as a training
    provider's staff (the navigation then leads to their deliveries, not to the empty
    engagements, analysis and jobs pages)."""
    request = context.get("request")
    user = getattr(request, "user", None) or context.get("user")
    return bool(user is not None and delivery_access.only_a_provider(user))


@register.filter
def shortened(text, limit: int) -> str:
    """`{{ text|shortened:110 }}`: cut with "[continued]", its open quotation and isolates
    closed after the cut (truncatechars cut through them, and the quotation never closed).
    Not "…": in a shared text that marks words left out (docs/facilitator-guide.md), and a
    cut read as a redaction ("Needs by priority")."""
    # Translators: where a long text is cut short in a summary that opens to the whole;
    # never "…", which marks the words left out of a shared text
    cut = pgettext("a long text cut short", "[continued]")
    return localise.shortened(str(text), int(limit), mark=" " + cut)


@register.filter
def day(value, empty: str = "") -> str:
    """A day in words in the page's language, one form everywhere (`govcap.localise.day`):
    "1er février 2026", "30 Aprili 2025"; `empty` when there is none."""
    return localise.day(value, empty=empty)


@register.filter
def day_time(value, empty: str = "") -> str:
    """A moment: its local day in words and the time, "1er février 2026 14:05"."""
    return localise.day_time(value, empty=empty)


@register.filter
def day_time_s(value, empty: str = "") -> str:
    """A moment to the second (the history): "1er février 2026 14:05:09"."""
    return localise.day_time(value, empty=empty, seconds=True)


@register.filter
def day_time_zone(value, seconds: str = "") -> str:
    """A moment in the server's zone, named as the delivery pages name theirs: "8 February
    2027 14:00 EAT" (``|day_time_zone:"s"``: to the second); "—" when there is none. Where
    the reader and the server are far apart (an account's logins, tokens), a bare time is
    ambiguous."""
    if value in (None, ""):
        return "—"
    here = timezone.localtime(value) if timezone.is_aware(value) else value
    zone = zone_label(here.tzname() or "")
    return " ".join(x for x in (localise.day_time(here, seconds=bool(seconds)), zone) if x)


@register.filter
def number(value, digits=None) -> str:
    """A number as the page's language writes it: "1 234,5" in French."""
    if value in (None, ""):
        return ""
    return localise.number(value, digits=None if digits is None else int(digits))


# Django's own units (its catalogue translates them: "م.ب", "Mo"); the number is written as
# the rest of the page writes numbers, Arabic with a decimal point ("2.9 م.ب", where
# Django's `filesizeformat` wrote "2,9" with its Arabic locale's comma)
_SIZE_UNITS = ((1 << 50, "%s PB"), (1 << 40, "%s TB"), (1 << 30, "%s GB"), (1 << 20, "%s MB"),
               (1 << 10, "%s KB"))


@register.filter
def file_size(value) -> str:
    """A file's size in bytes for a reader, as `filesizeformat` says it ("2.9 MB", "2,9 Mo",
    "2.9 م.ب") with the number written by `localise.number`, on one line."""
    try:
        size = int(value)
    except (TypeError, ValueError):
        size = 0
    for unit, words in _SIZE_UNITS:
        if size >= unit:
            said = _(words) % localise.number(round(size / unit, 1), digits=1)
            break
    else:
        said = translation.ngettext("%(size)d byte", "%(size)d bytes", size) % {"size": size}
    return said.replace(" ", "\u00a0")


@register.filter
def percent(value, digits=0) -> str:
    """A share already in percent: "12%", "12 %" in French."""
    if value in (None, ""):
        return ""
    return localise.percent(value, digits=int(digits))


@register.filter
def listed(items) -> SafeString:
    """`{{ codes|listed }}`: the items as one list in the page's language ("a, b"; Arabic
    "أ، ب"), never a Latin comma joined in the template between Arabic words. On a
    right-to-left page each item in Latin letters is its own `<bdi>`: "P1، P2" would
    otherwise read as one left-to-right run, P2 first."""
    said = [str(i) for i in items if str(i)]
    if not is_rtl(translation.get_language() or ""):
        return conditional_escape(localise.join(said))
    sep = localise.separator(strong=any("," in i or "،" in i for i in said))
    return mark_safe(conditional_escape(sep).join(
        format_html("<bdi>{}</bdi>", i) if localise.needs_isolating(i) else conditional_escape(i)
        for i in said))


@register.filter
def bdi(value) -> SafeString:
    """`{% blocktranslate with name=org.name|bdi %}`: a name put into a translated sentence,
    set apart in `<bdi>` so a Latin name in an Arabic sentence (or an Arabic one in a French
    sentence) keeps its order and does not take the number or the punctuation beside it
    into its own direction. Empty stays empty."""
    said = str(value) if value not in (None, "") else ""
    return format_html("<bdi>{}</bdi>", said) if said else mark_safe("")


@register.simple_tag
def join_items(*items) -> SafeString:
    """`{% join_items "P1" "P2" as codes %}`: a list written in the template ("P1, P2"),
    as `|listed` writes it, for a message that shows examples ("(%(codes)s…)")."""
    return listed(items)


@register.simple_tag
def list_separator(items=()) -> str:
    """`{% if not forloop.last %}{% list_separator %}{% endif %}`: what goes between two
    items of a list written in a loop, in the page's language (", "; Arabic "، ").
    `{% list_separator names %}`: the semicolon ("; ", Arabic "؛ ") when one of `names`
    holds a comma of its own, as `localise.join` does. Put each item in `<bdi>`: on a
    right-to-left page two Latin items and the Arabic comma between them would read as one
    left-to-right run, in reverse order."""
    return localise.separator(strong=any("," in str(i) or "،" in str(i) for i in items))


@register.simple_tag
def colon() -> str:
    """`{% colon %}` after a label outside its message ("{% translate "Notes" %}{% colon %}"):
    ":" or, in French, a narrow no-break space and ":" ("Notes :")."""
    return localise.colon()


@register.simple_tag
def crumb_sep() -> SafeString:
    """`{% crumb_sep %}` between two steps of a breadcrumb: "›" pointing to the next step,
    "‹" on a right-to-left page. Held left to right, so the bidi algorithm does not mirror it
    back (›‹ are mirrored characters) whatever text surrounds it; hidden from screen
    readers, which read the links. Flanked by the page direction's mark (RLM on a
    right-to-left page, LRM otherwise): the held arrow is neutral to the bidi algorithm, so
    two Latin steps on an Arabic page ("Kenya — baseline 2025 ‹ POL-103/en/01") would run
    together left to right, the later step shown first; the marks keep each step in the
    page's order even where a template forgot to isolate a name in `<bdi>`."""
    rtl = is_rtl(translation.get_language() or "")
    mark, strong = ("‹", "\u200f") if rtl else ("›", "\u200e")
    return format_html('{}<span class="sep" aria-hidden="true" dir="ltr">{}</span>{}',
                       strong, mark, strong)


@register.simple_tag
def section_title(section, language: str = "") -> SafeString:
    """`{% section_title section session.language %}`: "1. Stratégie…" isolated whole in the
    session's language, so on an Arabic page a French title keeps its number in front
    ("1. Stratégie", not "Stratégie .1"); a title not translated yet keeps its mark."""
    lang = language or getattr(section.title, "lang", "") or ""
    if not lang:
        return format_html('<bdi dir="auto">{}. {}</bdi>', section.number, t(section.title))
    return format_html('<bdi lang="{}" dir="{}">{}. {}</bdi>', lang, text_dir(lang),
                       section.number, t(section.title))


_HELD = re.compile(f"{localise.LRI}(.*?){localise.PDI}", re.S)


@register.filter
def reading_order(text) -> SafeString:
    """`{{ cell|reading_order }}` for a document's text shown on a page (the results page):
    each run the text holds left to right between isolate marks ("n = 0", "USD 725.20
    (n = 77)") is put in a `<bdi dir="ltr" class="held">` kept on one line, so an Arabic
    cell no longer breaks it into "(= n" and "0)"; on a right-to-left page an arrow between
    two steps ("خط الأساس (2025) → المتابعة 1 (2026)") points the way the page reads, "←",
    held in the page's direction by right-to-left marks whatever the steps' script."""
    said = "" if text is None else str(text)
    said = localise.arrows_pointing(said)
    out, start = [], 0
    for match in _HELD.finditer(said):
        out.append(conditional_escape(said[start:match.start()]))
        out.append(format_html('<bdi dir="ltr" class="held">{}</bdi>', match.group(1)))
        start = match.end()
    out.append(conditional_escape(said[start:]))
    return mark_safe("".join(out))


@register.filter
def quoted(text) -> SafeString:
    """`{{ text|quoted }}`: the text between the page language's quotation marks, held in
    its own direction inside them ("“L'agilité…”" on an Arabic page, not "”L'agilité…“")."""
    opening, closing = localise.quote_marks()
    return format_html('{}<bdi dir="auto">{}</bdi>{}', opening, localise.unquoted(text),
                       closing)


@register.filter
def unquoted(text) -> str:
    """`{{ quote.text|unquoted }}` where the page draws the marks (the quotes' blockquotes):
    without the pair of marks the facilitator may have typed, so none is doubled."""
    return localise.unquoted(text or "")


@register.filter
def dir_of(text, language: str = "") -> str:
    """`dir="{{ rating.dissent|dir_of:session.language }}"` for a free text shown or edited:
    the direction of its first letter after any leading participant codes ("P2: لم…" is
    right to left), else that of the session's language (`govcap.direction.text_direction`)."""
    return text_direction(str(text or ""), language or "")


@register.filter
def input_dir(text) -> str:
    """`dir="{{ f.value|input_dir }}"` on a free-text field: "auto", or the direction of the
    first letter after leading participant codes ("P2: لم…"), which "auto" gets wrong;
    autosave.js applies the same rule as the facilitator types."""
    return input_direction(str(text or ""))


@register.filter
def sector(value: str) -> str:
    """A sector in the page's language when govcap knows it (`govcap.orgs.names`)."""
    return sector_name(value)


@register.filter
def text_dir(language: str) -> str:
    """`rtl` for a right-to-left language (Arabic…), else `ltr`: for text shown in another
    language than the interface's, such as the instrument in the session's language."""
    code = (language or "").lower()
    return "rtl" if code in settings.LANGUAGES_BIDI or code.split("-")[0] in settings.LANGUAGES_BIDI \
        else "ltr"


@register.simple_tag
def language_choices() -> list[tuple[str, str]]:
    """The interface's languages, each named in itself (not in the current language); never
    the pseudo-locales (GOVCAP_PSEUDO_LOCALES), which translators choose by cookie or the
    browser's language (docs/translations.md)."""
    return [(code, str(name)) for code, name in settings.LANGUAGES if not is_pseudo(code)]


@register.filter
def domain_word(section) -> str:
    """A section's training domain in the reader's language, as the results pages name it
    (the instrument's own title, in the session's language, where govcap does not know
    the domain): a label of the interface, not protocol read aloud."""
    title = DOMAINS.get(getattr(section, "domain_key", ""))
    return _(title) if title else t(section.domain_title)


@register.simple_tag
def level_heading(level: str, instrument, language: str) -> SafeString:
    """`{% level_heading level instrument session.language %}`: a level's card named as
    its radio button is, in the reader's language ("مرتفع"), followed, when the session
    is held in another language, by the instrument's word the facilitator reads aloud
    ("مرتفع · High"), each isolated in its own language."""
    page = translation.get_language() or "en"
    word = labels.level_label(level)
    said = instrument.level_names.get(level) if instrument is not None else None
    shown = format_html('<bdi lang="{}" dir="{}">{}</bdi>', page, text_dir(page), word)
    if said is None or localise.language_of(language) == localise.language_of(page) \
            or str(said) == word:
        return shown
    return format_html('{} <span class="muted">· <bdi lang="{}" dir="{}">{}</bdi></span>',
                       shown, language, text_dir(language), t(said))


@register.filter
def confidence(value: str) -> str:
    """A rating's confidence key (low / medium / high) in the active language."""
    return labels.confidence_label(value)


def autosave_texts() -> dict[str, Any]:
    """What autosave.js shows, in the active language (`%(n)s` is a count)."""
    return {
        "waiting": _("waiting to be sent"),
        "saving": _("saving…"),
        "saved": _("saved"),
        "offline": _("offline — kept on this device"),
        "conflict": _("changed elsewhere — your decision is needed"),
        "error": _("not saved"),
        "loggedOut": _("Logged out: log in again in another tab. Your edits are kept on this "
                       "device: %(n)s."),
        "allSaved": _("All changes saved."),
        "pending": _("Changes waiting to be sent: %(n)s."),
        "offlinePending": _("Offline. Changes kept on this device, sent when the connection "
                            "returns: %(n)s."),
        "offlineSaved": _("Offline. Everything you typed was saved before the connection "
                          "dropped."),
        "conflicts": _("Edits that need your decision: %(n)s"),
        "conflictsPending": _("Not all saved: some edits need your decision."),
        "failed": _("Not saved: %(n)s. Send it again once the session can be changed, or "
                    "copy it before dismissing."),
        "dismiss": _("Dismiss"),
        "draft": _("A quote is typed or edited but not saved yet."),
        "conflictMessage": _("Changed elsewhere while you edited. Nothing was overwritten. "
                             "Yours is in the field above; theirs is what is saved now. Keep "
                             "yours (or your merge of the two), or take theirs."),
        "yours": _("Yours"),
        "theirs": _("Theirs (saved)"),
        "empty": _("(empty)"),
        "keepMine": _("Keep mine"),
        "takeTheirs": _("Take theirs"),
        "decided": _("Decided and saved."),
        "close": _("Close"),
        "unattributed": _("unattributed"),
        "edit": pgettext("action", "Edit"),
        "del": _("Delete"),
        "saveQuote": _("Save quote"),
        "cancel": _("Cancel"),
        "quoteDeleted": _("Quote deleted."),
        "undo": _("Undo"),
        "sendAgain": _("Send again"),
        "showFailed": _("Show what was not saved"),
        "consentKept": _("Consent kept on this device and sent when the connection returns; "
                         "you can capture meanwhile."),
        "consentWithdrawn": _("Kept on this device and sent when the connection returns."),
        "full": _("not saved — the server's storage is full; kept on this device"),
        "storageFull": storage_full.message(),
        # an edit not saved is listed by its section and field, in words (issue 15: the
        # list said "service-management · quote:")
        "sections": {key: f"{_('Section')} {number}"
                     for number, key in enumerate(SECTION_KEYS, start=1)},
        "fields": {"level": _("Agreed level"), "confidence": _("Confidence in this level"),
                   "not_assessed_reason": _("Reason, if not assessed"), "notes": _("Notes"),
                   "evidence": _("Evidence mentioned"), "dissent": _("Dissent"),
                   "quote": _("Quote"), "participant": _("Participant"),
                   "consent": _("Consent")},
    }


@register.simple_tag(takes_context=True)
def refused_here(context) -> bool:
    """`{% refused_here as refused %}`: the page reports a form post refused in whole or in
    part (a warning or an error message: "Nothing recorded…", "Type the quote before adding
    it.", a field changed elsewhere), so the save-status line (autosave.js) does not claim
    "All changes saved." beside it until something is saved."""
    from django.contrib import messages as django_messages

    return any(m.level >= django_messages.WARNING for m in context.get("messages") or ())


@register.simple_tag(takes_context=True)
def open_conflicts(context, session) -> int:
    """How many of the viewer's edits in this session wait for their decision."""
    user = context.get("user")
    return open_count(user, session) if getattr(user, "is_authenticated", False) else 0


@register.simple_tag
def autosave_text() -> SafeString:
    """The autosave script's texts as a JSON data block (CSP allows data, not inline code)."""
    return json_script(autosave_texts(), "autosave-text")


# A module code: "CHG-101", "DST-101", "CHG-901".
_MODULE_CODE = re.compile(r"\b[A-Z]{2,5}-\d{2,4}\b")


@register.filter
def codes(text):
    """`text` escaped, its module codes kept on one line: a right-to-left page otherwise
    breaks "(CHG-901)" at the hyphen when the line wraps."""
    escaped = conditional_escape(text)  # before the spans are added: they are the only markup
    return mark_safe(_MODULE_CODE.sub(lambda m: f'<span class="code">{m.group()}</span>', escaped))


@register.filter
def fields_with_errors(form) -> list[tuple[str, str, str]]:
    """`form|fields_with_errors` — (id, label, first error) of each visible field the form
    refused, in the form's order: the error summary's links (govcap/_error_summary.html).
    The id is the one the field's input (or its group of choices) carries; the label is its
    own words for a screen reader when it has them ("Ministry of ICT: participants")."""
    out = []
    for field in form.visible_fields():
        if field.errors:
            attrs = field.field.widget.attrs
            out.append((attrs.get("id") or field.auto_id,
                        str(attrs.get("aria-label") or field.label), str(field.errors[0])))
    return out
