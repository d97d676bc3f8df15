"""The jobs pages, mounted at /jobs/ by govcap/urls.py (which also mounts the buttons that
start a job there, from the apps that own the work)."""

from django.urls import path

from govcap.jobs import views

urlpatterns = [
    path("", views.jobs_page, name="jobs"),
    path("<int:pk>/", views.job_page, name="job"),
    path("<int:pk>/download/", views.job_download, name="job-download"),
    path("<int:pk>/cancel/", views.job_cancel, name="job-cancel"),
    path("<int:pk>/again/", views.job_again, name="job-again"),
]
