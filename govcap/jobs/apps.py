from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "govcap.jobs"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from govcap.jobs import signals  # noqa: F401  (connects its receivers, once apps load)
