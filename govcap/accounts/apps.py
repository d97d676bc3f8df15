from __future__ import annotations

from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "govcap.accounts"
    label = "accounts"
    verbose_name = "Accounts, roles and audit"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in, user_logged_out

        from govcap.accounts import checks, logins  # noqa: F401  (registers the checks)

        user_logged_in.connect(logins.remember_login, dispatch_uid="govcap-remember-login")
        user_logged_out.connect(logins.forget_login, dispatch_uid="govcap-forget-login")
