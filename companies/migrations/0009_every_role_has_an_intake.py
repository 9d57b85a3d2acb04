"""Every role gets an intake, before 0010 drops the program column that duplicated it.

Applications are per intake, so the intake is what decides when a role can be chosen. A role
saved without one (possible before the intake became required) gets its program's latest
intake, or a closed one-day intake of that program dated the day the role was created, so no
role loses its program. Where the two columns disagreed, the intake wins.
"""

from django.db import migrations


def give_every_role_an_intake(apps, schema_editor):
    Role = apps.get_model("companies", "Role")
    IntakeWindow = apps.get_model("womenup", "IntakeWindow")
    for role in Role.objects.filter(intake__isnull=True).iterator():
        intake = IntakeWindow.objects.filter(program_id=role.program_id).order_by("-opens_on").first()
        if intake is None:
            day = role.created_at.date()
            intake = IntakeWindow.objects.create(
                program_id=role.program_id, label="이전 모집", opens_on=day, closes_on=day
            )
        role.intake = intake
        role.save(update_fields=["intake"])


class Migration(migrations.Migration):
    dependencies = [
        ("companies", "0008_placement_lifecycle_to_matching"),
        ("womenup", "0001_initial"),
    ]

    operations = [migrations.RunPython(give_every_role_an_intake, migrations.RunPython.noop)]
