"""Plausible ranges for the dates people type, and date arithmetic that never breaks a page.

A date far outside what the portal deals with (year 1, year 9999) is a typing slip or a probe;
stored, it overflows Python's date arithmetic or PostgreSQL's timestamps and breaks the pages
that show it for everyone. Every typed date and datetime field carries one of the validators
below, on the model field (so ModelForms and the admin check it) or on the plain form field.
"""

from datetime import date, datetime, timedelta

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _


def _years_from(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a year that has none
        return day.replace(year=day.year + years, day=28)


@deconstructible
class DateRangeValidator:
    """The value must lie between two bounds, each a fixed date or a number of years from today.

    ``today`` is read when the value is validated, so the range moves with the calendar and
    the migrations record only the rule.
    """

    message = _("%(earliest)s부터 %(latest)s 사이의 날짜를 입력해 주세요.")
    code = "date_out_of_range"

    def __init__(self, earliest: date | int, latest: date | int):
        self.earliest, self.latest = earliest, latest

    def _bound(self, bound: date | int, today: date) -> date:
        return bound if isinstance(bound, date) else _years_from(today, bound)

    def bounds(self, today: date | None = None) -> tuple[date, date]:
        today = today or timezone.localdate()
        return self._bound(self.earliest, today), self._bound(self.latest, today)

    def __call__(self, value) -> None:
        if value is None:
            return
        # A datetime is judged by its calendar day, without a time-zone conversion that
        # could itself overflow at the ends of the calendar.
        day = value.date() if isinstance(value, datetime) else value
        earliest, latest = self.bounds()
        if not earliest <= day <= latest:
            raise ValidationError(
                self.message,
                code=self.code,
                params={"earliest": earliest.isoformat(), "latest": latest.isoformat()},
            )

    def __eq__(self, other) -> bool:
        return isinstance(other, DateRangeValidator) and (self.earliest, self.latest) == (
            other.earliest,
            other.latest,
        )


# Birth dates: born 1930 or later, at least 15 years old.
birth_date_range = DateRangeValidator(date(1930, 1, 1), -15)
# Things that already happened in a working life: certificates, training, past employment.
past_date_range = DateRangeValidator(date(1950, 1, 1), 0)
# Programme dates (courses, intakes, roles, interviews, contracts, hires, reports, follow-ups).
programme_date_range = DateRangeValidator(-5, 5)
# Rates valid from a date (the living wage table), kept for history.
rate_date_range = DateRangeValidator(date(2000, 1, 1), 5)


def days_after(day: date | None, days: int) -> date | None:
    """``day`` plus ``days`` (negative to go back), or None when the calendar runs out."""
    if day is None:
        return None
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return None
