"""The pseudo-locale crawl: every route of the authorization matrix, as every persona the
matrix lets through, in `en-xa` (govcap/translations.py: every gettext message accented and
in brackets), and every format of every download. A visible English word outside the
brackets did not go through gettext.

What is read (tests/i18n/readers.py), one block a line:
- an HTML page (not <script> or <style>), and the attributes people read or hear (title,
  alt, placeholder, aria-label, a button's value); an SVG's text; a CSV's cells;
- documents: a DOCX's paragraphs, tables, headers and footers; an XLSX's sheet names and
  text cells (not formulas); a PDF's text (pdftotext -raw, from poppler-utils: without
  it PDFs are not read, and the test says so); a ZIP's documents, CSVs and texts; XML's
  texts (a REFI-QDA project). Each document is rendered once a route, not per persona;
- the XLSForm: the label, hint and constraint_message columns of the language under test
  on its survey and choices sheets (of every language, when it has none of en-xa);
- JSON: only the words for people, chosen by key: the values under a key of WORDS_KEYS,
  or ending in one (`error_message`) — label, title, word, message, error, detail,
  reason, definition, description, summary, hint, help, note, caption, heading,
  explanation, warning, and their plurals — but not a code among them (`below-minimum`).
  Keys, codes, numbers and the rest are data for programs. The OpenAPI schema is not
  read: it is made from the code, and its words are the API docs page's, which is read;
- a table whose header is all identifiers (`country_code`, `is_demo`) is a data file in a
  stable schema (the results export, its dictionary, a pack's manifest): its header, its
  codes and paths and its sheet's name are keys, not language; its other cells are read.
Plan documents are written in `?lang=` or the engagement's language: the crawl asks them
in en-xa (a pseudo-locale is accepted there with GOVCAP_PSEUDO_LOCALES on, never offered);
a plan pack, written in the engagement's, is made with the engagement in en-xa. The other
formats of a download route (`variants`) are read once each, as the route's first persona;
the command line's documents (`govcap plan export`, `govcap results indicators`) too.

What is not a leak — user data. A page shows what people typed (organisations, names,
notes) and the instrument's own text (its translation layer, not gettext's). Rule: every
string stored in the database at the moment of the request (every text column of every
table, JSON values walked) is data — except the values of a column with choices and,
inside JSON, the values of the models' choices (`high`, `in_progress`, `senior`: codes the
page must say in words, so showing one raw *is* a leak), the audit log's rows (model and
field names) and Django's bookkeeping tables — and so are the names of the countries'
public holidays in the `holidays` tables (their own translation layer, with no
pseudo-locale). Data is found in the text three ways: a stored string as whole words; a
line of two words or more that is a piece of one; the words around a line break that read
as a piece of one (a chart or a PDF wraps a section title over lines, numbers it, cuts it
short with an ellipsis: `6. Ability to` / `influence high-` / `level decisionmak…`).
A line that is one key (`lead-trainer-online`: lower-case words joined by hyphens or
underscores, not a model's choice) is a key shown as such. Text in an element whose `lang`
names another language (the language menu, the instrument in the session's language, the
API's reference), machine text (<code>, <kbd>, <samp>, <pre>), addresses and identifiers
are not read. Words are runs of two or more ASCII letters; the text is read as one stream
so a message split by its tags (`[Ĥéļļö <b>ţĥéŕé</b>]`) stays inside its brackets; a
bracket never closed is text.

Today's leaks are in tests/i18n/pseudo_leaks.json (answer → the leaked fragments, their
words only). The test fails on a leak not listed there and on a listed leak that is gone,
so the list only shrinks: remove what you fixed, or regenerate it with
UPDATE_PSEUDO_LEAKS=1 (then read the diff: it must only lose lines). PSEUDO_CRAWL_DUMP=DIR
writes the text read of every answer into DIR, to find a leak's source.
"""

from __future__ import annotations

import dataclasses
import functools
import io
import json
import os
import re
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from http.cookies import SimpleCookie
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection, transaction
from django.test import Client

