"""The staff groups (DESIGN.md §1) and the kernel's share of their permissions.

Each app's own migration grants 프로그램 담당자 the permissions on its models (the kernel names
no app); 운영기관 담당자 got its course permissions in courses/0004. 지급 승인자 hold the payment
ledger's approval permission and see its rows, nothing else.
"""

from django.db import migrations

from womenup.accounts.permissions import (
    AUDITOR_GROUP,
    PAYMENT_APPROVER_GROUP,
    PROGRAMME_STAFF_GROUP,
    STAFF_GROUPS,
    group_permissions_grant,
)

CATALOGUE = ["view", "add", "change"]
PROGRAMME_STAFF = {
    "womenup": {
        "city": CATALOGUE,
        "district": CATALOGUE,
        "jobcategory": CATALOGUE,
        "program": CATALOGUE,
        "intakewindow": CATALOGUE,
        "eligibilityrule": CATALOGUE,
        "livingwagerate": CATALOGUE,
        "outboxmessage": ["view"],
        "ledgerentry": ["view"],  # they see payments; 지급 승인자 approve them
        "user": ["view"],  # not change: a staff member cannot hand herself another group
    },
    "django_celery_beat": {
        "periodictask": ["view", "change"],
        "crontabschedule": ["view"],
        "intervalschedule": ["view"],
    },
}
PAYMENT_APPROVER = {"womenup": {"ledgerentry": ["view", "approve_payments"]}}
AUDITOR = {"womenup": {"personaldataaccess": ["view", "review_access_log"]}}


def create_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name in STAFF_GROUPS:
        Group.objects.get_or_create(name=name)
    group_permissions_grant(apps, group=PROGRAMME_STAFF_GROUP, permissions=PROGRAMME_STAFF)
    group_permissions_grant(apps, group=PAYMENT_APPROVER_GROUP, permissions=PAYMENT_APPROVER)
    group_permissions_grant(apps, group=AUDITOR_GROUP, permissions=AUDITOR)


def remove_groups(apps, schema_editor):
    names = [PROGRAMME_STAFF_GROUP, PAYMENT_APPROVER_GROUP, AUDITOR_GROUP]
    apps.get_model("auth", "Group").objects.filter(name__in=names).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("womenup", "0012_access_review_and_retention"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]
    operations = [migrations.RunPython(create_groups, remove_groups)]
