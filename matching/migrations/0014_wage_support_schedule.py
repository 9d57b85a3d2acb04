"""Schedule the monthly wage-support rows (the 1st, 03:00 Asia/Seoul, for the month before) as a
django-celery-beat row staff can edit."""

from django.db import migrations

TASK = "matching.tasks.wage_support_monthly"
NAME = "인턴 임금 지원 지급 건 생성 (매월)"


def schedule(apps, schema_editor):
    CrontabSchedule = apps.get_model("django_celery_beat", "CrontabSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    first_of_month, _ = CrontabSchedule.objects.get_or_create(
        minute="0",
        hour="3",
        day_of_week="*",
        day_of_month="1",
        month_of_year="*",
        timezone="Asia/Seoul",
    )
    PeriodicTask.objects.get_or_create(
        name=NAME,
        defaults={
            "task": TASK,
            "crontab": first_of_month,
            "description": "매월 1일 03:00(서울): 지난달 인턴 임금 지원을 지급 원장에 승인 대기로 기록",
        },
    )


def unschedule(apps, schema_editor):
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    PeriodicTask.objects.filter(task=TASK).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("matching", "0013_placement_ended_on"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]
    operations = [migrations.RunPython(schedule, unschedule)]
