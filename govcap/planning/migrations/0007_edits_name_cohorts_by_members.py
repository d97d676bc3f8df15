"""Edits that name a course (move a course, move an organisation into a course) record the
organisations in it, so that they keep hitting that course when cohorts renumber.

Existing edits named the course by its number only. Each gets the organisations of the
course that number is in the newest plan version its edit was replayed in (the course the
edit moves there, so the plan keeps saying what it says now). An edit whose course is in
no version is left naming it by number, as before.
"""

import json

from django.db import migrations

KINDS = {"move-cohort": ("cohort_id", "members"), "move-member": ("to_cohort_id", "to_members")}


def _cohorts(plan):
    return {c["cohort_id"]: c for c in json.loads(plan.data_json).get("cohorts", [])}


def record_members(apps, schema_editor):
    Plan = apps.get_model("planning", "Plan")
    PlanEdit = apps.get_model("planning", "PlanEdit")
    plans = {}
    for edit in PlanEdit.objects.filter(kind__in=KINDS).order_by("engagement_id", "seq"):
        key, field = KINDS[edit.kind]
        operation = dict(edit.operation)
        if operation.get(field) or not operation.get(key):
            continue
        if edit.engagement_id not in plans:
            plans[edit.engagement_id] = list(Plan.objects.filter(
                engagement_id=edit.engagement_id).order_by("-version"))
        versions = plans[edit.engagement_id]
        # the version it was last replayed in first, then the newest down
        versions = ([p for p in versions if p.version == edit.last_plan_version]
                    + [p for p in versions if p.version != edit.last_plan_version])
        for plan in versions:
            cohort = _cohorts(plan).get(operation[key])
            if cohort is not None:
                members = [m["org_id"] for m in cohort.get("members", [])
                           if m["org_id"] != operation.get("org_id")]
                if members:
                    operation[field] = members
                    edit.operation = operation
                    edit.save(update_fields=["operation"])
                break


def forget_members(apps, schema_editor):
    PlanEdit = apps.get_model("planning", "PlanEdit")
    for edit in PlanEdit.objects.filter(kind__in=KINDS):
        _key, field = KINDS[edit.kind]
        if field in edit.operation:
            edit.operation = {k: v for k, v in edit.operation.items() if k != field}
            edit.save(update_fields=["operation"])


class Migration(migrations.Migration):

    dependencies = [
        ("planning", "0006_plan_lead_weeks"),
    ]

    operations = [
        migrations.RunPython(record_members, forget_members),
    ]
