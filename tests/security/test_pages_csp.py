"""Every page sends the Content-Security-Policy and has no inline script or style."""

from __future__ import annotations

from django.db import transaction

from tests.security.authorization_matrix import MATRIX, PERSONAS, Ctx
from tests.security.helpers import client_for, inline_problems
from tests.security.test_authorization_matrix import url_of

PAGES = [c for c in MATRIX if c.method == "GET"]


def reader_of(check) -> str:
    for who in ("admin", "coordinator", "facilitator", "viewer", "anonymous"):
        if who in check.allowed:
            return who
    # a URL nobody reaches through the web session (sync: token only) is asked anonymously
    return next((p for p in PERSONAS if p in check.allowed), "anonymous")


def test_every_page_has_the_csp_and_no_inline_script_or_style(consented):
    problems: dict[str, list[str]] = {}
    pages = 0
    for check in PAGES:
        extra = {}
        with transaction.atomic():
            if check.setup:
                extra = check.setup(consented)
            who = reader_of(check)
            user = None if who == "anonymous" else getattr(consented, who)
            c = Ctx(w=consented, who=who, user=user, extra=extra)
            if check.prepare:
                check.prepare(c)
            response = client_for(user).get(url_of(check, c), follow=False)
            transaction.set_rollback(True)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        pages += 1
        csp = response.get("Content-Security-Policy", "")
        found = inline_problems(response.content.decode())
        if "script-src 'self'" not in csp or "style-src 'self'" not in csp:
            found.append(f"CSP header missing or weak: {csp!r}")
        if "'unsafe-inline'" in csp:
            found.append("CSP allows 'unsafe-inline'")
        if found:
            problems[check.label] = found
    assert pages >= 20
    assert not problems, problems


def test_the_inline_finder_catches_what_it_should():
    html = ('<script>alert(1)</script><script type="application/json">{}</script>'
            '<script src="/a.js"></script><style>p{}</style><p style="color:red" '
            'onclick="x()"><a href="javascript:x()">x</a></p>')
    found = inline_problems(html)
    assert len(found) == 5
    assert not any("json" in f for f in found)
