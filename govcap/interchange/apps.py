from django.apps import AppConfig


class InterchangeConfig(AppConfig):
    """Imports and exports; registers the job kinds that run them in the background."""

    name = "govcap.interchange"

    def ready(self) -> None:
        from govcap.interchange import exports  # models: the app registry is ready only now
        from govcap.interchange.export_job import run_results_export  # idem
        from govcap.interchange.import_job import run_submissions_import  # idem
        from govcap.jobs import kinds  # idem
        from govcap.jobs.models import Job  # idem

        kinds.register(Job.Kind.RESULTS_EXPORT, run_results_export, formats=exports.FORMATS)
        kinds.register(Job.Kind.SUBMISSIONS_IMPORT, run_submissions_import)
