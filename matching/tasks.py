"""Celery tasks of the matching app: thin wrappers over services."""

from datetime import date

from celery import shared_task
from django.utils import timezone

from matching.batch import weekly_batch_run
from matching.wages import wage_support_generate
from womenup.calendar import add_months


@shared_task
def weekly_batch(week: str | None = None) -> dict:
    """The weekly screening and matching batch (scheduled by django-celery-beat; no
    ``created_by``: nobody started it by hand)."""
    outcome = weekly_batch_run(week=week, triggered_by="schedule")
    return {"week": outcome.week, "result": outcome.result, "counts": outcome.counts}


@shared_task
def wage_support_monthly(month: str | None = None) -> dict:
    """Wage support rows for a month (``"2024-07"``; by default last month, Asia/Seoul)."""
    if month:
        first = date.fromisoformat(f"{month}-01")
    else:
        first = add_months(timezone.localdate().replace(day=1), -1)
    run = wage_support_generate(month=first)
    return {
        "month": f"{run.month:%Y-%m}",
        "created": run.created,
        "existing": run.existing,
        "waiting": [{"placement": w.placement.pk, "reason": w.reason} for w in run.waiting],
    }
