"""The pseudo-locale crawl: every route of the authorization matrix, as every persona the
matrix lets through, in `en-xa` (govcap/translations.py: every gettext message accented and
in brackets). A visible English word outside the brackets did not go through gettext.

What counts as visible: the text of an HTML page (not <script> or <style>), the attributes
people read or hear (title, alt, placeholder, aria-label, a button's value), the text of an
SVG, the cells of a CSV. JSON, documents and other binary answers are not read here (yet).

What is not a leak — user data. A page shows what people typed (organisations, names,
notes) and the instrument's own text (its translation layer, not gettext's). Rule: every
string stored in the database at the moment of the request (every text column of every
table, JSON values walked) is data and is removed from the page's text before looking
for words, as whole words; a wrapped line (two words or more) found inside a stored string
is data too — except the values of the models' choices (`high`, `in_progress`, `senior`:
codes the page must say in words, so showing one raw *is* a leak), the audit log's rows
(model and field names) and Django's bookkeeping tables. Text in an element whose `lang`
names another language (the language menu, the instrument in the session's language),
machine text (<code>, <kbd>, <samp>, <pre>), addresses and identifiers are not read.
Words are runs of two or more ASCII letters; the text is read as one stream so a message
split by its tags (`[Ĥéļļö <b>ţĥéŕé</b>]`) stays inside its brackets.

Today's leaks are in tests/i18n/pseudo_leaks.json (route → the leaked fragments, their
words only). The test fails on a leak not listed there and on a listed leak that is gone,
so the list only shrinks: remove what you fixed, or regenerate it with
UPDATE_PSEUDO_LEAKS=1 (then read the diff: it must only lose lines).
"""

from __future__ import annotations

import csv
import functools
import io
import json
import os
import re
import time
from collections import Counter, defaultdict
from html.parser import HTMLParser
from http.cookies import SimpleCookie
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection, transaction
from django.test import Client

from govcap.translations import PSEUDO_LOCALES
from tests.security.authorization_matrix import MATRIX, PERSONAS, Check, Ctx, encode
from tests.security.helpers import client_for
from tests.security.test_authorization_matrix import persona_user, url_of

LEAKS_FILE = Path(__file__).with_name("pseudo_leaks.json")
PSEUDO = "en-xa"
WORD = re.compile(r"[A-Za-z]{2,}")
READ_ATTRIBUTES = {"title", "alt", "placeholder", "aria-label", "aria-description", "label"}
HIDDEN_ELEMENTS = {"script", "style"}
# Not user data: Django's bookkeeping, and the audit log (model and field names).
NOT_DATA = re.compile(r"django_session|django_content_type|auth_permission|django_migrations"
                      r"|axes_|otp_|accounts_auditevent")
# Words that are never translated: the product's name and the language menu's names.
NEVER_TRANSLATED = {"govcap"}
BLOCK = "\n"
# Addresses and identifiers (uuids, hex digests): not words.
URL = re.compile(r"https?://\S+|\b[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}"
                 r"-?[0-9a-fA-F]{12}\b|\b[0-9a-f]{16,}\b")
# Machine text (keys, codes, secrets to copy): not language.
MACHINE_ELEMENTS = {"code", "kbd", "samp", "pre"}
BLOCKS = {"p", "div", "li", "td", "th", "tr", "option", "h1", "h2", "h3", "h4", "section",
          "br", "dt", "dd", "label", "legend", "caption", "title", "text", "tspan", "button",
          "a", "span", "summary", "figcaption"}


