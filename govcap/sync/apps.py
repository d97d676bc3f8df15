from django.apps import AppConfig


class SyncConfig(AppConfig):
    name = "govcap.sync"
    default_auto_field = "django.db.models.BigAutoField"
