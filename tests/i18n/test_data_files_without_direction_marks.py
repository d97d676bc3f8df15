"""No data file carries an invisible direction character (issue 15, fresh eyes): the Arabic
heatmap.csv held an organisation's name between U+2068 and U+2069, the XLSForm's Arabic
constraint message "(⁨P1⁩، ⁨P2⁩…)". The pages' sentences isolate a name written in another
direction; in a CSV, an XLSX's cells, an XLSForm or a JSON those marks are bytes a program
compares and counts, and the spreadsheet sets each cell's direction itself. Every download
of the authorization matrix (and each of its other formats) is read in Arabic."""

from __future__ import annotations

import io
import re
import zipfile

from django.conf import settings
from django.db import transaction

from tests.i18n.test_pseudo_crawl import address, personas, variants
from tests.security.authorization_matrix import MATRIX, Ctx
from tests.security.helpers import client_for
from tests.security.test_authorization_matrix import persona_user

MARKS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
DATA = {"text/csv": "csv", "application/json": "json",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx"}


def text_of(kind: str, body: bytes) -> str:
    if kind != "xlsx":
        return body.decode("utf-8-sig", "replace")
    with zipfile.ZipFile(io.BytesIO(body)) as book:  # every cell, sheet name and string
        return "\n".join(book.read(n).decode("utf-8", "replace") for n in book.namelist()
                         if n.endswith(".xml"))


def test_no_csv_xlsx_xlsform_or_json_download_carries_a_direction_mark_in_arabic(world):
    from govcap.planning.catalogues import ensure_default_catalogue

    ensure_default_catalogue()
    read: dict[str, str] = {}
    found: dict[str, list[str]] = {}
    for check in MATRIX:
        if check.method != "GET" or not personas(check) or not any(
                word in check.key for word in ("download", "export", "xlsform", "json")):
            continue
        who = personas(check)[0]
        with transaction.atomic():
            extra = check.setup(world) if check.setup else {}
            c = Ctx(w=world, who=who, user=persona_user(world, who), extra=extra)
            if check.prepare:
                check.prepare(c)
            client = client_for(c.user)
            client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ar"
            urls = [(check.label, address(check, c))]
            for variant in variants(check.key):
                more = Ctx(w=world, who=who, user=c.user, extra={
                    **extra, **(variant.prepare(c, client) if variant.prepare else {})})
                urls.append((f"{check.key} [{variant.name}]", address(check, more, variant)))
            for label, url in urls:
                url = url.replace("lang=en-xa", "lang=ar")
                response = client.get(url)
                kind = DATA.get(response.get("Content-Type", "").split(";")[0].strip())
                if response.status_code != 200 or kind is None:
                    continue
                body = (b"".join(response.streaming_content) if response.streaming
                        else response.content)
                text = text_of(kind, body)
                read[label] = kind
                marks = [text[max(0, m.start() - 30):m.end() + 30] for m in MARKS.finditer(text)]
                if marks:
                    found[label] = marks[:3]
            transaction.set_rollback(True)
    assert {"csv", "xlsx", "json"} <= set(read.values()), read
    assert any("xlsform" in label for label in read), read
    assert not found, found


def test_a_cell_leaves_out_the_marks_of_a_sentence_made_for_a_page():
    from govcap.cells import neutralise

    # the XLSForm's Arabic constraint message listed the codes as a page would isolate them
    assert neutralise("(\u2068P1\u2069، \u2068P2\u2069…)") == "(P1، P2…)"
    assert neutralise("\u2066=HYPERLINK(1)\u2069") == "'=HYPERLINK(1)"  # still made safe
