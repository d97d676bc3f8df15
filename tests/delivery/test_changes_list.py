"""The delivery's Changes list says every change of the course, who made it and when, in
the reader's words: nominations, attendance saved or imported, completions, a nominee
removed with the marks that went with them — not only edits of the course's details."""

from __future__ import annotations

import re

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.security.helpers import client_for


def changes_of(page: str) -> list[str]:
    section = page[page.index("<h2>Changes</h2>"):]
    section = section[:section.index("</section>")]
    rows = re.findall(r"<tr>(.*?)</tr>", section, re.S)[1:]
    return [" | ".join(re.sub(r"<[^>]+>", "", cell).strip()
                       for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S))
            for row in rows]


def test_every_change_of_the_course_is_listed_with_who_and_what(course):
    uuid = course.delivery.uuid
    coordinator, provider = client_for(course.coordinator), client_for(course.provider)
    coordinator.post(reverse("delivery-nominate", args=[uuid]),
                     {"organisation": course.agency.pk, "gender": "male"})
    provider.post(reverse("delivery-attendance", args=[uuid]),
                  {"was-T1-1": "", "was-T2-1": "", "present": ["T1:1"]})
    coordinator.post(reverse("delivery-import", args=[uuid]), {"file": SimpleUploadedFile(
        "day2.csv", b"code,day,present\nT1,2,yes\nT2,2,yes\n")})
    t2 = course.delivery.trainees.get(code="T2")
    coordinator.post(reverse("delivery-remove-nominee", args=[uuid, t2.uuid]),
                     {"with_records": "on"})
    coordinator.post(reverse("delivery-completion", args=[uuid]),
                     {"trainee": str(course.trainee.uuid), "completion": "completed"})
    lines = changes_of(coordinator.get(reverse("delivery", args=[uuid])).content.decode())
    said = "\n".join(lines)
    who = {course.coordinator.username, course.provider.username}
    assert all(line.split(" | ")[1] in who for line in lines[:5]), said
    assert "Changed the completion of nominee T1 | completion: — → Completed" in said
    assert ("Removed nominee T2 | with its attendance marks (2) and evaluation answers (0)"
            in said)
    assert ("Imported attendance from a file | day2.csv: T1 day 2: present, T2 day 2: "
            "present") in said
    assert "Recorded attendance | T1 day 1: present, T2 day 1: absent" in said
    assert "Added nominee T2" in said and "Added nominee T1" in said
    assert said.index("Removed nominee T2") < said.index("Added nominee T2")  # newest first


def test_marking_a_text_for_quoting_does_not_say_whose_text_it_is(course):
    # The list read "text: reaction-59; trainee: T5 …; quotable: no → yes" beside the
    # nominations table that names T5.
    from django.utils import timezone

    from govcap.delivery.models import Reaction
    from govcap.results import review

    reaction = Reaction.objects.create(trainee=course.trainee, relevance=5,
                                       comment="Very practical.", answered_at=timezone.now())
    assert review.mark(course.coordinator, [f"l1-{reaction.pk}"], [f"l1-{reaction.pk}"]) == 1
    page = client_for(course.coordinator).get(reverse("delivery", args=[course.delivery.uuid]))
    lines = changes_of(page.content.decode())
    marked = [line for line in lines if "for the donor&#x27;s documents" in line]
    assert len(marked) == 1 and course.trainee.code not in marked[0]
    assert "reaction-" not in marked[0]
