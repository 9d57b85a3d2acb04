"""프로그램 담당자 (city programme staff) may view, add and change every matching model."""

from django.db import migrations

from womenup.accounts.permissions import (
    PROGRAMME_STAFF_GROUP,
    all_models_permissions,
    group_permissions_grant,
)


def grant(apps, schema_editor):
    models = all_models_permissions(apps, "matching", ["view", "add", "change"])
    group_permissions_grant(apps, group=PROGRAMME_STAFF_GROUP, permissions={"matching": models})


class Migration(migrations.Migration):
    dependencies = [("matching", "0014_wage_support_schedule"), ("womenup", "0013_staff_groups")]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
