"""Interchange pages, mounted at the root by govcap/urls.py."""

from django.urls import path

from govcap.interchange import upload_views, views

urlpatterns = [
    path("results/", views.results_page, name="results"),
    path("results/results.<str:fmt>", views.results_download, name="results-download"),
    path("results/dictionary.csv", views.results_dictionary, name="results-dictionary"),
    path("e/<slug:slug>/results/", views.results_page, name="engagement-results"),
    path("e/<slug:slug>/results/results.<str:fmt>", views.results_download,
         name="engagement-results-download"),
    path("e/<slug:slug>/xlsform.xlsx", views.xlsform_download, name="engagement-xlsform"),
    path("e/<slug:slug>/submissions/", upload_views.submissions_upload,
         name="submissions-upload"),
]
