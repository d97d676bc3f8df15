"""Two-factor authentication: a TOTP app plus single-use recovery codes (django-otp).

Optional for everyone; required for administrators (GOVCAP_ADMIN_2FA): an administrator
without a confirmed device is sent to set one up before anything else.
"""

from __future__ import annotations

import base64
import functools
from io import BytesIO

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.db import connection, transaction
from django_otp import devices_for_user
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from govcap import plainsql
from govcap.accounts import audit, scoping

RECOVERY_CODES = 10


def is_required(user) -> bool:
    return bool(getattr(settings, "GOVCAP_ADMIN_2FA", True)) and scoping.scope_of(user).is_admin


def has_device(user) -> bool:
    """A confirmed authenticator app or recovery codes (the two device types govcap installs):
    asked on every request of a user not yet verified, so one query, not one per type."""
    if not getattr(user, "is_authenticated", False):
        return False
    with connection.cursor() as cursor:
        cursor.execute(_confirmed_device_sql(connection.vendor), [user.pk, True] * 2)
        return cursor.fetchone() is not None


@functools.cache
def _confirmed_device_sql(vendor: str) -> str:
    # Plain SQL, built once: this runs on every request (govcap.plainsql says why).
    return " UNION ALL ".join(
        f"SELECT 1 FROM {plainsql.table(model)} WHERE {plainsql.table(model, 'user')} = %s "
        f"AND {plainsql.table(model, 'confirmed')} = %s"
        for model in (TOTPDevice, StaticDevice)) + " LIMIT 1"


def pending_totp(user) -> TOTPDevice:
    """The user's unconfirmed authenticator-app device, created on first call."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)


def secret_text(device: TOTPDevice) -> str:
    """The TOTP secret in base32, as authenticator apps accept it typed in, in groups of 4."""
    secret = base64.b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(secret[i:i + 4] for i in range(0, len(secret), 4))


def qr_svg(device: TOTPDevice) -> str:
    """The otpauth:// link as an SVG QR code: a path with presentation attributes only."""
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage,
                        box_size=8)
    out = BytesIO()
    image.save(out)
    svg = out.getvalue().decode("utf-8")
    return svg[svg.index("<svg"):]


def confirm_totp(user, device: TOTPDevice, token: str) -> list[str] | None:
    """Confirm the device with a first code; returns fresh recovery codes, or None when the
    code is wrong."""
    token = "".join(token.split())
    if not token.isdigit() or not device.verify_token(token):
        return None
    with transaction.atomic():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()  # a replaced app
        codes = new_recovery_codes(user)
        audit.record(user, "enable_2fa", user, None, {"user": user.username})
    return codes


def new_recovery_codes(user) -> list[str]:
    """Replace the user's recovery codes with RECOVERY_CODES new ones (shown once)."""
    with transaction.atomic():
        device, _ = StaticDevice.objects.get_or_create(
            user=user, name="recovery", defaults={"confirmed": True})
        device.token_set.all().delete()
        codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
        StaticToken.objects.bulk_create(StaticToken(device=device, token=c) for c in codes)
    return codes


def recovery_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def verify(user, token: str):
    """The device that accepts this code, or None: six digits go to the authenticator app,
    anything else to the recovery codes (a recovery code is used up). Each device throttles
    its own repeated failures."""
    token = "".join((token or "").split()).lower()
    if not token or len(token) > 16:
        return None
    kind = TOTPDevice if token.isdigit() else StaticDevice
    with transaction.atomic():
        for device in kind.objects.filter(user=user, confirmed=True):
            if device.verify_token(token):
                return device
    return None


def remove_devices(actor, user) -> None:
    with transaction.atomic():
        for device in devices_for_user(user, confirmed=None):
            device.delete()
        audit.record(actor, "disable_2fa", user, None, {"user": user.username})
