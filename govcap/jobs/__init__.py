"""Background jobs: plan packs, programme-wide exports and large imports, run by a
django-tasks database worker, each recorded as a :class:`~govcap.jobs.models.Job` with its
progress, its result file and, when it fails, its error."""