from govcap.translations import PSEUDO_LOCALES
from tests.i18n.readers import BLOCK, DOCUMENT_KINDS, Unreadable, kind_of, text_of
from tests.security.authorization_matrix import MATRIX, PERSONAS, Check, Ctx, encode
from tests.security.helpers import client_for
from tests.security.test_authorization_matrix import persona_user, url_of

LEAKS_FILE = Path(__file__).with_name("pseudo_leaks.json")
DUMP = os.environ.get("PSEUDO_CRAWL_DUMP")  # a folder: the text read of every answer, written
PSEUDO = "en-xa"
WORD = re.compile(r"[A-Za-z]{2,}")
# Not user data: Django's bookkeeping, and the audit log (model and field names).
NOT_DATA = re.compile(r"django_session|django_content_type|auth_permission|django_migrations"
                      r"|axes_|otp_|accounts_auditevent")
# Words that are never translated: the product's name and the language menu's names.
NEVER_TRANSLATED = {"govcap"}
# A key: lower-case words joined by hyphens or underscores (`lead-trainer-online`).
KEY = re.compile(r"[a-z0-9]+(?:[-_][a-z0-9]+)+")
# Addresses and identifiers (uuids, hex digests): not words.
URL = re.compile(r"https?://\S+|\b[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}"
                 r"-?[0-9a-fA-F]{12}\b|\b[0-9a-f]{16,}\b")


def stored_strings() -> Data:
    """Every string in the database now (user data), longest first; not the values of a
    column with choices (codes)."""
    found: set[str] = set()
    codes = choice_columns()
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            if NOT_DATA.search(table):
                continue
            cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608 (names from introspection)
            names = [column[0] for column in cursor.description]
            for row in cursor.fetchall():
                for name, value in zip(names, row, strict=True):
                    if (table, name) in codes:
                        continue
                    if isinstance(value, (dict, list)):  # PostgreSQL hands JSON decoded
                        value = json.dumps(value, sort_keys=True)
                    if isinstance(value, str):
                        found.update(strings_of(value))
        cursor.execute('SELECT code FROM "orgs_country"')
        found.update(holiday_names(frozenset(code for (code,) in cursor.fetchall())))
    return data_of(frozenset(found))


@functools.lru_cache(maxsize=16)
def holiday_names(countries: frozenset[str]) -> frozenset[str]:
    """The names of the countries' public holidays in the `holidays` tables, around today,
    in each of their languages: the tables' own translation layer, which has no
    pseudo-locale (`Mashujaa Day`, `Idd-ul-Fitr (estimated)`)."""
    import datetime as dt

    import holidays

    years = range(dt.date.today().year - 1, dt.date.today().year + 4)
    names: set[str] = set()
    for code in countries:
        try:
            languages = holidays.country_holidays(code).supported_languages
        except NotImplementedError:
            continue
        for language in (None, *languages):  # the plan names them in the page's language
            names.update(holidays.country_holidays(code, years=years,
                                                   language=language).values())
    return frozenset(" ".join(name.split()) for name in names)


@functools.lru_cache(maxsize=4096)
def strings_of(value: str) -> frozenset[str]:
    """The user strings of a stored value: itself (a keyword `vendor` too, though a
    provider's kind has that code), or a JSON document's strings but its codes (the
    instrument's document is parsed once, not for every page)."""
    codes = choice_codes()
    out: set[str] = set()

    def walk(value, top: bool = False):
        if isinstance(value, str):
            text = value.strip()
            if text[:1] in "{[":
                try:
                    walk(json.loads(text))
                    return
                except ValueError:
                    pass
            if len(text) >= 2 and (top or text not in codes):
                out.add(" ".join(text.split()))  # as a document wraps it: spaces
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    walk(value, top=True)
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


@functools.cache
def choice_columns() -> frozenset[tuple[str, str]]:
    """(table, column) of every field with choices: its values are codes."""
    from django.apps import apps

    return frozenset((model._meta.db_table, f.column) for model in apps.get_models()
                     for f in model._meta.concrete_fields if f.choices)


