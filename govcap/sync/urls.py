from django.urls import path

from govcap.sync import views

app_name = "sync"
urlpatterns = [
    path("push", views.push, name="push"),
    path("pull", views.pull, name="pull"),
]
