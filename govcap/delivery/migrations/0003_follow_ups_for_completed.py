"""Follow-ups are now created when completion is written (``services.set_completion``), no
longer when the evaluation is read: trainees completed before that get theirs here, once."""

from django.db import migrations

from govcap.delivery.core import evaluation as rules


def create_follow_ups(apps, schema_editor):
    Delivery = apps.get_model("delivery", "Delivery")
    FollowUp = apps.get_model("delivery", "FollowUp")
    Trainee = apps.get_model("delivery", "Trainee")
    new = []
    deliveries = (Delivery.objects.exclude(end_date=None)
                  .exclude(status__in=("cancelled", "merged")))
    for delivery in deliveries.iterator():
        due, close = rules.follow_up_dates(delivery.end_date)
        have = set(FollowUp.objects.filter(trainee__delivery=delivery)
                   .values_list("trainee_id", "respondent"))
        for pk in Trainee.objects.filter(delivery=delivery, completion="completed").values_list(
                "pk", flat=True):
            new += [FollowUp(trainee_id=pk, respondent=who, due_date=due, close_date=close)
                    for who in rules.RESPONDENTS if (pk, who) not in have]
    FollowUp.objects.bulk_create(new, ignore_conflicts=True, batch_size=500)


class Migration(migrations.Migration):

    dependencies = [("delivery", "0002_evaluation")]

    operations = [migrations.RunPython(create_follow_ups, migrations.RunPython.noop)]
