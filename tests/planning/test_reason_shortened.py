"""A need's reason shortened for its summary closes what it opened (issue 15, fresh eyes):
the Arabic "…الملاحظات: «Propos …" was cut after its invisible direction marks and its
closing quote, so the quotation never closed."""

from __future__ import annotations

from django.template import engines
from django.utils import translation

from govcap import localise

FSI, LRI, PDI = "\u2068", "\u2066", "\u2069"


def test_a_reason_cut_inside_its_quote_closes_the_quote_and_the_isolation():
    notes = "Propos recueillis lors de l'atelier : pas de normes partagées entre les services"
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
    assert len(visible) <= 40 + 1


def test_a_short_reason_is_kept_whole_and_the_page_filter_cuts_alike():
    with translation.override("fr"):
        assert localise.shortened("Court.", 110) == "Court."
        text = "Notes : " + localise.quote("x" * 200)
        page = engines["django"].from_string("{% load govcap %}{{ t|shortened:50 }}")
        said = page.render({"t": text})
        assert said == localise.shortened(text, 50)
    assert said.endswith("…\u00a0»"), repr(said)
