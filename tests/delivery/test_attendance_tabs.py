"""Two pages of the same attendance grid (two tabs, two people): a save writes only the
boxes its user changed from what their page showed; a box someone else changed meanwhile
is theirs, named back, never overwritten (works without JavaScript: the page carries what
it showed of each cell)."""

from __future__ import annotations

import re

from django.urls import reverse

from govcap.delivery import services
from govcap.delivery.models import Attendance, Delivery
from tests.security.helpers import client_for


def grid_form(page: str, tick=(), untick=()) -> dict:
    """What the browser posts from the page's attendance form: its hidden fields, the boxes
    checked as shown, with ``tick`` checked and ``untick`` unchecked ("T3:2")."""
    form = page
    start = form.index("/attendance/")
    form = form[start:form.index("</form>", start)]
    data: dict = {}
    for name, value in re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form):
        data.setdefault(name, []).append(value)
    checked = set(re.findall(r'name="present" value="([^"]+)"[^>]*checked', form))
    data["present"] = sorted((checked | set(tick)) - set(untick))
    return data


def seven_over_three_days(course):
    for _ in range(6):
        services.nominate(course.coordinator, course.delivery, services.Nomination(
            organisation_id=course.ministry.pk))
    Delivery.objects.filter(pk=course.delivery.pk).update(days=3)
    return reverse("delivery", args=[course.delivery.uuid]), reverse(
        "delivery-attendance", args=[course.delivery.uuid])


def stored(course):
    return {(code, day): present for code, day, present in Attendance.objects.filter(
        trainee__delivery=course.delivery).values_list("trainee__code", "day", "present")}


def test_a_second_tab_saves_its_own_ticks_and_keeps_the_first_tabs(course):
    page_url, save_url = seven_over_three_days(course)
    a, b = client_for(course.provider), client_for(course.coordinator)
    tab_a, tab_b = a.get(page_url).content.decode(), b.get(page_url).content.decode()
    a.post(save_url, grid_form(tab_a, tick=[f"T{n}:1" for n in range(1, 7)]))
    answer = b.post(save_url, grid_form(tab_b, tick=["T7:1", "T1:2"]), follow=True)
    marks = stored(course)
    assert all(marks[(f"T{n}", 1)] is True for n in range(1, 7))  # A's six stay present
    assert marks[("T1", 2)] is True
    # B took day 2: its other boxes, not recorded before, are absent; day 3 is untouched
    assert [marks[(f"T{n}", 2)] for n in range(2, 8)] == [False] * 6
    assert not [key for key in marks if key[1] == 3]
    text = answer.content.decode()
    assert "8 marks saved." in text
    # A saved T7 absent on day 1 (unchecked on a day A took); B saw T7 in the room: present
    assert marks[("T7", 1)] is True
    assert "changed by someone else" not in text


def test_two_trainers_splitting_the_room_both_keep_their_ticks(course):
    # The first save recorded as absent everyone the first trainer did not tick; the
    # second trainer's ticks were then refused as "changed by someone else".
    page_url, save_url = seven_over_three_days(course)
    a, b = client_for(course.provider), client_for(course.coordinator)
    tab_a, tab_b = a.get(page_url).content.decode(), b.get(page_url).content.decode()
    a.post(save_url, grid_form(tab_a, tick=["T2:2"]))  # T1 day 2 saved absent
    answer = b.post(save_url, grid_form(tab_b, tick=["T1:2", "T3:1"]), follow=True)
    assert "changed by someone else" not in answer.content.decode()
    marks = stored(course)
    assert marks[("T1", 2)] is True and marks[("T3", 1)] is True
    assert marks[("T2", 2)] is True


def test_unticking_a_box_someone_else_changed_meanwhile_is_named_and_not_saved():
    from govcap.delivery.core.attendance import changed_marks

    # the page showed T1 present on day 2; someone cleared it since; the user unticks it
    marks, conflicts = changed_marks({("T1", 2): True, ("T2", 2): True}, {("T2", 2)},
                                     {("T1", 2): None, ("T2", 2): True})
    assert marks == [] and [(c.code, c.day, c.now) for c in conflicts] == [("T1", 2, None)]


def test_saving_the_page_as_shown_changes_nothing(course):
    page_url, save_url = seven_over_three_days(course)
    client = client_for(course.provider)
    client.post(save_url, grid_form(client.get(page_url).content.decode(), tick=["T1:1"]))
    before = stored(course)
    again = client.post(save_url, grid_form(client.get(page_url).content.decode()), follow=True)
    assert stored(course) == before
    assert "0 marks saved." in again.content.decode()
