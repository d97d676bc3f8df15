"""The results page in Arabic keeps a held figure on one line and its arrows pointing the way
the page reads (issue 15): "(n = 0)" broke inside the cell into "(= n" and "0)", and the
note comparing two rounds read "خط الأساس (2025) → المتابعة 1 (2026)"."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.utils import translation

from govcap.localise import LRI, PDI
from govcap.web.templatetags.govcap import reading_order

pytestmark = pytest.mark.django_db


def test_the_arabic_page_holds_each_formula_whole_on_one_line(programme):
    client = Client()
    client.force_login(programme.manager)
    page = client.get("/indicators/", HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    held = re.findall(r'<bdi dir="ltr" class="held">([^<]*)</bdi>', page)
    assert "n = 0" in held, held  # "لم يُحسب بعد (n = 0)": its formula one unbroken run
    left = [page[max(0, m.start() - 120):m.start() + 40] for m in re.finditer(LRI, page)]
    assert not left, left  # each isolate is an element, kept whole
    assert "→" not in page.split("<main", 1)[1]


def test_an_arrow_points_the_way_the_page_reads():
    note = f"خط الأساس (2025) → المتابعة 1 (2026) {LRI}n = 0{PDI}"
    with translation.override("ar"):
        shown = reading_order(note)
    assert shown == ('خط الأساس (2025) \u200f←\u200f المتابعة 1 (2026) '
                     '<bdi dir="ltr" class="held">n = 0</bdi>')
    with translation.override("fr"):
        assert reading_order("Base (2025) → Suivi (2026)") == "Base (2025) → Suivi (2026)"
    with translation.override("ar"):
        assert reading_order("<b>") == "&lt;b&gt;"
