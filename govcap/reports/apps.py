from django.apps import AppConfig


class ReportsConfig(AppConfig):
    """Plan documents: the downloads, plan packs (a job kind registered here) and the
    ``govcap plan`` command."""

    name = "govcap.reports"
    verbose_name = "Plan documents"

    def ready(self) -> None:
        from govcap.jobs import kinds  # jobs' models: the app registry is ready only now
        from govcap.jobs.models import Job  # idem
        from govcap.reports import pack  # idem (it reads plans and engagements)

        kinds.register(Job.Kind.PLAN_PACK, pack.run_plan_pack, formats=pack.FORMATS)
