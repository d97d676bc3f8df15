"""Two-factor authentication: optional for everyone, required for administrators."""

from __future__ import annotations

import re

from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from govcap.accounts.models import AuditEvent


def code_for(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def logged_in(username: str) -> Client:
    client = Client()
    assert client.post("/login/", {"username": username,
                                   "password": "pw-for-tests-1"}).status_code == 302
    return client


def test_an_administrator_without_a_device_is_sent_to_set_one_up(world):
    client = logged_in("admin-user")
    response = client.get(reverse("engagement-new"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("two-factor-setup"))
    assert client.post(reverse("engagement-new"), {}).status_code == 403
    page = client.get(response["Location"]).content.decode()
    assert "<svg" in page and 'id="totp-secret"' in page and "style=" not in page


def test_setting_up_shows_recovery_codes_once_and_lets_the_administrator_in(world):
    client = logged_in("admin-user")
    client.get(reverse("two-factor-setup"))
    device = TOTPDevice.objects.get(user=world.admin)
    wrong = client.post(reverse("two-factor-setup"), {"code": "000000"})
    assert "not right" in wrong.content.decode()
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_count=0)  # time passes
    page = client.post(reverse("two-factor-setup"), {"code": code_for(device), "next": "/"})
    codes = re.findall(r"<li><code>([a-z0-9]+)</code></li>", page.content.decode())
    assert len(codes) == 10
    assert client.get(reverse("engagement-new")).status_code == 200
    assert AuditEvent.objects.filter(action="enable_2fa").exists()


def test_with_a_device_the_code_is_asked_after_the_password(world):
    device = TOTPDevice.objects.create(user=world.facilitator, name="phone", confirmed=True)
    client = logged_in("facilitator")
    response = client.get(reverse("home"))
    assert response["Location"].startswith(reverse("two-factor-verify"))
    client.post(reverse("two-factor-verify"), {"code": "123456"})
    assert client.get(reverse("home")).status_code == 302
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_count=0)  # time passes
    ok = client.post(reverse("two-factor-verify"), {"code": code_for(device), "next": "/"})
    assert ok.status_code == 302 and ok["Location"] == "/"
    assert client.get(reverse("home")).status_code == 200


def test_a_recovery_code_works_once(world):
    TOTPDevice.objects.create(user=world.viewer, name="phone", confirmed=True)
    from govcap.accounts.twofactor import new_recovery_codes

    code = new_recovery_codes(world.viewer)[0]
    client = logged_in("viewer")
    assert client.post(reverse("two-factor-verify"), {"code": code}).status_code == 302
    assert client.get(reverse("home")).status_code == 200
    assert not StaticToken.objects.filter(token=code).exists()
    other = logged_in("viewer")
    other.post(reverse("two-factor-verify"), {"code": code})
    assert other.get(reverse("home")).status_code == 302


def test_the_next_address_cannot_leave_the_site(world):
    device = TOTPDevice.objects.create(user=world.viewer, name="phone", confirmed=True)
    client = logged_in("viewer")
    response = client.post(reverse("two-factor-verify"),
                           {"code": code_for(device), "next": "https://evil.example/"})
    assert response["Location"] == "/"


def test_others_may_turn_it_off_but_administrators_may_not(world):
    from tests.security.helpers import client_for

    TOTPDevice.objects.create(user=world.viewer, name="phone", confirmed=True)
    viewer = client_for(world.viewer)
    from django_otp import DEVICE_ID_SESSION_KEY

    session = viewer.session
    session[DEVICE_ID_SESSION_KEY] = TOTPDevice.objects.get(user=world.viewer).persistent_id
    session.save()
    viewer.post(reverse("two-factor-disable"))
    assert not TOTPDevice.objects.filter(user=world.viewer).exists()
    admin = client_for(world.admin)
    admin.post(reverse("two-factor-disable"))
    assert TOTPDevice.objects.filter(user=world.admin, confirmed=True).exists()


def test_two_factor_is_optional_for_others(world):
    assert logged_in("coordinator").get(reverse("home")).status_code == 200
