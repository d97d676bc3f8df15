from django.urls import include, path

urlpatterns = [
    path("", include("govcap.web.urls")),
]
