"""Schedule the outbox sweep every minute as a django-celery-beat row staff can edit."""

from django.db import migrations


def schedule(apps, schema_editor):
    IntervalSchedule = apps.get_model("django_celery_beat", "IntervalSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    every_minute, _ = IntervalSchedule.objects.get_or_create(every=1, period="minutes")
    PeriodicTask.objects.get_or_create(
        name="알림 발송함 재시도 (outbox sweep)",
        defaults={"task": "womenup.tasks.outbox_deliver_pending", "interval": every_minute},
    )


def unschedule(apps, schema_editor):
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    PeriodicTask.objects.filter(task="womenup.tasks.outbox_deliver_pending").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("womenup", "0002_seed_catalogue"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]
    operations = [migrations.RunPython(schedule, unschedule)]
