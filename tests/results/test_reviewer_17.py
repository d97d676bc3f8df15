"""What a fresh-eyes reviewer of the results found (issue 17, the loop): each test says
what a reader of the page or the documents sees."""

from __future__ import annotations

import datetime as dt
import io
import re

from django.urls import reverse
from django.utils import timezone

from govcap.delivery import services
from govcap.delivery.models import Delivery, FollowUp, LearningCheck
from govcap.results.core import indicators as ind
from govcap.results.document import level_3_sentence
from tests.security.helpers import client_for


def _l3(n: int, applied: int, supervisors: int = 0, supervisors_applied: int = 0):
    return ind.Indicator(
        ind.APPLICATION,
        ind.PERCENT,
        ind.percent(applied, n),
        n,
        applied,
        facts={"supervisors": supervisors, "supervisors_applied": supervisors_applied},
    )


def test_level_3_says_the_participants_figure_first_then_their_supervisors():
    assert level_3_sentence(_l3(1, 1, 1, 1)) == (
        "Level 3: 1 of 1 participant who answered says they apply what they learnt; "
        "1 of 1 supervisor who answered says so."
    )
    assert level_3_sentence(_l3(27, 22, 24, 18)) == (
        "Level 3: 22 of 27 participants who answered say they apply what they learnt; "
        "18 of 24 supervisors who answered say so."
    )


def test_level_3_without_supervisors_or_without_participants_says_which():
    assert level_3_sentence(_l3(4, 3)) == (
        "Level 3: 3 of 4 participants who answered say they apply what they learnt."
    )
    assert level_3_sentence(_l3(0, 0, 2, 1)) == (
        "Level 3: no participant has answered yet; 1 of 2 supervisors who answered say so."
    )


def _text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_the_results_page_says_the_participants_level_3_figure_first(programme):
    answered = timezone.make_aware(dt.datetime(2026, 10, 1, 10, 0))  # 4 months after it
    for who in ("participant", "supervisor"):
        FollowUp.objects.create(
            trainee=programme.trainee,
            respondent=who,
            due_date=dt.date(2026, 9, 1),
            close_date=dt.date(2026, 12, 1),
            applied="yes",
            answered_at=answered,
        )
    page = _text(client_for(programme.manager).get(reverse("indicators")).content.decode())
    assert (
        "Level 3: 1 of 1 participant who answered says they apply what they learnt; "
        "1 of 1 supervisor who answered says so."
    ) in page
    assert "of the supervisors who answered say the course was applied" not in page


def test_downloads_in_other_languages_do_not_share_the_english_file_name(programme):
    client = client_for(programme.manager)
    url = reverse("indicators-engagement-download", args=[programme.engagement.slug, "pdf"])
    names = {}
    for language in ("en", "fr", "ar"):
        disposition = client.get(url, {"lang": language})["Content-Disposition"]
        names[language] = re.search(r'filename="([^"]+)"', disposition).group(1)
    day = dt.date.today().isoformat()
    stem = f"results-{programme.engagement.slug}-{day}"
    assert names == {"en": f"{stem}.pdf", "fr": f"{stem}-fr.pdf", "ar": f"{stem}-ar.pdf"}
    workbook = client.get(reverse("indicators-download", args=["xlsx"]), {"lang": "fr"})[
        "Content-Disposition"
    ]
    assert f'filename="programme-results-{day}-fr.xlsx"' in workbook


def _workbook_rows(client, sheet: str) -> dict[str, dict[str, object]]:
    from openpyxl import load_workbook

    body = client.get(reverse("indicators-download", args=["xlsx"])).content
    ws = load_workbook(io.BytesIO(body))[sheet]
    rows = list(ws.iter_rows(values_only=True))
    header = list(rows[0])
    return {r[0]: dict(zip(header, r, strict=False)) for r in rows[1:]}


def test_the_workbook_says_which_courses_a_cost_is_of_and_gains_to_one_decimal(programme):
    second = services.create_delivery(
        programme.coordinator, programme.plan, programme.plan.data["cohorts"][1]["cohort_id"]
    )
    Delivery.objects.filter(pk=second.pk).update(
        status=Delivery.Status.IN_PROGRESS,
        start_date=dt.date(2026, 7, 1),
        end_date=dt.date(2026, 7, 2),
    )  # ran, no cost recorded yet
    for trainee, post in ((programme.trainee, 2), (programme.t2, 2), (programme.t3, 3)):
        for phase, correct in ((LearningCheck.Phase.PRE, 1), (LearningCheck.Phase.POST, post)):
            LearningCheck.objects.create(
                trainee=trainee,
                phase=phase,
                correct=correct,
                out_of=3,
                source="paper",
                answered_at=timezone.now(),
            )
    client = client_for(programme.manager)
    page = _text(client.get(reverse("indicators")).content.decode())
    assert "+44.4 points (n = 3)" in page
    rows = _workbook_rows(client, "Indicators")
    cost = next(r for name, r in rows.items() if name.startswith("Cost per participant"))
    assert cost["Notes"] == "cost recorded for 1 of the 2 courses that ran"
    gain = next(r for name, r in rows.items() if "learning gain" in name)
    assert gain["Actual"] == 44.4  # the page's figure, not 44.44


def test_the_iati_download_without_its_publisher_is_seen_to_be_off_with_its_reason(
    programme, settings
):
    settings.GOVCAP_IATI_REPORTING_ORG = ""
    html = client_for(programme.manager).get(reverse("indicators")).content.decode()
    button = re.search(r"<button[^>]*>IATI activity file \(XML\)</button>", html).group(0)
    # focusable (a screen reader reaches the reason), never submitting, styled as off
    assert 'aria-disabled="true"' in button and 'type="button"' in button
    assert " disabled" not in button.replace("aria-disabled", "")
    reason = html.split(button, 1)[1].split("</p>", 1)[0]
    assert 'id="iati-missing"' in reason and "GOVCAP_IATI_REPORTING_ORG" in reason
    assert "results/results.css" in html
    settings.GOVCAP_IATI_REPORTING_ORG = "XM-DAC-41114"
    html = client_for(programme.manager).get(reverse("indicators")).content.decode()
    assert "aria-disabled" not in html and "include demo data" in html
