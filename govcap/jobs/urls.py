"""The jobs pages, mounted at /jobs/ by govcap/urls.py."""

from django.urls import path

from govcap.jobs import views

urlpatterns = [
    path("", views.jobs_page, name="jobs"),
    path("<int:pk>/", views.job_page, name="job"),
    path("<int:pk>/download/", views.job_download, name="job-download"),
    path("<int:pk>/cancel/", views.job_cancel, name="job-cancel"),
    path("<int:pk>/again/", views.job_again, name="job-again"),
    path("start/plan-pack/", views.start_plan_pack, name="job-start-plan-pack"),
    path("start/results-export/", views.start_results_export,
         name="job-start-results-export"),
]
