"""프로그램 담당자 (city programme staff) may view, add and change every companies model."""

from django.db import migrations

from womenup.accounts.permissions import (
    PROGRAMME_STAFF_GROUP,
    all_models_permissions,
    group_permissions_grant,
)


def grant(apps, schema_editor):
    models = all_models_permissions(apps, "companies", ["view", "add", "change"])
    group_permissions_grant(apps, group=PROGRAMME_STAFF_GROUP, permissions={"companies": models})


class Migration(migrations.Migration):
    dependencies = [("companies", "0012_company_and_role_history"), ("womenup", "0013_staff_groups")]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
