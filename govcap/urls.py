from django.urls import include, path

from govcap.web import bench_ceilings

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

urlpatterns += bench_ceilings.urlpatterns()  # only with GOVCAP_BENCH_CEILINGS=1 (bench/load.py)
