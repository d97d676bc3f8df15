from django.apps import AppConfig
from django.db.models.signals import post_migrate


class AnalysisConfig(AppConfig):
    name = "govcap.analysis"
    label = "analysis"
    verbose_name = "Analysis"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from govcap.analysis import tally  # it reads models: not before the registry is ready

        # A later migration that rebuilds the ratings or sessions table (SQLite does that
        # for most changes) drops the table's triggers: put them back after every migrate.
        post_migrate.connect(tally.after_migrate, sender=self,
                             dispatch_uid="govcap.analysis.tally")