def outside_brackets(text: str) -> str:
    """TEXT without what is inside matching brackets; a bracket never closed is text (so
    a message split by the code cannot hide the rest of the page)."""
    opened, pairs = [], {}
    for at, ch in enumerate(text):
        if ch == "[":
            opened.append(at)
        elif ch == "]" and opened:
            pairs[opened.pop()] = at
    out, end = [], -1
    for at, ch in enumerate(text):
        if at <= end:
            continue
        if at in pairs:
            end = pairs[at]
        else:
            out.append(ch)
    return "".join(out)


EDGES = ".,;:!?()[]\"'“”‘’«»…•–—-"  # stripped from a word's ends to compare it


@dataclasses.dataclass(frozen=True)
class Data:
    """The stored strings (longest first), and what finds a piece of one quickly: the
    strings in one blob, and their words and pairs of neighbouring words."""

    strings: list[str]
    blob: str
    pairs: frozenset[tuple[str, str]]
    words: frozenset[str]


@functools.lru_cache(maxsize=65536)
def pairs_of(value: str) -> tuple[frozenset[tuple[str, str]], frozenset[str]]:
    words = [w.strip(EDGES) for w in value.split()]
    return frozenset(zip(words, words[1:], strict=False)), frozenset(words)


@functools.lru_cache(maxsize=4)
def data_of(found: frozenset[str]) -> Data:
    """The Data of FOUND (the same from one answer to the next, mostly: made once)."""
    strings = sorted(found, key=len, reverse=True)
    pairs: set[tuple[str, str]] = set()
    words: set[str] = set()
    for value in strings:
        more_pairs, more_words = pairs_of(value)
        pairs |= more_pairs
        words |= more_words
    return Data(strings, "\x00".join(strings), frozenset(pairs), frozenset(words))


def in_data(tokens: list[str], data: Data) -> bool:
    """Whether TOKENS, as one text (a line ending in a hyphen joined to the next without a
    space), are a piece of a stored string, their ends' punctuation and an ellipsis aside."""
    letters = [n for n, token in enumerate(tokens) if any(ch.isalpha() for ch in token)]
    if not letters:
        return False
    text = ""
    for token in tokens[letters[0]:letters[-1] + 1]:  # not a number (`6.`) nor a bullet
        text += token if not text or text.endswith("-") else " " + token
    return text.strip(EDGES.replace("-", "")) in data.blob


def leaks(text: str, data: Data) -> set[str]:
    """The fragments of TEXT outside the brackets and outside user data, by their words:
    pieces of stored strings (`pieces`), then stored strings as whole words."""
    flat = " ".join(text.split())
    present = [value for value in data.strings if value in flat]  # longest first
    text = URL.sub(" ", text)
    for value in present:
        if "[" in value or "]" in value:  # removed before the brackets are read
            text = without(value, text)
    tokens = [line.split() for line in outside_brackets(text).split(BLOCK)]
    found = set()
    for line, keep in zip(tokens, pieces(tokens, data), strict=True):
        joined = " ".join(line)
        for value in present:
            if value in joined:
                for match in re.finditer(r"(?<!\w)" + re.escape(value) + r"(?!\w)", joined):
                    drop(line, keep, match.start(), match.end())
        left = [token for token, k in zip(line, keep, strict=True) if k
                and re.search(r"\w", token)]  # not a colon left of a bracketed label
        if words_in(left) >= 2 and in_data(left, data):
            continue  # the rest of the line is a piece of one (`EA-101 Enterprise archi…`)
        if len(left) == 1 and KEY.fullmatch(left[0]) and left[0] not in choice_codes():
            continue  # a key shown as a key (a rate's, which the workbook's formulas name)
        words = [w for token in left for w in WORD.findall(token) if w not in NEVER_TRANSLATED]
        if words:
            found.add(" ".join(words))
    return found


