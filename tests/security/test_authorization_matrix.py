"""Every URL of govcap, as every persona: allowed or refused as the matrix says."""

from __future__ import annotations

import pytest
from django.db import transaction

from tests.security.authorization_matrix import MATRIX, PERSONAS, Check, Ctx, encode
from tests.security.helpers import client_for
from tests.security.routes import all_routes

LOGIN = "/login/"


def test_every_url_pattern_has_a_row_in_the_matrix():
    routes = set(all_routes())
    rows = {check.key for check in MATRIX}
    assert not routes - rows, (
        "URL patterns without a row in tests/security/authorization_matrix.py: "
        f"{sorted(routes - rows)}")
    assert not rows - routes, f"rows for URL patterns that no longer exist: {sorted(rows - routes)}"


def persona_user(world, who: str):
    return None if who == "anonymous" else getattr(world, who)


def url_of(check: Check, c: Ctx) -> str:
    from django.urls import NoReverseMatch, reverse

    kwargs = check.args(c)
    try:
        return reverse(check.key, kwargs=kwargs) + check.query
    except NoReverseMatch:
        if kwargs:
            raise
        return "/" + check.key + check.query  # an unnamed pattern without parameters


def outcome(check: Check, world, who: str, extra: dict) -> tuple[int, str, bool | None]:
    user = persona_user(world, who)
    c = Ctx(w=world, who=who, user=user, extra=extra)
    with transaction.atomic():
        if check.prepare:
            check.prepare(c)
        url = url_of(check, c)
        client = client_for(user)
        response = getattr(client, check.method.lower())(url, **encode(check, c))
        effect = check.effect(c) if check.effect else None
        transaction.set_rollback(True)
    return response.status_code, response.get("Location", ""), effect


def judge(check: Check, who: str, status: int, location: str, effect: bool | None) -> str | None:
    """What is wrong with this outcome, or None."""
    if status >= 500:
        return f"server error {status}"
    to_login = status == 302 and location.startswith(LOGIN) and not check.ends_at_login
    if who in check.allowed:
        if status in (401, 403, 404, 405) or to_login:
            return f"refused ({status} {location})"
        if "/two-factor/verify/" in location or "/two-factor/setup/" in location:
            return f"sent to two-factor ({location})"
        if effect is False:
            return f"answered {status} but the change did not happen"
        return None
    if who == "anonymous":
        return None if (to_login or status in (401, 403, 404)) and not effect else (
            f"anonymous got {status} {location}, effect {effect}")
    if status in (403, 404) and not effect:
        return None
    if check.effect is not None and not effect and status in (200, 302):
        return None  # refused with a message; nothing happened
    return f"let through ({status} {location}, effect {effect})"


@pytest.mark.parametrize("check", MATRIX, ids=[c.label for c in MATRIX])
def test_route(check: Check, world):
    extra = check.setup(world) if check.setup else {}
    problems = []
    for who in PERSONAS:
        status, location, effect = outcome(check, world, who, extra)
        problem = judge(check, who, status, location, effect)
        if problem:
            problems.append(f"{who}: {problem}")
    assert not problems, f"{check.label}: " + "; ".join(problems)
