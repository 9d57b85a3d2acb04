"""Activity-report evidence becomes a PrivateUpload (womenup.privacy.private_files): the columns are
renamed (stored files and their paths stay), type, size and upload time are filled in."""

import django.utils.timezone
from django.db import migrations, models

import womenup.privacy.private_files

# Old uploads were checked by content and their extension had to match it.
CONTENT_TYPES = {".pdf": "application/pdf", ".png": "image/png", ".jpg": "image/jpeg",
                 ".jpeg": "image/jpeg"}  # fmt: skip


def fill_upload_facts(apps, schema_editor):
    ActivityReport = apps.get_model("applicants", "ActivityReport")
    for report in ActivityReport.objects.all().iterator():
        name = report.file.name or ""
        report.content_type = CONTENT_TYPES.get(name[name.rfind(".") :].lower(), "")
        try:
            report.size = report.file.size
        except (FileNotFoundError, ValueError):
            report.size = 0
        report.uploaded_at = report.submitted_at
        report.save(update_fields=["content_type", "size", "uploaded_at"])


class Migration(migrations.Migration):
    dependencies = [
        ("applicants", "0004_completed_training_without_course"),
    ]

    operations = [
        migrations.RenameField("activityreport", "evidence", "file"),
        migrations.RenameField("activityreport", "evidence_name", "original_name"),
        migrations.AlterField(
            model_name="activityreport",
            name="file",
            field=models.FileField(
                max_length=200,
                upload_to=womenup.privacy.private_files.private_upload_path(
                    "activity-evidence", owner="application.profile_id"
                ),
                verbose_name="파일",
            ),
        ),
        migrations.AlterField(
            model_name="activityreport",
            name="original_name",
            field=models.CharField(max_length=200, verbose_name="원래 파일 이름"),
        ),
        migrations.AddField(
            model_name="activityreport",
            name="content_type",
            field=models.CharField(default="", max_length=50, verbose_name="파일 형식"),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="activityreport",
            name="size",
            field=models.PositiveIntegerField(default=0, verbose_name="크기(바이트)"),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="activityreport",
            name="uploaded_at",
            field=models.DateTimeField(
                auto_now_add=True, default=django.utils.timezone.now, verbose_name="올린 시각"
            ),
            preserve_default=False,
        ),
        migrations.RunPython(fill_upload_facts, migrations.RunPython.noop),
    ]
