from django.apps import AppConfig


class PlanningConfig(AppConfig):
    name = "govcap.planning"

    def ready(self) -> None:
        # Both read models: not before the app registry is ready.
        from govcap.analysis import targets
        from govcap.planning.inputs_db import engagement_targets

        targets.read_with(engagement_targets)  # analysis shows the gaps to these targets
