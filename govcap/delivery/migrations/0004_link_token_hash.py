"""Evaluation links keep a SHA-256 of their token, no longer the token itself
(``govcap.delivery.link_tokens`` says why). Links already open keep working: their token's
hash is stored; only their QR code cannot be shown again (open a new link)."""

import hashlib

from django.db import migrations, models


def hash_tokens(apps, schema_editor):
    EvaluationLink = apps.get_model("delivery", "EvaluationLink")
    for link in EvaluationLink.objects.only("pk", "token").iterator():
        EvaluationLink.objects.filter(pk=link.pk).update(
            token_hash=hashlib.sha256(link.token.encode("utf-8")).hexdigest())


class Migration(migrations.Migration):

    dependencies = [("delivery", "0003_follow_ups_for_completed")]

    operations = [
        migrations.AddField(model_name="evaluationlink", name="token_hash",
                            field=models.CharField(max_length=64, null=True)),
        migrations.RunPython(hash_tokens),  # the tokens are gone: no way back
        migrations.RemoveField(model_name="evaluationlink", name="token"),
        migrations.AlterField(model_name="evaluationlink", name="token_hash",
                              field=models.CharField(max_length=64, unique=True)),
    ]
