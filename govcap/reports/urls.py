"""The plan documents' pages: the download, mounted at /plans/ by govcap/urls.py beside the
plan pages; the plan pack's start button, mounted at /jobs/."""

from django.urls import path

from govcap.reports import views

urlpatterns = [
    path("e/<slug:slug>/download/<slug:fmt>/", views.download, name="plan-download"),
    path("programme/download/<slug:fmt>/", views.programme_download,
         name="programme-plan-download"),
]

job_urlpatterns = [
    path("start/plan-pack/", views.start_plan_pack, name="job-start-plan-pack"),
]
