from django.urls import include, path

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("govcap.web.urls")),
    path("account/", include("govcap.accounts.urls")),
    path("plans/", include("govcap.planning.urls")),
    path("analysis/", include("govcap.analysis.urls")),
    path("", include("govcap.interchange.urls")),
    path("api/", include("govcap.api.urls")),
    path("sync/", include("govcap.sync.urls")),
    path("jobs/", include("govcap.jobs.urls")),
]
