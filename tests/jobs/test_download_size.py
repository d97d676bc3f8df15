"""A finished job's download size is written as the rest of the page writes numbers: the
Arabic job page read "2,9 م.ب" (Django's Arabic decimal comma) where its tables read 0.57
and 197,004.50."""

from __future__ import annotations

import pytest
from django.template import engines
from django.template.loader import render_to_string
from django.utils import translation

from govcap import localise
from govcap.jobs.models import Job


@pytest.mark.parametrize(("language", "size", "said"), [
    ("ar", 3_000_000, "2.9\u00a0م.ب"),
    ("en", 3_000_000, "2.9\u00a0MB"),
    ("fr", 3_000_000, "2,9\u00a0Mio"),
    ("en", 500, "500\u00a0bytes"),
])
def test_the_size_is_written_with_the_pages_numbers(language, size, said):
    template = engines["django"].from_string("{% load govcap %}{{ size|file_size }}")
    with translation.override(language):
        shown = template.render({"size": size})
        assert localise.number(2.9) in shown or size < 1024
    assert shown == said


def test_the_arabic_job_page_says_its_size_with_a_decimal_point():
    job = Job(pk=7, kind=Job.Kind.PLAN_PACK, status=Job.Status.SUCCEEDED, result_path="7/pack.zip",
              result_name="pack.zip", result_size=3_000_000)
    with translation.override("ar"):
        page = render_to_string("jobs/_job.html", {"job": job})
    assert "(2.9\u00a0م.ب)" in page and "2,9" not in page
