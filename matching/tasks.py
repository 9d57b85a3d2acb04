"""Celery tasks of the matching app: thin wrappers over services."""

from celery import shared_task

from matching.batch import weekly_batch_run


@shared_task
def weekly_batch(week: str | None = None) -> dict:
    """The weekly screening and matching batch (scheduled by django-celery-beat; no
    ``created_by``: nobody started it by hand)."""
    outcome = weekly_batch_run(week=week, triggered_by="schedule")
    return {"week": outcome.week, "result": outcome.result, "counts": outcome.counts}
