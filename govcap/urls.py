from django.urls import include, path

from govcap.accounts.views import account as account_views
from govcap.interchange import views as interchange_views
from govcap.reports import urls as reports_urls
from govcap.web import bench_ceilings

urlpatterns = [
    # Django's switcher (django.conf.urls.i18n), which also keeps a logged-in person's choice
    path("i18n/setlang/", account_views.set_language, name="set_language"),
    path("", include("govcap.web.urls")),
    path("account/", include("govcap.accounts.urls")),
    path("plans/", include("govcap.planning.urls")),
    path("plans/", include(reports_urls.urlpatterns)),
    path("analysis/", include("govcap.analysis.urls")),
    path("deliveries/", include("govcap.delivery.urls")),
    path("indicators/", include("govcap.results.urls")),
    path("", include("govcap.delivery.evaluation_urls")),  # evaluation, and /q/<token>/
    path("", include("govcap.interchange.urls")),
    path("api/", include("govcap.api.urls")),
    path("sync/", include("govcap.sync.urls")),
    path("jobs/", include("govcap.jobs.urls")),
    path("jobs/", include(reports_urls.job_urlpatterns)),
    path("jobs/start/results-export/", interchange_views.start_results_export,
         name="job-start-results-export"),
]

urlpatterns += bench_ceilings.urlpatterns()  # only with GOVCAP_BENCH_CEILINGS=1 (bench/load.py)