class VisibleText(HTMLParser):
    """The visible text, one block a line. Text in an element whose `lang` says another
    language (the language menu's names, the instrument shown in the session's language)
    is meant to be in that language: left out."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0
        self.foreign: list[str] = []  # the open elements marked with another language

    def handle_starttag(self, tag, attrs):
        names = dict(attrs)
        lang = (names.get("lang") or "").lower()
        if tag == "html":
            return
        if tag in HIDDEN_ELEMENTS or self.foreign:
            self.hidden += tag in HIDDEN_ELEMENTS
            if self.foreign and tag == self.foreign[-1]:
                self.foreign.append(tag)
            return
        if (lang and lang != PSEUDO) or tag in MACHINE_ELEMENTS:
            self.foreign.append(tag)
            return
        for name, value in attrs:
            if value and (name in READ_ATTRIBUTES or (
                    name == "value" and tag in ("input", "button")
                    and names.get("type") in ("submit", "button", "reset"))):
                self.parts.append(BLOCK + value + BLOCK)
        if tag in BLOCKS:
            self.parts.append(BLOCK)

    def handle_endtag(self, tag):
        if tag in HIDDEN_ELEMENTS and self.hidden:
            self.hidden -= 1
        if self.foreign and tag == self.foreign[-1]:
            self.foreign.pop()
        if tag in BLOCKS:
            self.parts.append(BLOCK)

    def handle_data(self, data):
        if not self.hidden and not self.foreign:
            self.parts.append(data)


def visible_text(response) -> str | None:
    kind = response.get("Content-Type", "").split(";")[0].strip()
    if kind in ("text/html", "image/svg+xml"):
        parser = VisibleText()
        parser.feed(response.getvalue().decode("utf-8", "replace"))
        return "".join(parser.parts)
    if kind == "text/csv":
        rows = csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig", "replace")))
        return BLOCK.join(BLOCK.join(row) for row in rows)
    return None  # JSON, documents, files: not read here


def stored_strings() -> list[str]:
    """Every string in the database now (user data), longest first."""
    found: set[str] = set()

    def walk(value):
        if isinstance(value, str):
            found.update(strings_of(value))
        elif isinstance(value, (dict, list)):  # PostgreSQL hands JSON columns over decoded
            found.update(strings_of(json.dumps(value, sort_keys=True)))

    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            if NOT_DATA.search(table):
                continue
            cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608 (names from introspection)
            for row in cursor.fetchall():
                for value in row:
                    walk(value)
            if table.endswith("_user"):
                cursor.execute(f'SELECT username FROM "{table}"')  # noqa: S608
                found.update(name for (name,) in cursor.fetchall())
    return sorted(found, key=len, reverse=True)


@functools.lru_cache(maxsize=4096)
def strings_of(value: str) -> frozenset[str]:
    """The user strings of a stored value: itself, or a JSON document's strings (the
    instrument's document is parsed once, not for every page)."""
    codes = choice_codes()
    out: set[str] = set()

    def walk(value):
        if isinstance(value, str):
            text = value.strip()
            if text[:1] in "{[":
                try:
                    walk(json.loads(text))
                    return
                except ValueError:
                    pass
            if len(text) >= 2 and text not in codes:
                out.add(text)
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    walk(value)
    return frozenset(out)


def choice_codes() -> set[str]:
    """The values of the models' choices (`high`, `in_progress`): codes the interface must
    say in words, never user data."""
    from django.apps import apps

    if not _codes:
        for model in apps.get_models():
            for f in model._meta.get_fields():
                for key, _ in getattr(f, "flatchoices", None) or ():
                    _codes.add(str(key))
    return _codes


_codes: set[str] = set()


def outside_brackets(text: str) -> str:
    out, depth = [], 0
    for ch in text:
        if ch == "[":
            depth += 1
        elif ch == "]" and depth:
            depth -= 1
        elif not depth:
            out.append(ch)
    return "".join(out)


def leaks(text: str, data: list[str]) -> set[str]:
    """The fragments of TEXT outside the brackets and outside user data, by their words. A
    line of two words or more found inside a stored string is data too (a chart wraps a
    long section title over several lines)."""
    blob = "\x00".join(data)
    lines = []
    for line in text.split(BLOCK):
        if WORD.search(line):
            line = URL.sub(" ", line)
            for value in data:
                if value in line:
                    line = re.sub(r"(?<!\w)" + re.escape(value) + r"(?!\w)", " ", line)
            words = line.split()
            if len(words) >= 2 and " ".join(words) in blob:
                line = ""
        lines.append(line)
    found = set()
    for fragment in outside_brackets(BLOCK.join(lines)).split(BLOCK):
        words = [w for w in WORD.findall(fragment) if w not in NEVER_TRANSLATED]
        if words:
            found.add(" ".join(words))
    return found


def area(check: Check) -> str:
    key = check.key
    if ":" in key:
        return key.split(":")[0]
    return key.split("-")[0].split("/")[0] or "root"


