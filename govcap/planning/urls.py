from django.urls import path

from govcap.planning import views, views_catalogue

urlpatterns = [
    path("catalogue/", views_catalogue.catalogue_page, name="plan-catalogue"),
    path("catalogue/<str:code>/", views_catalogue.module_page, name="plan-catalogue-module"),
    path("e/<slug:slug>/", views.plan_page, name="plan"),
    path("e/<slug:slug>/settings/", views.settings_page, name="plan-settings"),
    path("e/<slug:slug>/generate/", views.generate, name="plan-generate"),
    path("e/<slug:slug>/approve/<int:version>/", views.approve, name="plan-approve"),
    path("e/<slug:slug>/edit/<slug:kind>/", views.edit, name="plan-edit"),
    path("e/<slug:slug>/edits/<uuid:uuid>/withdraw/", views.withdraw, name="plan-edit-withdraw"),
    path("e/<slug:slug>/org/<uuid:org>/", views.organisation_page, name="plan-organisation"),
]
