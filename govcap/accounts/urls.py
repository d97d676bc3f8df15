"""The account pages, mounted at /account/ by govcap/urls.py (a session's history, also
under /account/, is a session page: ``web/urls.py``)."""

from django.urls import path

from govcap.accounts.views import account, invitations, tokens, twofactor, users

urlpatterns = [
    path("", account.overview, name="account"),
    path("password/", account.PasswordChange.as_view(), name="account-password"),
    path("logout-everywhere/", account.logout_everywhere, name="logout-everywhere"),
    path("tokens/", tokens.token_list, name="api-tokens"),
    path("tokens/<uuid:uuid>/revoke/", tokens.token_revoke, name="api-token-revoke"),
    path("two-factor/", twofactor.overview, name="two-factor"),
    path("two-factor/setup/", twofactor.setup, name="two-factor-setup"),
    path("two-factor/verify/", twofactor.verify, name="two-factor-verify"),
    path("two-factor/recovery/", twofactor.recovery, name="two-factor-recovery"),
    path("two-factor/disable/", twofactor.disable, name="two-factor-disable"),
    path("invitations/", invitations.invitation_list, name="invitations"),
    path("invitations/<uuid:uuid>/revoke/", invitations.invitation_revoke,
         name="invitation-revoke"),
    path("invitation/<str:token>/", invitations.invitation_accept, name="invitation-accept"),
    path("users/", users.user_list, name="users"),
    path("users/<int:pk>/", users.user_action, name="user-action"),
]
