"""The evaluation routes: under a delivery for its coordinators and trainers, and the short
``/q/<token>/`` a participant's phone opens from the QR code (no account)."""

from django.urls import path

from govcap.delivery import evaluation_views as views

urlpatterns = [
    path("q/<str:token>/", views.answer, name="evaluation-answer"),
    path("deliveries/follow-ups/", views.follow_ups, name="evaluation-follow-ups"),
    path("deliveries/<uuid:uuid>/evaluation/", views.evaluation_page,
         name="delivery-evaluation"),
    path("deliveries/<uuid:uuid>/evaluation/links/", views.open_link,
         name="evaluation-link-open"),
    path("deliveries/<uuid:uuid>/evaluation/links/<uuid:link>/", views.link_page,
         name="evaluation-link"),
    path("deliveries/<uuid:uuid>/evaluation/links/<uuid:link>/close/", views.close_link,
         name="evaluation-link-close"),
    path("deliveries/<uuid:uuid>/evaluation/paper/<slug:form>/", views.paper,
         name="evaluation-paper"),
    path("deliveries/<uuid:uuid>/evaluation/xlsform/<int:level>/", views.xlsform,
         name="evaluation-xlsform"),
    path("deliveries/<uuid:uuid>/evaluation/import/", views.import_answers,
         name="evaluation-import"),
    path("deliveries/<uuid:uuid>/supervisors/<str:code>/contact/", views.supervisor_contact,
         name="evaluation-supervisor-contact"),
    path("deliveries/<uuid:uuid>/follow-ups/<str:code>/<slug:respondent>/",
         views.answer_follow_up, name="evaluation-follow-up-answer"),
]