def pieces(tokens: list[list[str]], data: Data) -> list[list[bool]]:
    """Per token of each line, False where it is in a piece of a stored string: a line of
    two words or more that is one, or the words around a line break that read as one (two
    words or more): a chart or a PDF wraps a long section title over several lines,
    numbers it (`6. Ability to`) or cuts it short (`decisionmak…`)."""
    kept = [[not (words_in(line) >= 2 and in_data(line, data))] * len(line) for line in tokens]
    seq = [(n, i) for n, line in enumerate(tokens) for i in range(len(line))]

    def text(first: int, last: int) -> list[str]:
        return [tokens[x][y] for x, y in seq[first:last]]

    for k in range(len(seq) - 1):
        (n, i), (m, j) = seq[k], seq[k + 1]
        if n == m:
            continue  # not a line break
        a, b = tokens[n][i].strip(EDGES.replace("-", "")), tokens[m][j].strip(EDGES)
        if not ((a.endswith("-") and (a + b).strip(EDGES) in data.words)
                or (a.strip(EDGES), b) in data.pairs):
            continue  # no stored string has these two words side by side
        first = k - i  # the span: the longest end of line n, then as far as it goes
        while first < k and not in_data(text(first, k + 2), data):
            first += 1
        last = k + 2
        while last < len(seq) and in_data(text(first, last + 1), data):
            last += 1
        if words_in(text(first, last)) >= 2 and in_data(text(first, last), data):
            for x, y in seq[first:last]:
                kept[x][y] = False
    return kept


def words_in(tokens: list[str]) -> int:
    return sum(bool(WORD.search(token)) for token in tokens)


def drop(line: list[str], keep: list[bool], start: int, end: int) -> None:
    """Marks as data the tokens of LINE whose words lie between START and END of the line
    joined with spaces (a stored string found in it: `provider` in `provider's`)."""
    at = 0
    for i, token in enumerate(line):
        words = [(at + w.start(), at + w.end()) for w in WORD.finditer(token)]
        if words and start <= words[0][0] and words[-1][1] <= end:
            keep[i] = False
        at += len(token) + 1


def without(value: str, text: str) -> str:
    """TEXT with VALUE, as whole words, taken out."""
    return re.sub(r"(?<!\w)" + re.escape(value) + r"(?!\w)", " ", text)


def area(label: str) -> str:
    key = label.split(" ", 1)[1].split(" ")[0]
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


# --- every format of every download ---------------------------------------------------------

@dataclasses.dataclass(frozen=True)
class Variant:
    """Another answer of a download route: its URL arguments changed, a query added."""

    name: str  # in the label: `GET plan-download [pdf]`
    args: Callable[[Ctx], dict] = lambda c: {}
    query: Callable[[Ctx], str] = lambda c: ""
    prepare: Callable[[Ctx, Client], dict] | None = None  # what it needs first (a job run)


def formats(argument: str, values) -> list[Variant]:
    return [Variant(str(v), args=lambda c, v=v: {argument: v}) for v in values]


def plan_variants() -> list[Variant]:
    """Every plan document and the brief; and one organisation's (its own words: "your
    organisation"), as DOCX only (the other renderers draw the same words)."""
    from govcap.reports import documents

    return [*formats("fmt", [*documents.FORMATS, *documents.BRIEF_FORMATS]),
            *(Variant(f"{fmt} organisation", args=lambda c, fmt=fmt: {"fmt": fmt},
                      query=lambda c: f"org={c.w.ministry.uuid}")
              for fmt in ("docx", "brief-docx"))]


def job_variants() -> list[Variant]:
    """The files of the two kinds of job that write one, started from their pages and run
    here: a plan pack (a ZIP of documents and its manifest) and a results export (the
    XLSX, with its dictionary)."""
    made = lambda c: {"pk": c.extra["job"].pk}  # noqa: E731
    return [Variant("plan pack", args=made, prepare=pack_made),
            Variant("results export", args=made, prepare=export_made)]


def pack_made(c: Ctx, client: Client) -> dict:
    from tests.security.authorization_matrix import planned

    planned(c.w)
    # a pack is written in the engagement's language (it has no reader's)
    type(c.w.engagement).objects.filter(pk=c.w.engagement.pk).update(language=PSEUDO)
    return job_run(client, "job-start-plan-pack", {"engagement": c.w.engagement.slug,
                                                   "formats": ["xlsx"]})


def export_made(c: Ctx, client: Client) -> dict:
    return job_run(client, "job-start-results-export", {"format": "xlsx"})


