"""The "운영기관 담당자" group: the model permissions institution staff need in admin.

What each of them sees is narrowed to their own institution by courses/admin.py.
"""

from django.db import migrations

GROUP_NAME = "운영기관 담당자"
PERMISSIONS = {
    "institution": ["view"],
    "course": ["view", "add", "change"],
    "session": ["view", "add", "change", "delete"],
    "enrollment": ["view", "change"],
    "attendance": ["view", "add", "change"],
    "coursecertificate": ["view", "add", "change", "delete"],
    "followup": ["view", "change"],
}


def create_group(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    app_config = apps.get_app_config("courses")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP_NAME)
    codenames = [
        f"{action}_{model}" for model, actions in PERMISSIONS.items() for action in actions
    ]
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="courses", codename__in=codenames)
    )


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0003_course_details"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [migrations.RunPython(create_group, remove_group)]
