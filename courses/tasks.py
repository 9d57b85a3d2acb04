"""Periodic course tasks (scheduled by a django-celery-beat row, see migration 0005)."""

from celery import shared_task
from django.utils import timezone

from courses import services


@shared_task
def follow_up_reminders_queue() -> int:
    """Queue reminders of follow-ups due soon to the institutions' staff; safe to run twice."""
    return services.follow_up_reminders_queue()


@shared_task
def sessions_attendance_close() -> int:
    """Close today's ended sessions: absences and missing check-outs; safe to run twice."""
    return services.sessions_attendance_close(day=timezone.localdate())
