"""프로그램 담당자 may view, add (import) and change past participations too."""

from django.db import migrations

from womenup.accounts.permissions import PROGRAMME_STAFF_GROUP, group_permissions_grant


def grant(apps, schema_editor):
    group_permissions_grant(
        apps,
        group=PROGRAMME_STAFF_GROUP,
        permissions={"applicants": {"participationrecord": ["view", "add", "change"]}},
    )


class Migration(migrations.Migration):
    dependencies = [("applicants", "0010_participation_history_and_priority")]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
