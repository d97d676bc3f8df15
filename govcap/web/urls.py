from django.urls import path

from govcap.accounts.views import account as account_views
from govcap.web import health
from govcap.web.views import (
    capture,
    conflicts,
    engagements,
    history,
    offline,
    section,
    sessions,
    sharing,
)
from govcap.web.views import participants as participant_views

urlpatterns = [
    path("", engagements.home, name="home"),
    # a session's audit trail, at its address of old under /account/
    path("account/history/<uuid:uuid>/", history.session_history, name="session-history"),
    path("account/history/<uuid:uuid>/csv/", history.session_history_csv,
         name="session-history-csv"),
    path("favicon.ico", engagements.favicon),
    path("healthz", health.healthz, name="healthz"),
    path("login/", account_views.Login.as_view(), name="login"),
    path("logout/", offline.LogoutView.as_view(), name="logout"),
    path("engagements/new/", engagements.engagement_new, name="engagement-new"),
    path("e/<slug:slug>/", engagements.engagement_detail, name="engagement"),
    path("e/<slug:slug>/edit/", engagements.engagement_edit, name="engagement-edit"),
    path("e/<slug:slug>/organisations/", engagements.engagement_add_organisation,
         name="engagement-add-organisation"),
    path("e/<slug:slug>/sessions/", engagements.engagement_add_session, name="engagement-add-session"),
    path("e/<slug:slug>/team/", engagements.engagement_add_member, name="engagement-add-member"),
    path("s/sw.js", offline.service_worker, name="service-worker"),
    path("s/offline/", offline.offline_page, name="offline-page"),
    path("s/<uuid:uuid>/", sessions.session_overview, name="session"),
    path("s/<uuid:uuid>/guide/", sessions.session_guide, name="session-guide"),
    path("s/<uuid:uuid>/consent/", sessions.session_consent, name="session-consent"),
    path("s/<uuid:uuid>/summary/", sessions.session_summary_page, name="session-summary"),
    path("s/<uuid:uuid>/workflow/<slug:action>/", sessions.session_transition, name="session-transition"),
    path("s/<uuid:uuid>/section/<slug:section_key>/", section.section_page, name="section"),
    path("s/<uuid:uuid>/conflicts/", conflicts.session_conflicts, name="session-conflicts"),
    path("s/<uuid:uuid>/sharing/", sharing.session_sharing, name="session-sharing"),
    path("s/<uuid:uuid>/conflicts.json", conflicts.session_conflicts_json,
         name="session-conflicts-json"),
    path("s/<uuid:uuid>/save/field/", capture.save_field_json, name="save-field"),
    path("s/<uuid:uuid>/save/quote/", capture.save_quote_json, name="save-quote"),
    path("s/<uuid:uuid>/save/consent/", capture.save_consent_json, name="save-consent"),
    path("s/<uuid:uuid>/save/participant/", participant_views.save_participant_json,
         name="save-participant"),
    path("s/<uuid:uuid>/participants/<uuid:participant>/remove/", participant_views.participant_remove,
         name="participant-remove"),
    path("s/<uuid:uuid>/participants/<uuid:participant>/undo/", participant_views.participant_undo,
         name="participant-undo"),
]
