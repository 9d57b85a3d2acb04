"""A role's program is its intake's (``Role.program`` is a property now): the intake is required
and the duplicate column goes. Reversible: going back refills the column from the intake."""

from django.db import migrations, models
from django.db.models import deletion


def program_from_intake(apps, schema_editor):
    Role = apps.get_model("companies", "Role")
    for role in Role.objects.select_related("intake").iterator():
        role.program_id = role.intake.program_id
        role.save(update_fields=["program"])


class Migration(migrations.Migration):
    dependencies = [
        ("companies", "0009_every_role_has_an_intake"),
        ("womenup", "0001_initial"),
    ]

    operations = [
        migrations.AlterField(
            model_name="role",
            name="intake",
            field=models.ForeignKey(
                help_text="지원자는 이 회차의 접수 기간에만 이 직무를 지망할 수 있습니다.",
                on_delete=deletion.PROTECT,
                related_name="roles",
                to="womenup.intakewindow",
                verbose_name="모집 회차",
            ),
        ),
        migrations.AlterField(
            model_name="role",
            name="program",
            field=models.ForeignKey(
                null=True,
                on_delete=deletion.PROTECT,
                related_name="roles",
                to="womenup.program",
                verbose_name="사업",
            ),
        ),
        migrations.RunPython(migrations.RunPython.noop, program_from_intake),
        migrations.RemoveField(model_name="role", name="program"),
    ]
