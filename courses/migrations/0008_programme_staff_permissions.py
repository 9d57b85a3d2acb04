"""프로그램 담당자 (city programme staff) may view, add and change every courses model; and delete sessions and certificates, as institution staff may."""

from django.db import migrations

from womenup.accounts.permissions import (
    PROGRAMME_STAFF_GROUP,
    all_models_permissions,
    group_permissions_grant,
)


def grant(apps, schema_editor):
    models = all_models_permissions(apps, "courses", ["view", "add", "change"])
    models["session"].append("delete")
    models["coursecertificate"].append("delete")
    group_permissions_grant(apps, group=PROGRAMME_STAFF_GROUP, permissions={"courses": models})


class Migration(migrations.Migration):
    dependencies = [("courses", "0007_enrollment_history"), ("womenup", "0013_staff_groups")]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
