"""A worker killed in the middle of a stage: the stage leaves nothing, the lock is freed, and a
re-run finishes with the same final state as a run that was never interrupted."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest
from django.db import connection

from matching.batch import Result, weekly_batch_run
from matching.models import InterviewInvitation, MatchingRun, Placement
from tests.matching.batch_data import WEEK
from tests.matching.test_batch import forget_the_batch, snapshot, world

REPO = Path(__file__).resolve().parents[2]


def wait_until(condition, seconds: float = 30) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False


def database_url() -> str:
    settings = connection.settings_dict
    user, host, port = settings["USER"], settings["HOST"], settings["PORT"] or 5432
    return f"postgres://{user}@{host}:{port}/{settings['NAME']}"


def blocked_backend() -> int | None:
    """The pid of a session of this database waiting for a row lock, if any."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
            "AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()"
        )
        row = cursor.fetchone()
    return row[0] if row else None


def backend_gone(pid: int) -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_stat_activity WHERE pid = %s", [pid])
        return cursor.fetchone()[0] == 0


@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_mid_stage_leaves_no_half_stage_and_a_rerun_completes(settings):
    settings.MATCHING_INTERVIEW_FACTOR = 2
    world(size=6)
    environment = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "DJANGO_SETTINGS_MODULE": "womenup.settings.test",
        "MATCHING_INTERVIEW_FACTOR": "2",
    }
    with psycopg.connect(database_url()) as blocker:
        # Another transaction holds every role: the match stage waits for them, mid-stage.
        blocker.execute("SELECT id FROM companies_role FOR UPDATE")
        worker = subprocess.Popen(
            [sys.executable, "manage.py", "run_weekly_batch", "--week", WEEK],
            cwd=REPO,
            env=environment,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            assert wait_until(lambda: blocked_backend() is not None), "the worker never blocked"
            pid = blocked_backend()
            worker.send_signal(signal.SIGKILL)
            worker.wait(timeout=10)
        finally:
            if worker.poll() is None:
                worker.kill()
        blocker.rollback()
    assert wait_until(lambda: backend_gone(pid)), "the killed worker's session stayed"

    record = MatchingRun.objects.get(week=WEEK)
    assert record.stages_done == ["screen", "invite"]
    assert record.status == MatchingRun.Status.RUNNING
    assert InterviewInvitation.objects.exists()
    assert not Placement.objects.exists()  # the match stage left nothing behind

    assert weekly_batch_run(week=WEEK, triggered_by="test").result == Result.FINISHED  # lock free
    resumed = snapshot()
    assert Placement.objects.exists()
    forget_the_batch()
    assert weekly_batch_run(week=WEEK, triggered_by="test").result == Result.FINISHED
    assert snapshot() == resumed
