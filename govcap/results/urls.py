"""The results pages, mounted at /indicators/ (/results/ is the tidy ratings export of govcap.interchange) by govcap/urls.py."""

from django.urls import path

from govcap.results import views

urlpatterns = [
    path("", views.page, name="indicators"),
    path("download/<slug:fmt>/", views.download, name="indicators-download"),
    path("e/<slug:slug>/", views.page, name="indicators-engagement"),
    path("e/<slug:slug>/download/<slug:fmt>/", views.download,
         name="indicators-engagement-download"),
    path("words/", views.words, name="indicators-words"),
    path("iati/", views.iati_download, name="indicators-iati"),
    path("e/<slug:slug>/iati/", views.iati_download, name="indicators-engagement-iati"),
]
