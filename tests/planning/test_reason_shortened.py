"""A need's reason shortened for its summary closes what it opened (issue 15, fresh eyes):
the Arabic "…الملاحظات: «Propos …" was cut after its invisible direction marks and its
closing quote, so the quotation never closed."""

from __future__ import annotations

from django.template import engines
from django.utils import translation
from django.utils.translation import pgettext

from govcap import localise

FSI, LRI, PDI = "\u2068", "\u2066", "\u2069"


def test_a_reason_cut_inside_its_quote_closes_the_quote_and_the_isolation():
    notes = ("Propos recueillis lors de l'atelier : pas de normes partagées entre les services, "
             "chacun suit ses propres habitudes et les données ne circulent pas entre eux")
    with translation.override("ar"):
        reason = "قُيّم المستوى. " + localise.labelled(
            "الملاحظات", f"{FSI}{localise.quote(notes)}{PDI}"
        )
        short = localise.shortened(reason, 40)
    # cut inside: the Latin text's own isolate, then the quotation, then its isolation close
    assert short.rsplit("…", 1)[1] == PDI + "»" + PDI, repr(short)
    assert short.count(FSI) + short.count(LRI) == short.count(PDI), repr(short)
    assert short.count("«") == short.count("»") == 1, repr(short)
    visible = [ch for ch in short if ch not in (FSI, LRI, PDI)]
    assert len(visible) <= len("قُيّم المستوى. الملاحظات: «") + 80 + 3  # 80 of the quotation at most


def test_a_quotation_cut_short_keeps_a_meaningful_excerpt_cut_between_words():
    """The plan page's summary of a reason ended "Notes : « Pr… »" (two letters of the note):
    a quotation cut short keeps 60 to 80 of its characters, cut between two words."""
    rated = "Évalué Basique par 3 participants (cible Modérée), confiance élevée, écarts notés. "
    notes = ("Propos recueillis lors de l'atelier : pas de normes partagées entre les services, "
             "chacun suit ses propres habitudes et les données ne circulent pas entre eux.")
    with translation.override("fr"):
        reason = rated + localise.labelled("Notes", localise.quote(notes))
        short = localise.shortened(reason, 110)
    excerpt = short.split("«\u00a0", 1)[1].removesuffix("…\u00a0»")
    assert 60 <= len(excerpt) <= 80, repr(short)
    assert notes.startswith(excerpt) and notes[len(excerpt)] == " ", repr(short)
    with translation.override("ar"):  # a cut just before the quotation: not "الملاحظات:…"
        label = "الملاحظات"
        reason = "قُيّم المستوى. " + localise.labelled(label, localise.quote(notes))
        short = localise.shortened(reason, reason.index(label) + len(label) + 2)
    assert len(short.split("«", 1)[1].removesuffix("…»").strip("\u2066\u2069")) >= 60, repr(short)
    with translation.override("fr"):  # a note not much longer than the excerpt: kept whole
        whole = rated + localise.labelled("Notes", localise.quote(notes[:90]))
        assert localise.shortened(whole, 110) == whole


def test_a_text_without_quotation_is_cut_between_two_words():
    text = "Needed before " + ", ".join(f"Module number {i}" for i in range(20))
    short = localise.shortened(text, 50)
    assert short.endswith("…") and text.startswith(short[:-1])
    assert text[len(short) - 1] == " ", repr(short)


def test_a_short_reason_is_kept_whole_and_the_page_filter_cuts_alike():
    with translation.override("fr"):
        assert localise.shortened("Court.", 110) == "Court."
        text = "Notes : " + localise.quote("x" * 200)
        page = engines["django"].from_string("{% load govcap %}{{ t|shortened:50 }}")
        said = page.render({"t": text})
        cut = pgettext("a long text cut short", "[continued]")
        assert said == localise.shortened(text, 50, mark=" " + cut)
    assert said.endswith(f"x {cut}\u00a0»") and "…" not in said, repr(said)


def test_the_page_cuts_a_reason_unlike_a_redaction():
    """"Needs by priority" cut its long reasons with "…", the mark of the words left out of
    a shared text (docs/facilitator-guide.md): a cut read as a redaction. A redaction inside
    the part shown keeps its "…"; the cut is said apart."""
    notes = ("Changes are announced by circular; … Reading: Basic — there is no common "
             "approach to change or change management across the ministry and its agencies.")
    text = "Rated Basic on 4. Change. " + localise.labelled("Notes", localise.quote(notes))
    said = engines["django"].from_string("{% load govcap %}{{ t|shortened:60 }}").render(
        {"t": text})
    assert said.count("…") == 1 and "circular; …" in said, repr(said)  # the redaction only
    assert said.endswith(" [continued]”"), repr(said)


def test_a_short_quotation_at_the_cut_does_not_stand_for_the_note():
    """The Arabic summary cut at the level's «متوسط» and kept 40 letters of the note after
    it: the note, the quotation cut, keeps 60 to 80 of its characters."""
    notes = ("Il n'existe pas de catalogue de services ; P3 indique que les demandes "
             "arrivent par téléphone, par WhatsApp ou dans les couloirs.")
    with translation.override("ar"):
        head = "المستوى في " + "خ" * 70 + ": «أساسي»، والهدف: "
        reason = head + "«متوسط» (درجة الثقة متوسطة). " + localise.labelled(
            "الملاحظات", localise.quote(notes))
        short = localise.shortened(reason, len(head) + 1)
    excerpt = short.rsplit("«", 1)[1].removesuffix("…\u2069»").strip("\u2066\u2069")
    assert 60 <= len(excerpt) <= 80 and notes.startswith(excerpt), repr(short)
