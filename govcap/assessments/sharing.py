"""What may leave the room. Everything captured in a session — notes, evidence, dissent,
quotes — is internal: facilitators write down what participants asked to keep among
themselves, and remarks on the room. A facilitator or coordinator marks a text shareable,
in the wording that may be shared: the captured text, or the same with parts left out
(a word, a sentence, a span), each gap shown as "…". The wording may only leave words out;
it cannot add any, so what a document quotes is always what was said.

Documents (the plan, its annex and workbook) quote only shared texts (`for_sessions`), and
quotes by participant code only. Marking and unmarking are audited.
"""

from __future__ import annotations

import copy
import dataclasses
import hashlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from govcap.accounts import audit, scoping
from govcap.assessments import access
from govcap.assessments.models import Quote, Rating, Session, SharedText
from govcap.assessments.redaction import added_word, normalised, with_gaps_marked, words
from govcap.assessments.texts import session_instrument
from govcap.assessments.worddiff import Piece

RATING_FIELDS = ("notes", "evidence", "dissent")


class SharingError(ValueError):
    def __init__(self, message: str, field: str = "text"):
        super().__init__(message)
        self.message = message
        self.field = field


@dataclass
class Item:
    """One captured text of a session and what of it is shared."""

    key: str  # "notes:<rating uuid>" or "quote:<quote uuid>", the form's target
    section_key: str
    field: str
    source: str
    shared: SharedText | None
    participant_code: str = ""
    # dataclasses.field: the name `field` is the attribute above in this class
    preview: list[Piece] = dataclasses.field(default_factory=list)

    @property
    def is_shared(self) -> bool:
        return self.shared is not None

    @property
    def changed_since(self) -> bool:
        """The captured text changed after its wording was shared."""
        return self.shared is not None and self.shared.source != self.source


def items(session: Session) -> list[Item]:
    """Every non-empty note, evidence, dissent and quote of the session's agreed record, with
    its shared wording, in section order then field order."""
    shared_of_rating = {(s.rating_id, s.field): s for s in
                        SharedText.objects.filter(session=session, rating__isnull=False)}
    shared_of_quote = {s.quote_id: s for s in
                       SharedText.objects.filter(session=session, quote__isnull=False)}
    out: list[Item] = []
    for rating in Rating.objects.filter(session=session, rater=None):
        for name in RATING_FIELDS:
            text = getattr(rating, name)
            if text.strip():
                out.append(Item(f"{name}:{rating.uuid}", rating.section_key, name, text,
                                 shared_of_rating.get((rating.id, name))))
    for quote in Quote.objects.filter(session=session).select_related("participant"):
        out.append(Item(f"quote:{quote.uuid}", quote.section_key, "quote", quote.text,
                        shared_of_quote.get(quote.id),
                        quote.participant.code if quote.participant else ""))
    order = {key: i for i, key in enumerate(session_section_keys(session))}
    fields = {name: i for i, name in enumerate((*RATING_FIELDS, "quote"))}
    out.sort(key=lambda item: (order.get(item.section_key, len(order)), fields[item.field]))
    return out


def session_section_keys(session: Session) -> list[str]:
    return [s.key for s in session_instrument(session).sections]


def may_mark(user, session: Session) -> bool:
    """Who decides what documents may quote: the session's coordinators and administrators at
    any time, its facilitators while they may capture."""
    return (scoping.can_manage_engagement(user, session.engagement)
            or scoping.can_capture(user, session))


def reads_internal(user, session: Session) -> bool:
    """Who reads what a session keeps internal: the people accountable for it — its
    facilitators and coordinators, and administrators. Programme managers (comparing
    countries) and viewers (ministry staff, partners) read only what was shared."""
    return scoping.scope_of(user).is_admin or scoping.has_capture_role(user, session)


def internal_sessions(user, sessions: QuerySet[Session]) -> set[int] | None:
    """Of `sessions`, the ids of those whose internal text the user reads (`reads_internal`);
    None: all of them."""
    if scoping.scope_of(user).is_admin:
        return None
    return set(access.internal_sessions(user).filter(pk__in=sessions.values("pk"))
               .values_list("pk", flat=True))


