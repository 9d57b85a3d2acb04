"""프로그램 담당자 (city programme staff) may view, add and change every applicants model.

Payments are the payment ledger's (womenup.LedgerEntry): approving them is 지급 승인자's.
"""

from django.db import migrations

from womenup.accounts.permissions import PROGRAMME_STAFF_GROUP, all_models_permissions, group_permissions_grant


def grant(apps, schema_editor):
    models = all_models_permissions(apps, "applicants", ["view", "add", "change"])
    group_permissions_grant(apps, group=PROGRAMME_STAFF_GROUP, permissions={"applicants": models})


class Migration(migrations.Migration):
    dependencies = [
        ("applicants", "0007_allowance_payments_into_ledger"),
        ("womenup", "0013_staff_groups"),
    ]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
