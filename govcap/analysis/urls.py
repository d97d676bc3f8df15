from django.urls import path

from govcap.analysis.views import coding, levels, raters, themes

DOWNLOAD = "download/<slug:name>.<str:ext>"

urlpatterns = [
    # levels
    path("", levels.programme, name="analysis-programme"),
    path(DOWNLOAD, levels.programme, name="analysis-programme-download"),
    path("country/<str:code>/", levels.country, name="analysis-country"),
    path(f"country/<str:code>/{DOWNLOAD}", levels.country, name="analysis-country-download"),
    path("e/<slug:slug>/", levels.engagement_levels, name="analysis-engagement"),
    path(f"e/<slug:slug>/{DOWNLOAD}", levels.engagement_levels,
         name="analysis-engagement-download"),
    path("o/<uuid:uuid>/", levels.organisation_profile, name="analysis-organisation"),
    path(f"o/<uuid:uuid>/{DOWNLOAD}", levels.organisation_profile,
         name="analysis-organisation-download"),
    # raters and votes
    path("e/<slug:slug>/agreement/", raters.agreement, name="analysis-agreement"),
    path(f"e/<slug:slug>/agreement/{DOWNLOAD}", raters.agreement,
         name="analysis-agreement-download"),
    path("e/<slug:slug>/votes/", raters.consensus, name="analysis-consensus"),
    path(f"e/<slug:slug>/votes/{DOWNLOAD}", raters.consensus,
         name="analysis-consensus-download"),
    path("s/<uuid:uuid>/my-rating/", raters.my_rating, name="analysis-my-rating"),
    path("s/<uuid:uuid>/votes/", raters.votes, name="analysis-votes"),
    # coding
    path("s/<uuid:uuid>/coding/", coding.session_coding, name="analysis-coding"),
    path("s/<uuid:uuid>/coding/apply/", coding.apply_codes, name="analysis-apply"),
    path("s/<uuid:uuid>/coding/suggest/", coding.suggest_session,
         name="analysis-suggest-session"),
    path("segments/<uuid:uuid>/remove/", coding.remove_segment, name="analysis-segment-remove"),
    path("suggestions/<uuid:uuid>/<slug:action>/", coding.decide, name="analysis-decide"),
    path("e/<slug:slug>/codebook/", coding.codebook, name="analysis-codebook"),
    path("e/<slug:slug>/codebook/suggest/", coding.suggest_engagement,
         name="analysis-suggest-engagement"),
    path("e/<slug:slug>/export/<str:fmt>", coding.export, name="analysis-export"),
    path("codes/<uuid:uuid>/edit/", coding.edit_code, name="analysis-code-edit"),
    path("codes/<uuid:uuid>/keywords/", coding.add_keyword, name="analysis-keyword-add"),
    path("keywords/<uuid:uuid>/remove/", coding.remove_keyword, name="analysis-keyword-remove"),
    # themes and search
    path("themes/", themes.themes, name="analysis-themes"),
    path(f"themes/{DOWNLOAD}", themes.themes, name="analysis-themes-download"),
    path("codes/<uuid:uuid>/", themes.code_detail, name="analysis-code"),
    path(f"codes/<uuid:uuid>/{DOWNLOAD}", themes.code_detail, name="analysis-code-download"),
    path("search/", themes.search, name="analysis-search"),
]
