"""The translation tooling: pseudo-locales and the coverage of the catalogues.

Pseudo-locales prove that every visible word goes through gettext. `en-xa` shows every
translated string accented and in brackets (`Save` → `[Ŝåvé]`); `ar-xb` does the same
right to left (the page is `dir="rtl"`, as Django reads `ar-…` as Arabic, and each word is
written reversed). They are made on the fly: a gettext Translations object that transforms
whatever message it is asked for — govcap's strings and Django's own alike — so there is
no catalogue to generate or to keep current. Placeholders (`%(name)s`, `%s`, `{name}`),
HTML tags and entities are kept as they are. They exist only when GOVCAP_PSEUDO_LOCALES
is on (tests, translators) and are never offered in the language menu.

Coverage: the share of messages of a catalogue (.po) that are translated, not fuzzy;
settings.py offers a language only above GOVCAP_LANGUAGE_MIN_TRANSLATED.

Plain Python at import: settings.py reads this module. Django is imported only by
`install_pseudo_locales`.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# The pseudo-locales: code → (name shown to translators, right to left).
PSEUDO_LOCALES: dict[str, tuple[str, bool]] = {
    "en-xa": ("Pseudo-English [accented]", False),
    "ar-xb": ("Pseudo right-to-left [RTL]", True),
}
# Django's locale data lacks Somali and Amharic: their names, for get_language_info.
EXTRA_LANG_INFO: dict[str, dict[str, Any]] = {
    "so": {"bidi": False, "code": "so", "name": "Somali", "name_local": "Soomaali"},
    "am": {"bidi": False, "code": "am", "name": "Amharic", "name_local": "አማርኛ"},
}
OPEN, CLOSE = "[", "]"
# Kept untouched inside a pseudo-translated message.
KEEP = re.compile(
    r"%\(\w+\)[-#0 +]*\d*(?:\.\d+)?[sdfiruxXeEgGc]"  # %(name)s
    r"|%[-#0 +]*\d*(?:\.\d+)?[sdfiruxXeEgGc%]"  # %s, %d, %%
    r"|\{[\w.:!\[\]]*\}"  # {name}, {0}, {name!r}
    r"|<[^<>]*>"  # HTML tags
    r"|&#?\w+;"  # entities
    r"|https?://\S+"  # addresses
)
ACCENTS = str.maketrans(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "åƀçðéƒĝĥîĵķļɱñöþǫŕŝţüṽŵẋýžÅƁÇÐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŜŢÜṼŴẊÝŽ",
)
WORD = re.compile(r"[^\W\d_]+")
RLO, PDF = "\u202e", "\u202c"  # right-to-left override, pop directional formatting


@dataclass(frozen=True)
class Contextual:
    """A message whose English word means something else elsewhere ("Schedule" the noun),
    kept with its gettext context until it is looked up."""

    context: str
    message: str


def in_context(context: str, message: str) -> Contextual:
    """Marks a message with a context for makemessages (its ``--keyword=in_context:1c,2``)."""
    return Contextual(context, message)


def pseudo(message: str, rtl: bool = False) -> str:
    """MESSAGE accented and in brackets, its placeholders, tags and entities kept; with
    RTL, each word also shown reversed (a right-to-left override around it)."""
    if not message or message.startswith(OPEN) and message.endswith(CLOSE):
        return message  # empty, or already transformed (a message passed twice)
    if "," in message and not any(ch.isspace() for ch in message):
        # words the code splits at its commas (Django's yesno: "yes,no,maybe"): each apart
        return ",".join(pseudo(part, rtl) for part in message.split(","))
    out: list[str] = []
    last = 0
    for match in KEEP.finditer(message):
        out.append(_text(message[last:match.start()], rtl))
        out.append(match.group())
        last = match.end()
    out.append(_text(message[last:], rtl))
    return OPEN + "".join(out) + CLOSE


def _text(text: str, rtl: bool) -> str:
    text = text.translate(ACCENTS)
    return WORD.sub(lambda m: RLO + m.group() + PDF, text) if rtl else text


def is_pseudo(language: str | None) -> bool:
    return (language or "").lower() in PSEUDO_LOCALES


def accepted_pseudo_locales() -> tuple[str, ...]:
    """The pseudo-locales a request may ask for: every one with GOVCAP_PSEUDO_LOCALES on,
    else none. What is written outside the pages (documents, the XLSForm) accepts them
    beside its own languages, so that a translator reads its words as gettext gives them."""
    from django.conf import settings

    return tuple(PSEUDO_LOCALES) if getattr(settings, "GOVCAP_PSEUDO_LOCALES", False) else ()


def install_pseudo_locales() -> None:
    """Make Django's translation machinery answer the pseudo-locales with a transforming
    Translations object (idempotent). Whether a request may ask for one is settings'
    business: LocaleMiddleware accepts only a code of settings.LANGUAGES."""
    from django.utils.translation import trans_real

    if getattr(trans_real.translation, "pseudo", False):
        return
    original = trans_real.translation
    made: dict[str, Any] = {}

    def translation(language: str):
        code = (language or "").lower()
        if code in PSEUDO_LOCALES:
            if code not in made:
                made[code] = PseudoTranslation(code)
            return made[code]
        return original(language)

    translation.pseudo = True  # type: ignore[attr-defined]
    trans_real.translation = translation


def _pseudo_translation_class():
    from django.utils.translation.trans_real import DjangoTranslation

    class Pseudo(DjangoTranslation):
        """Every message transformed; plural forms as in English."""

        def __init__(self, language: str) -> None:
            # English's catalogues (Django's formats and plural rule), then transform.
            super().__init__("en")
            self._rtl = PSEUDO_LOCALES[language][1]
            self._language = language
            self._to_language = language

        def language(self) -> str:
            return self._language

        def to_language(self) -> str:
            return self._to_language

        def gettext(self, message: str) -> str:
            context, sep, text = message.rpartition("\x04")  # pgettext's context
            return pseudo(text if sep else message, self._rtl)

        def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
            context, sep, text = msgid1.rpartition("\x04")
            chosen = (text if sep else msgid1) if n == 1 else msgid2
            return pseudo(chosen, self._rtl)

    return Pseudo


def PseudoTranslation(language: str):  # noqa: N802 (a class made on demand)
    global _Pseudo
    if _Pseudo is None:
        _Pseudo = _pseudo_translation_class()
    return _Pseudo(language)


_Pseudo = None


# --- coverage ----------------------------------------------------------------------------

@dataclass(frozen=True)
class Coverage:
    language: str
    total: int  # messages (the header and obsolete entries left out)
    translated: int  # every form filled in, not fuzzy
    fuzzy: int
    empty: int  # not translated at all

    @property
    def share(self) -> float:
        """Translated messages, in percent (100 for an empty catalogue)."""
        return 100.0 * self.translated / self.total if self.total else 100.0


def coverage(po: Path, language: str = "") -> Coverage:
    """How much of the catalogue PO is translated: a small reader, enough for counting
    (msgfmt --statistics says the same; tests/i18n checks they agree)."""
    total = translated = fuzzy = empty = 0

    def finish(entry: dict) -> None:
        nonlocal total, translated, fuzzy, empty
        if entry.get("msgid") in (None, "") or entry.get("obsolete"):
            return
        total += 1
        strings = entry.get("msgstr", {})
        if "fuzzy" in entry.get("flags", ()):
            fuzzy += 1
        elif strings and all(strings.values()):
            translated += 1
        else:
            empty += 1

    entry: dict = {}
    key: tuple[str, int] | None = None
    for raw in po.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line.startswith("#~"):
            entry["obsolete"] = True
            continue
        if line.startswith("#,"):
            if "msgstr" in entry:
                finish(entry)
                entry, key = {}, None
            entry.setdefault("flags", set()).update(f.strip() for f in line[2:].split(","))
            continue
        if not line or line.startswith("#"):
            if not line and entry:
                finish(entry)
                entry, key = {}, None
            continue
        if line.startswith('"'):
            if key is not None:
                _add(entry, key, ast.literal_eval(line))
            continue
        keyword, _, rest = line.partition(" ")
        if keyword in ("msgctxt", "msgid") and "msgstr" in entry:
            finish(entry)
            entry = {}
        key = (("msgstr", int(keyword[7:-1])) if keyword.startswith("msgstr[")
               else (keyword, 0))
        _add(entry, key, ast.literal_eval(rest))
    if entry:
        finish(entry)
    return Coverage(language, total, translated, fuzzy, empty)


def _add(entry: dict, key: tuple[str, int], text: str) -> None:
    name, index = key
    if name == "msgstr":
        forms = entry.setdefault("msgstr", {})
        forms[index] = forms.get(index, "") + text
    else:
        entry[name] = entry.get(name, "") + text


def catalogue(locale_dir: Path, language: str) -> Path:
    return locale_dir / language / "LC_MESSAGES" / "django.po"


def offered(locale_dir: Path, languages: list[tuple[str, str]], minimum: float,
            default: str = "en") -> list[tuple[str, str]]:
    """LANGUAGES for the interface: the default language, then each language whose
    catalogue is compiled and at least MINIMUM percent translated."""
    out = []
    for code, name in languages:
        po = catalogue(locale_dir, code)
        if code == default or (po.with_suffix(".mo").exists()
                               and coverage(po, code).share >= minimum):
            out.append((code, name))
    return out
