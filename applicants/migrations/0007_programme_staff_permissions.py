"""프로그램 담당자 (city programme staff) may view, add and change every applicants model but
allowance payments, which they only view: approving those is 지급 승인자's (payment approver)."""

from django.db import migrations

from womenup.accounts.permissions import (
    PAYMENT_APPROVER_GROUP,
    PROGRAMME_STAFF_GROUP,
    all_models_permissions,
    group_permissions_grant,
)


def grant(apps, schema_editor):
    models = all_models_permissions(apps, "applicants", ["view", "add", "change"])
    models["allowancepayment"] = ["view"]
    group_permissions_grant(apps, group=PROGRAMME_STAFF_GROUP, permissions={"applicants": models})
    group_permissions_grant(
        apps,
        group=PAYMENT_APPROVER_GROUP,
        permissions={"applicants": {"allowancepayment": ["view", "change"]}},
    )


class Migration(migrations.Migration):
    dependencies = [("applicants", "0006_typed_date_ranges"), ("womenup", "0010_staff_groups")]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
