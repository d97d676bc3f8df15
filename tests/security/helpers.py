"""Helpers of the security tests: logging in as a persona (administrators with two-factor
verified), and reading pages for inline script or style."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice


def verified_device(user) -> TOTPDevice:
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    return device or TOTPDevice.objects.create(user=user, name="test", confirmed=True)


def client_for(user, *, verify: bool = True) -> Client:
    """A test client logged in as the user; with a confirmed TOTP device and a verified
    session when the user has one or `verify` asks for it (administrators)."""
    client = Client()
    if user is None:
        return client
    client.force_login(user)
    if verify and (user.is_superuser or user.roles.filter(role="administrator").exists()):
        device = verified_device(user)
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return client


class InlineFinder(HTMLParser):
    """Collects inline <script> (without src, other than JSON data blocks), <style>
    elements, style= attributes and on*= event handler attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = {name.lower(): value for name, value in attrs}
        if tag == "script" and "src" not in names and (names.get("type") or "").lower() not in (
                "application/json", "application/ld+json"):
            self.problems.append(f"inline <script> {self.getpos()}")
        if tag == "style":
            self.problems.append(f"<style> element {self.getpos()}")
        for name in names:
            if name == "style":
                self.problems.append(f"style= on <{tag}> {self.getpos()}")
            if re.fullmatch(r"on[a-z]+", name):
                self.problems.append(f"{name}= handler on <{tag}> {self.getpos()}")
        if tag == "a" and (names.get("href") or "").strip().lower().startswith("javascript:"):
            self.problems.append(f"javascript: link {self.getpos()}")


def inline_problems(html: str) -> list[str]:
    finder = InlineFinder()
    finder.feed(html)
    return finder.problems
