"""The weekly batch through a real Celery worker against Redis, and its beat schedule."""

import time

import pytest
from celery.contrib.testing.worker import start_worker
from django.core import mail
from django_celery_beat.models import PeriodicTask

from matching.models import MatchingRun, Placement
from matching.tasks import weekly_batch
from tests.matching.batch_data import WEEK
from tests.matching.test_batch import world
from womenup.celery import app as celery_app
from womenup.models import OutboxMessage


def wait_until(condition, seconds: float = 30) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


def finished() -> bool:
    return MatchingRun.objects.filter(week=WEEK, status=MatchingRun.Status.FINISHED).exists()


@pytest.mark.django_db(transaction=True)
def test_the_task_runs_the_batch_in_a_worker_and_the_messages_go_out(settings):
    settings.MATCHING_INTERVIEW_FACTOR = 2
    first, second, applications = world(size=4)
    celery_app.control.purge()

    with start_worker(celery_app, perform_ping_check=False, pool="solo", shutdown_timeout=10):
        weekly_batch.delay(WEEK)
        assert wait_until(finished), "the worker did not finish the weekly batch"
        all_sent = wait_until(
            lambda: not OutboxMessage.objects.filter(status=OutboxMessage.Status.PENDING).exists()
        )

    assert Placement.objects.count() == 2
    assert MatchingRun.objects.get(week=WEEK).triggered_by == "schedule"
    assert all_sent, "the outbox sweep requested by the batch did not send its messages"
    assert len(mail.outbox) == OutboxMessage.objects.count() > 0


@pytest.mark.django_db
def test_the_batch_is_scheduled_on_monday_at_two_in_seoul_and_editable_as_a_row():
    task = PeriodicTask.objects.get(task="matching.tasks.weekly_batch")
    crontab = task.crontab
    assert (crontab.minute, crontab.hour, crontab.day_of_week) == ("0", "2", "1")
    assert str(crontab.timezone) == "Asia/Seoul"
    assert task.enabled
