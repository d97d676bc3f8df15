"""`govcap up` on an empty database: which password the demo users get."""

from io import StringIO

import pytest

from govcap.web.management.commands import up


@pytest.fixture
def demo_calls(monkeypatch):
    calls = []
    real = up.call_command

    def fake(name, *args, **kwargs):
        if name == "demo":
            calls.append(args)
        elif name != "serve":
            real(name, *args, **kwargs)

    monkeypatch.setattr(up, "call_command", fake)
    monkeypatch.setenv("GOVCAP_ADMIN_PASSWORD", "Admin-pass-for-tests-123")
    return calls


@pytest.mark.django_db
def test_the_demo_users_share_the_admins_password_by_default(demo_calls, monkeypatch):
    monkeypatch.delenv("GOVCAP_DEMO_PASSWORD", raising=False)
    out = StringIO()
    up.Command(stdout=out).handle(host="127.0.0.1", port=8000, no_demo=False, no_serve=True)
    assert demo_calls == [("--password", "Admin-pass-for-tests-123")]
    assert "use the same password" in out.getvalue()


@pytest.mark.django_db
def test_an_operators_own_demo_password_is_kept(demo_calls, monkeypatch):
    # the admin's password used to win: demo users set to log in with their own could not
    monkeypatch.setenv("GOVCAP_DEMO_PASSWORD", "Demo-pass-for-tests-123")
    out = StringIO()
    up.Command(stdout=out).handle(host="127.0.0.1", port=8000, no_demo=False, no_serve=True)
    assert demo_calls == [()]  # `govcap demo` reads GOVCAP_DEMO_PASSWORD itself
    assert "use $GOVCAP_DEMO_PASSWORD" in out.getvalue()