def job_run(client: Client, view: str, data: dict) -> dict:
    """Starts a job from its page and runs it here, as a worker would."""
    from django.urls import reverse

    from govcap.jobs import runner
    from govcap.jobs.models import Job

    response = client.post(reverse(view), data)
    assert response.status_code == 302, response
    return {"job": runner.execute(Job.objects.latest("pk").pk)}


def variants(key: str) -> list[Variant]:
    """The other formats of a download route (its matrix rows ask for one or two)."""
    from govcap.interchange.exports import FORMATS as RESULTS_FORMATS
    from govcap.reports import plan as reports_plan
    from govcap.results.views import DOWNLOADS as INDICATORS_FORMATS

    if key.startswith("analysis-") and key.endswith("-download"):
        return formats("ext", ("csv", "svg"))  # a block's table and its chart
    return {
        "plan-download": plan_variants,
        "programme-plan-download": lambda: formats("fmt", reports_plan.FORMATS),
        "results-download": lambda: formats("fmt", RESULTS_FORMATS),
        "engagement-results-download": lambda: formats("fmt", RESULTS_FORMATS),
        "indicators-download": lambda: formats("fmt", INDICATORS_FORMATS),
        "indicators-engagement-download": lambda: formats("fmt", INDICATORS_FORMATS),
        "analysis-export": lambda: formats("fmt", ("segments.csv", "codebook.qdc",  # coding
                                                   "project.qdpx")),
        "evaluation-xlsform": lambda: formats("level", (1, 2)),
        "job-download": job_variants,
    }.get(key, list)()


# Plan documents are written in `?lang=` or the engagement's language, not the reader's.
LANGUAGE_QUERY = {"plan-download": f"lang={PSEUDO}"}


def address(check: Check, c: Ctx, variant: Variant | None = None) -> str:
    url = url_of(check, c) if variant is None else url_of(dataclasses.replace(
        check, args=lambda c, own=check.args: {**own(c), **variant.args(c)}), c)
    query = [q for q in (variant.query(c) if variant else "",
                         LANGUAGE_QUERY.get(check.key, "")) if q]
    return url + ("&" if "?" in url else "?") + "&".join(query) if query else url


@dataclasses.dataclass
class Crawled:
    leaks: dict[str, set[str]] = dataclasses.field(default_factory=lambda: defaultdict(set))
    pages: int = 0
    documents: Counter[str] = dataclasses.field(default_factory=Counter)
    unread: set[str] = dataclasses.field(default_factory=set)  # labels not read, and why
    why: set[str] = dataclasses.field(default_factory=set)

    def read(self, label: str, response) -> str | None:
        """Reads RESPONSE (a 200) into the leaks of LABEL; its kind."""
        kind = kind_of(response.get("Content-Type", ""))
        if response.status_code != 200 or kind is None or response.get(
                "Content-Language", PSEUDO) != PSEUDO:  # another language chosen (set_language)
            return None
        body = b"".join(response.streaming_content) if response.streaming else response.content
        try:
            text = text_of(kind, body, PSEUDO)
        except Unreadable as reason:
            self.unread.add(label)
            self.why.add(str(reason))
            return kind
        self.note(label, kind, text)
        return kind

    def note(self, label: str, kind: str, text: str) -> None:
        self.pages += 1
        self.documents[kind] += 1
        self.leaks[label] |= leaks(text, stored_strings())
        if DUMP:  # what was read, to find a leak's source
            name = re.sub(r"[^\w\[\]() -]", "_", label)
            Path(DUMP, f"{name}.{kind}.txt").write_text(text, encoding="utf-8")


