"""The engagement × section × level tally and its triggers (see govcap/analysis/tally.py)."""

from django.db import migrations


def install(apps, schema_editor):
    from govcap.analysis import tally  # when the migration runs, not when it is read

    tally.install(schema_editor.connection)
    tally.rebuild(schema_editor.connection)


def uninstall(apps, schema_editor):
    from govcap.analysis import tally  # when the migration runs, not when it is read

    tally.uninstall_triggers(schema_editor.connection)
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {tally.TABLE}")


class Migration(migrations.Migration):
    dependencies = [
        ("analysis", "0001_initial"),
        ("assessments", "0002_submission_imported_once"),
    ]

    operations = [migrations.RunPython(install, uninstall)]
