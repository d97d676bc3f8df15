"""A stale tab cannot undo a mark someone else wrote after the tab was opened, even when
that mark holds the value the tab showed (unticked and ticked again meanwhile): the grid
carries each mark's version, and the save refuses the untick by name."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from govcap.delivery import services
from govcap.delivery.core.attendance import Mark, changed_marks, mark_version
from govcap.delivery.models import Delivery
from tests.delivery.test_attendance_tabs import grid_form, stored
from tests.security.helpers import client_for


def test_an_untick_of_a_mark_rewritten_since_the_page_was_shown_is_refused(course):
    Delivery.objects.filter(pk=course.delivery.pk).update(start_date=dt.date(2025, 1, 6))
    services.record_attendance(course.coordinator, course.delivery, [Mark("T1", 1, True)])
    page_url = reverse("delivery", args=[course.delivery.uuid])
    save_url = reverse("delivery-attendance", args=[course.delivery.uuid])
    provider, coordinator = client_for(course.provider), client_for(course.coordinator)
    stale = provider.get(page_url).content.decode()  # T1 day 1 ticked
    # meanwhile the coordinator unticks and ticks it again: present, as the stale tab shows
    for untick in (True, False):
        tab = coordinator.get(page_url).content.decode()
        coordinator.post(save_url, grid_form(tab, untick=["T1:1"]) if untick
                         else grid_form(tab, tick=["T1:1"]))
    assert stored(course)[("T1", 1)] is True
    answer = provider.post(save_url, grid_form(stale, untick=["T1:1"]), follow=True)
    text = answer.content.decode()
    assert stored(course)[("T1", 1)] is True  # the coordinator's tick is kept
    assert "1 mark saved." not in text
    assert "T1 day 1 was changed by someone else since you opened this page" in text
    # a fresh page unticks it
    fresh = provider.get(page_url).content.decode()
    assert "1 mark saved." in provider.post(save_url, grid_form(fresh, untick=["T1:1"]),
                                            follow=True).content.decode()
    assert stored(course)[("T1", 1)] is False


def test_a_tick_is_always_kept_and_an_older_page_without_versions_is_read_by_value():
    at = mark_version(dt.datetime(2026, 1, 5, 9, 0, tzinfo=dt.UTC))
    later = mark_version(dt.datetime(2026, 1, 5, 9, 1, tzinfo=dt.UTC))
    shown = {("T1", 1): False, ("T2", 1): True}
    stored_now = {("T1", 1): False, ("T2", 1): True}
    versions_now = {("T1", 1): later, ("T2", 1): later}
    marks, conflicts = changed_marks(shown, {("T1", 1)}, stored_now,
                                     {("T1", 1): at, ("T2", 1): at}, versions_now)
    # T1 ticked: saved though rewritten since; T2 unticked: rewritten since, refused
    assert marks == [Mark("T1", 1, True)] and [c.code for c in conflicts] == ["T2"]
    marks, conflicts = changed_marks(shown, {("T1", 1)}, stored_now)
    assert marks == [Mark("T1", 1, True), Mark("T2", 1, False)] and not conflicts
