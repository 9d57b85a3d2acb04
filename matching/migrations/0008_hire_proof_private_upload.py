"""The hire proof becomes a PrivateUpload (womenup.privacy.private_files): the columns are renamed
(stored files and their paths stay), size and upload time are filled in."""

import django.utils.timezone
from django.db import migrations, models

import womenup.privacy.private_files


def fill_upload_facts(apps, schema_editor):
    HireConfirmation = apps.get_model("matching", "HireConfirmation")
    for hire in HireConfirmation.objects.all().iterator():
        try:
            hire.size = hire.file.size
        except (FileNotFoundError, ValueError):
            hire.size = 0
        hire.uploaded_at = hire.created_at
        hire.save(update_fields=["size", "uploaded_at"])


class Migration(migrations.Migration):
    dependencies = [
        ("matching", "0007_placement_lifecycle_from_companies"),
    ]

    operations = [
        migrations.RenameField("hireconfirmation", "proof", "file"),
        migrations.RenameField("hireconfirmation", "proof_name", "original_name"),
        migrations.RenameField("hireconfirmation", "proof_content_type", "content_type"),
        migrations.AlterField(
            model_name="hireconfirmation",
            name="file",
            field=models.FileField(
                max_length=200,
                upload_to=womenup.privacy.private_files.private_upload_path(
                    "company-hires", owner="company_id"
                ),
                verbose_name="파일",
            ),
        ),
        migrations.AddField(
            model_name="hireconfirmation",
            name="size",
            field=models.PositiveIntegerField(default=0, verbose_name="크기(바이트)"),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="hireconfirmation",
            name="uploaded_at",
            field=models.DateTimeField(
                auto_now_add=True, default=django.utils.timezone.now, verbose_name="올린 시각"
            ),
            preserve_default=False,
        ),
        migrations.RunPython(fill_upload_facts, migrations.RunPython.noop),
    ]
