"""`govcap plan pack --language` (issue 15): the page's pack offers a language, the command
had none and packed each engagement in its own."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from govcap.jobs.models import Job

ARABIC = re.compile("[\u0600-\u06ff]")


def _xlsx_text(out) -> str:
    with zipfile.ZipFile(out) as pack:
        book = next(n for n in pack.namelist() if n.endswith(".xlsx"))
        with zipfile.ZipFile(io.BytesIO(pack.read(book))) as xlsx:
            return " ".join(
                xlsx.read(n).decode()
                for n in xlsx.namelist()
                if n.startswith("xl/") and n.endswith(".xml")
            )


def test_the_pack_is_written_in_the_language_asked(planned, tmp_path):
    out = tmp_path / "pack.zip"
    assert planned.engagement.language != "ar"
    call_command(
        "plan",
        "pack",
        planned.engagement.slug,
        "--formats",
        "xlsx",
        "--language",
        "ar",
        "--out",
        str(out),
        stdout=io.StringIO(),
    )
    assert Job.objects.get().params["language"] == "ar"
    assert ARABIC.search(_xlsx_text(out))


def test_a_language_the_documents_are_not_written_in_is_refused_by_name(planned, tmp_path):
    with pytest.raises(CommandError, match=r"--language 'xx'.*en, fr, ar, sw"):
        call_command(
            "plan",
            "pack",
            planned.engagement.slug,
            "--language",
            "xx",
            "--out",
            str(tmp_path / "p.zip"),
            stdout=io.StringIO(),
        )
    assert not Job.objects.exists()