class Clients:
    """One logged-in client per persona, made once (logging in is most of a request's
    cost); its cookies put back before each request, as a row may log out."""

    def __init__(self, world) -> None:
        self.world = world
        self.made: dict[str, tuple[Client, dict[str, str]]] = {}

    def __call__(self, who: str) -> Client:
        if who not in self.made:
            client = client_for(persona_user(self.world, who))
            client.cookies[settings.LANGUAGE_COOKIE_NAME] = PSEUDO
            self.made[who] = (client, {k: m.value for k, m in client.cookies.items()})
        client, cookies = self.made[who]
        client.cookies = SimpleCookie()
        for name, value in cookies.items():
            client.cookies[name] = value
        return client


# Who reads each route: up to three of the personas the matrix lets through, in this order,
# so that each persona reads pages and a route is seen by its readers with the fewest and
# the most rights; a POST row (mostly redirects) by one. The whole matrix as every
# persona would take a minute; tests/security checks the access itself.
ORDER = ("coordinator", "viewer", "provider", "anonymous", "facilitator", "admin", "manager",
         "colleague", "outsider")


def personas(check: Check) -> list[str]:
    allowed = [who for who in ORDER if who in check.allowed]
    return allowed[:3] if check.method == "GET" else allowed[:1]


def crawl(check: Check, world, clients: Clients) -> tuple[set[str], int]:
    """The leaks of the route as every persona the matrix allows; and pages read."""
    extra = check.setup(world) if check.setup else {}
    found: set[str] = set()
    read = 0
    for who in personas(check):
        user = persona_user(world, who)
        c = Ctx(w=world, who=who, user=user, extra=extra)
        with transaction.atomic():
            if check.prepare:
                check.prepare(c)
            client = clients(who)
            response = getattr(client, check.method.lower())(url_of(check, c), **encode(check, c))
            text = visible_text(response) if response.status_code == 200 else None
            if text is not None:
                read += 1
                found |= leaks(text, stored_strings())
            transaction.set_rollback(True)
    return found, read


@pytest.fixture
def pseudo_languages(settings):
    settings.LANGUAGES = [*settings.LANGUAGES,
                          *((code, name) for code, (name, _) in PSEUDO_LOCALES.items())]


def test_no_new_english_in_the_pseudo_locale_and_the_known_leaks_only_shrink(
        world, pseudo_languages, capsys):
    start = time.monotonic()
    now: dict[str, list[str]] = {}
    pages = 0
    from govcap.planning.catalogues import ensure_default_catalogue

    ensure_default_catalogue()  # once, not undone with each row (half a second a time)
    clients = Clients(world)
    for who in PERSONAS:  # logged in outside the rows' transactions, which are undone
        clients(who)
    for check in MATRIX:
        with transaction.atomic():  # each row's setup undone, as in its own test
            found, read = crawl(check, world, clients)
            transaction.set_rollback(True)
        pages += read
        if found:
            now[check.label] = sorted(found)
    took = time.monotonic() - start

    if os.environ.get("UPDATE_PSEUDO_LEAKS"):
        LEAKS_FILE.write_text(json.dumps(now, indent=1, ensure_ascii=False, sort_keys=True)
                              + "\n", encoding="utf-8")
    known: dict[str, list[str]] = json.loads(LEAKS_FILE.read_text(encoding="utf-8"))

    by_area: Counter[str] = Counter()
    labels = {check.label: check for check in MATRIX}
    for label, fragments in now.items():
        by_area[area(labels[label])] += len(fragments)
    with capsys.disabled():
        print(f"\npseudo-locale crawl: {len({c.key for c in MATRIX})} routes, {len(MATRIX)} "
              f"rows, {pages} pages read in {took:.1f} s; "
              f"{sum(by_area.values())} leaks on {len(now)} rows: "
              + ", ".join(f"{a} {n}" for a, n in by_area.most_common()))

    new: dict[str, list[str]] = defaultdict(list)
    gone: dict[str, list[str]] = defaultdict(list)
    for label in sorted(set(now) | set(known)):
        for fragment in sorted(set(now.get(label, [])) - set(known.get(label, []))):
            new[label].append(fragment)
        for fragment in sorted(set(known.get(label, [])) - set(now.get(label, []))):
            gone[label].append(fragment)
    assert not new, (
        "English outside gettext (wrap it in {% translate %} / gettext); or user data the "
        f"rule missed (see this file's docstring): {dict(new)}")
    assert not gone, (
        f"fixed: remove these from {LEAKS_FILE.name} so they stay fixed: {dict(gone)}")
