"""A stored push answer names the sessions it reports on, so a retry can be answered only
while the caller may still change them. Answers stored before: their sessions are found
from the records they report on."""

import uuid

from django.db import migrations, models


def _uuids(keys):
    for key in keys:
        try:
            yield uuid.UUID(str(key))
        except ValueError:
            continue


def sessions_of_stored_answers(apps, schema_editor):
    SyncBatch = apps.get_model("sync", "SyncBatch")
    Session = apps.get_model("assessments", "Session")
    kinds = [apps.get_model("assessments", name) for name in ("Participant", "Rating", "Quote")]
    for batch in SyncBatch.objects.all().iterator():
        keys = list(_uuids((batch.response or {}).get("outcomes", {})))
        found = {str(u) for u in Session.objects.filter(uuid__in=keys).values_list(
            "uuid", flat=True)}
        for model in kinds:
            found |= {str(u) for u in model.objects.filter(uuid__in=keys).values_list(
                "session__uuid", flat=True)}
        batch.sessions = sorted(found)
        batch.save(update_fields=["sessions"])


class Migration(migrations.Migration):

    dependencies = [
        ("sync", "0002_bind_push_answers_to_caller"),
        ("assessments", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="syncbatch",
            name="sessions",
            field=models.JSONField(default=list),
        ),
        migrations.RunPython(sessions_of_stored_answers, migrations.RunPython.noop),
    ]