def shared_only(session: Session, ratings: Iterable[Rating],
                quotes: Iterable[Quote]) -> tuple[list[Rating], list[Quote]]:
    """Unsaved copies of the consensus ratings and quotes holding only what was shared: the
    shared wording of notes, evidence and dissent (empty where nothing was), and the shared
    quotes in their shared wording. Levels and confidence are unchanged."""
    texts = SharedText.objects.filter(session=session)
    by_rating = {(t.rating_id, t.field): t.text for t in texts if t.rating_id}
    by_quote = {t.quote_id: t.text for t in texts if t.quote_id}
    shown_ratings: list[Rating] = []
    for rating in ratings:
        shown = copy.copy(rating)
        for name in RATING_FIELDS:
            setattr(shown, name, by_rating.get((rating.id, name), ""))
        shown_ratings.append(shown)
    shown_quotes: list[Quote] = []
    for quote in quotes:
        if quote.id in by_quote:
            shown_quote = copy.copy(quote)
            shown_quote.text = by_quote[quote.id]
            shown_quotes.append(shown_quote)
    return shown_ratings, shown_quotes


def find(session: Session, key: str) -> Item:
    for item in items(session):
        if item.key == key:
            return item
    raise SharingError(_("This text is no longer in the session: it was deleted or emptied."),
                       "target")


@transaction.atomic
def state_of(item: Item) -> str:
    """A short token of what is decided for the text (internal, or the shared wording): a
    form carries it, so a decision made from a page opened before someone else's is
    refused instead of silently undoing theirs."""
    decided = item.shared.text if item.shared else "\0internal"
    return hashlib.sha256(decided.encode()).hexdigest()[:16]


def _check_seen(item: Item, seen: str | None) -> None:
    if seen is not None and seen != state_of(item):
        raise SharingError(_("Someone decided about this text after you opened the page; "
                             "what is decided now is shown. Look at it again."), "seen")


def share(user, session: Session, key: str, text: str, seen: str | None = None) -> SharedText:
    """Mark the text `key` names shareable in the wording `text` (the whole captured text, or
    the same with parts left out; each part left out is marked "…"). `seen`: the
    `state_of` the page showed, when the decision comes from a page."""
    item = find(session, key)
    _check_seen(item, seen)
    wording = normalised(text)
    if not words(wording):
        raise SharingError(_("Nothing is left to share: keep it internal instead."))
    extra = added_word(item.source, wording)
    if extra is not None:
        raise SharingError(_("The shared wording may only leave words out of what was "
                             "captured; “%(word)s” is not in it, or not in that order.")
                           % {"word": extra})
    wording = with_gaps_marked(item.source, wording)
    source = source_of(item)
    record = item.shared or SharedText(session=session, field=item.field)
    if isinstance(source, Quote):  # item.field == "quote"
        record.quote = source
    else:
        record.rating = source
    audited = f"shared_{item.field}"  # the history names the captured object and field
    before = {audited: item.shared.text if item.shared else None}
    record.text, record.source, record.marked_by = wording, item.source, user
    record.save()
    audit.record(user, "share", source, before, {audited: wording}, session=session)
    return record


def source_of(item: Item) -> Rating | Quote:
    model = Quote if item.field == "quote" else Rating
    return model.objects.get(uuid=item.key.split(":", 1)[1])


@transaction.atomic
def keep_internal(user, session: Session, key: str, seen: str | None = None) -> None:
    item = find(session, key)
    _check_seen(item, seen)
    if item.shared is None:
        return
    audited = f"shared_{item.field}"
    audit.record(user, "unshare", source_of(item), {audited: item.shared.text}, {audited: None},
                 session=session)
    item.shared.delete()


@dataclass
class Shared:
    """What a document may quote of one section of one session."""

    notes: str = ""
    evidence: str = ""
    dissent: str = ""
    quotes: list[tuple[str, str]] = field(default_factory=list)  # (participant code, text)


def for_sessions(session_ids: Iterable[int]) -> dict[tuple[int, str], Shared]:
    """The shared wording per (session id, section key), for documents."""
    out: dict[tuple[int, str], Shared] = defaultdict(Shared)
    rows = (SharedText.objects.filter(session_id__in=list(session_ids))
            .select_related("rating", "quote__participant").order_by("quote__created_at", "id"))
    for row in rows:
        if row.rating is not None:
            if row.rating.rater_id is None:
                setattr(out[(row.session_id, row.rating.section_key)], row.field, row.text)
        elif row.quote is not None:
            who = row.quote.participant.code if row.quote.participant else ""
            out[(row.session_id, row.quote.section_key)].quotes.append((who, row.text))
    return dict(out)
