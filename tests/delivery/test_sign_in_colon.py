"""A label's colon as the reader's language writes it (issue 15): the French sign-in sheet
read "Formation:", "Date:", "Lieu:" where French puts a narrow no-break space before the
colon, as every other page does through `{% colon %}`."""
from __future__ import annotations

import re
from pathlib import Path

from django.urls import reverse

from tests.security.helpers import client_for

TEMPLATES = Path(__file__).resolve().parents[2] / "govcap"


def test_the_french_sign_in_sheet_puts_a_no_break_space_before_each_colon(course):
    client = client_for(course.provider)
    client.cookies["django_language"] = "fr"
    text = client.get(reverse("delivery-sign-in", args=[course.delivery.uuid, 1])).content.decode()
    labels = re.findall(r"<strong>([^<]*)</strong>", text)
    assert len(labels) >= 6
    assert all(label.endswith("\u202f:") for label in labels), labels


def test_no_template_writes_a_colon_by_hand_after_a_translated_label():
    hand = [f"{path.relative_to(TEMPLATES)}:{n}"
            for path in TEMPLATES.rglob("*.html")
            for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
            if re.search(r'\{% translate "[^"]+" %\}:', line)]
    assert hand == []