def crawl(check: Check, world, clients: Clients, crawled: Crawled, seen: set[str]) -> None:
    """The leaks of the route as every persona the matrix allows (a document once), and of
    its other formats (once a route, as the first of them)."""
    extra = check.setup(world) if check.setup else {}
    for who in personas(check):
        user = persona_user(world, who)
        c = Ctx(w=world, who=who, user=user, extra=extra)
        with transaction.atomic():
            if check.prepare:
                check.prepare(c)
            client = clients(who)
            # a form's answer is the page it leads to, with its message
            response = getattr(client, check.method.lower())(
                address(check, c), follow=check.method == "POST", **encode(check, c))
            kind = crawled.read(check.label, response)
            transaction.set_rollback(True)
        if kind in DOCUMENT_KINDS:
            break  # the same words for every reader: rendered once
    if check.method != "GET" or check.key in seen or not personas(check):
        return
    seen.add(check.key)
    who = personas(check)[0]
    c = Ctx(w=world, who=who, user=persona_user(world, who), extra=extra)
    for variant in variants(check.key):
        with transaction.atomic():
            if check.prepare:
                check.prepare(c)
            more = Ctx(w=world, who=who, user=c.user, extra={
                **extra, **(variant.prepare(c, clients(who)) if variant.prepare else {})})
            url = address(check, more, variant)
            if url != address(check, more):
                crawled.read(f"GET {check.key} [{variant.name}]", clients(who).get(url))
            transaction.set_rollback(True)


def cli_documents(world, crawled: Crawled, folder: Path) -> None:
    """The documents the command line writes: `govcap plan export` and `govcap results
    indicators`, in the pseudo-locale (the same renderers as the downloads: one format
    each)."""
    from django.core.management import call_command

    from tests.delivery.helpers import delivered

    with transaction.atomic():
        delivered(world)
        slug = world.engagement.slug
        for label, kind, argv in (
                ("CLI plan export [docx]", "docx",
                 ["plan", "export", slug, "--format", "docx", "--lang", PSEUDO]),
                ("CLI results indicators [xlsx]", "xlsx",
                 ["results", "indicators", "--format", "xlsx", "--engagement", slug,
                  "--lang", PSEUDO])):
            out = folder / f"cli.{kind}"
            call_command(*argv, "--out", str(out), stdout=io.StringIO())
            crawled.note(label, kind, text_of(kind, out.read_bytes(), PSEUDO))
        transaction.set_rollback(True)


@pytest.fixture
def pseudo_languages(settings):
    settings.LANGUAGES = [*settings.LANGUAGES,
                          *((code, name) for code, (name, _) in PSEUDO_LOCALES.items())]
    settings.GOVCAP_PSEUDO_LOCALES = True  # documents and the XLSForm in a pseudo-locale


def test_no_new_english_in_the_pseudo_locale_and_the_known_leaks_only_shrink(
        world, pseudo_languages, tmp_path, capsys):
    start = time.monotonic()
    from govcap.planning.catalogues import ensure_default_catalogue

    ensure_default_catalogue()  # once, not undone with each row (half a second a time)
    clients = Clients(world)
    for who in PERSONAS:  # logged in outside the rows' transactions, which are undone
        clients(who)
    crawled, seen = Crawled(), set()
    for check in MATRIX:
        with transaction.atomic():  # each row's setup undone, as in its own test
            crawl(check, world, clients, crawled, seen)
            transaction.set_rollback(True)
    cli_documents(world, crawled, tmp_path)
    took = time.monotonic() - start
    now = {label: sorted(found) for label, found in crawled.leaks.items() if found}

    known: dict[str, list[str]] = json.loads(LEAKS_FILE.read_text(encoding="utf-8"))
    for label in crawled.unread:  # a kind this machine cannot read: its known leaks kept
        if label in known:
            now[label] = known[label]
    if os.environ.get("UPDATE_PSEUDO_LEAKS"):
        LEAKS_FILE.write_text(json.dumps(now, indent=1, ensure_ascii=False, sort_keys=True)
                              + "\n", encoding="utf-8")
        known = now

    by_area: Counter[str] = Counter()
    for label, fragments in now.items():
        by_area[area(label)] += len(fragments)
    with capsys.disabled():
        print(f"\npseudo-locale crawl: {len({c.key for c in MATRIX})} routes, {len(MATRIX)} "
              f"rows, {crawled.pages} answers read ("
              + ", ".join(f"{n} {kind}" for kind, n in sorted(crawled.documents.items()))
              + f") in {took:.1f} s; {sum(by_area.values())} leaks on {len(now)} answers: "
              + ", ".join(f"{a} {n}" for a, n in by_area.most_common()))
        for why in sorted(crawled.why):
            print(f"NOT READ ({len(crawled.unread)} answers): {why}")

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
