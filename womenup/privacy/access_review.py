"""Reads of the personal-data access log for the auditor: the monthly review of unusual volumes.

Every look at personal data leaves a row naming how many people's records it covered
(``records``: 1 for a form, the rows shown for a list page, the rows written for an export).
The review adds them up per person and day (Asia/Seoul) and lists the days above
``ACCESS_REVIEW_DAILY_RECORDS``, as the PIPA safety-measure standard asks of a monthly check.
"""

from dataclasses import dataclass
from datetime import date, datetime, time

from django.conf import settings
from django.db.models import Count, Q, QuerySet, Sum
from django.db.models.functions import Coalesce, TruncDate
from django.utils import timezone

from womenup.calendar import add_months
from womenup.models import PersonalDataAccess

Action = PersonalDataAccess.Action
LOOKS = [Action.VIEW, Action.EXPORT, Action.DOWNLOAD, Action.HISTORY]


@dataclass(frozen=True)
class UnusualDay:
    day: date
    actor_id: int
    actor_email: str
    viewed: int
    exported: int
    downloaded: int
    total: int


def day_start(day: date) -> datetime:
    """The first instant of a day in the site's time zone."""
    return datetime.combine(day, time.min, tzinfo=timezone.get_current_timezone())


def month_bounds(month: date) -> tuple[datetime, datetime]:
    """The first instant of the month and of the next, in the site's time zone."""
    first = month.replace(day=1)
    return day_start(first), day_start(add_months(first, 1))


def accesses_in_month(month: date) -> QuerySet[PersonalDataAccess]:
    start, end = month_bounds(month)
    return PersonalDataAccess.objects.filter(accessed_at__gte=start, accessed_at__lt=end)


def _records(action: str):
    return Coalesce(Sum("records", filter=Q(action=action)), 0)


def unusual_days(*, month: date, threshold: int | None = None) -> list[UnusualDay]:
    """Each person and day of the month with more records looked at than the threshold,
    busiest first (one query)."""
    threshold = settings.ACCESS_REVIEW_DAILY_RECORDS if threshold is None else threshold
    rows = (
        accesses_in_month(month)
        .filter(action__in=LOOKS)
        .annotate(day=TruncDate("accessed_at"))
        .values("day", "actor_id", "actor__email")
        .annotate(
            viewed=_records(Action.VIEW) + _records(Action.HISTORY),
            exported=_records(Action.EXPORT),
            downloaded=_records(Action.DOWNLOAD),
            total=Sum("records"),
        )
        .filter(total__gt=threshold)
        .order_by("-total", "day", "actor__email")
    )
    return [
        UnusualDay(
            day=row["day"],
            actor_id=row["actor_id"],
            actor_email=row["actor__email"],
            viewed=row["viewed"],
            exported=row["exported"],
            downloaded=row["downloaded"],
            total=row["total"],
        )
        for row in rows
    ]


def month_totals_by_actor(month: date) -> QuerySet:
    """Per person: rows, records looked at, and days with any access in the month."""
    return (
        accesses_in_month(month)
        .values("actor_id", "actor__email")
        .annotate(
            entries=Count("pk"),
            records=Coalesce(Sum("records", filter=Q(action__in=LOOKS)), 0),
            days=Count(TruncDate("accessed_at"), distinct=True),
        )
        .order_by("-records", "actor__email")
    )


def exports_in_month(month: date) -> QuerySet[PersonalDataAccess]:
    """The month's exports with their recorded reasons (in ``target``), newest first."""
    return (
        accesses_in_month(month)
        .filter(action=Action.EXPORT)
        .select_related("actor")
        .order_by("-accessed_at")
    )
