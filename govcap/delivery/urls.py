from django.urls import path

from govcap.delivery import views

urlpatterns = [
    path("", views.my_deliveries, name="deliveries"),
    path("providers/", views.providers, name="delivery-providers"),
    path("e/<slug:slug>/", views.engagement_deliveries, name="deliveries-engagement"),
    path("e/<slug:slug>/create/", views.create_delivery, name="deliveries-create"),
    path("<uuid:uuid>/", views.delivery_page, name="delivery"),
    path("<uuid:uuid>/change/<slug:kind>/", views.change, name="delivery-change"),
    path("<uuid:uuid>/nominate/", views.nominate, name="delivery-nominate"),
    path("<uuid:uuid>/nominees/<uuid:trainee>/remove/", views.remove_nominee,
         name="delivery-remove-nominee"),
    path("<uuid:uuid>/attendance/", views.attendance, name="delivery-attendance"),
    path("<uuid:uuid>/completion/", views.completion, name="delivery-completion"),
    path("<uuid:uuid>/import/", views.import_attendance, name="delivery-import"),
    path("<uuid:uuid>/attendance-sheet.csv", views.attendance_template,
         name="delivery-attendance-template"),
    path("<uuid:uuid>/sign-in/", views.sign_in_sheet, name="delivery-sign-in-all"),
    path("<uuid:uuid>/sign-in/<int:day>/", views.sign_in_sheet, name="delivery-sign-in"),
]
