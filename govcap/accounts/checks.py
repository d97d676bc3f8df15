"""Deploy checks of govcap's own security settings (`govcap check --deploy`)."""

from __future__ import annotations

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def security_settings(app_configs, **kwargs) -> list[Warning]:
    warnings = []
    if not getattr(settings, "GOVCAP_ADMIN_2FA", True):
        warnings.append(Warning(
            "Two-factor authentication is not required of administrators (GOVCAP_ADMIN_2FA=0).",
            hint="Unset GOVCAP_ADMIN_2FA in production.", id="govcap.W001"))
    if not getattr(settings, "AXES_ENABLED", True):
        warnings.append(Warning(
            "Login lockout is off (GOVCAP_LOGIN_LOCKOUT=0).",
            hint="Unset GOVCAP_LOGIN_LOCKOUT in production.", id="govcap.W002"))
    return warnings
