"""Money and wage arithmetic in whole Korean won.

Every amount is an ``int`` number of won. Floats are never accepted (they cannot hold money
exactly) and neither are bools (``True`` is an ``int`` to Python but never an amount); both raise
``TypeError``. Fractional intermediate values are kept exact with :class:`fractions.Fraction`.

Wage support pays the Seoul living wage for every *paid* hour of a month. Paid hours include the
weekly paid holiday (주휴), which the program counts as 20 % of the weekly hours, spread over an
average month::

    paid monthly hours = ceil((weekly hours * 1.2) * 365 / 7 / 12)

so a 40-hour week gives 209 paid hours and, at the 2024 rate of 11,436 won, 2,390,124 won.

A first or last month the intern works only in part is paid pro rata by working days (Monday to
Friday): the month's wage times the share of the month's working days she was contracted for,
rounded down to the won, and never more than the internship's three months in all.
"""

from __future__ import annotations

import calendar
import math
from datetime import date, timedelta
from fractions import Fraction

__all__ = [
    "ALLOWANCE_MAX_MONTHS",
    "ALLOWANCE_MONTHLY_KRW",
    "INCENTIVE_KRW",
    "INTERNSHIP_MONTHS",
    "MAX_WEEKLY_HOURS",
    "MIN_WEEKLY_HOURS",
    "format_krw",
    "internship_wage_total",
    "monthly_wage",
    "paid_monthly_hours",
    "prorated_wage",
    "wage_support_shares",
    "working_days",
]

INCENTIVE_KRW = 3_000_000
"""Employment incentive (고용장려금) paid once to a company that hires its intern."""

INTERNSHIP_MONTHS = 3
"""Length of the internship, and the months of living wage the city pays the company."""

ALLOWANCE_MONTHLY_KRW = 300_000
"""Job-seeking allowance (구직지원금) released for each accepted monthly activity report."""

ALLOWANCE_MAX_MONTHS = 3
"""Number of months the job-seeking allowance can be paid at most."""

MIN_WEEKLY_HOURS = 1
MAX_WEEKLY_HOURS = 52
"""Legal ceiling on weekly working hours (40 regular + 12 overtime)."""

_PAID_HOLIDAY_FACTOR = Fraction(6, 5)  # weekly hours plus 20 % for the weekly paid holiday
_DAYS_PER_YEAR = 365
_DAYS_PER_WEEK = 7
_MONTHS_PER_YEAR = 12


def paid_monthly_hours(weekly_hours: int) -> int:
    """Return the paid hours in a month for a contract of ``weekly_hours`` a week.

    Computed exactly as ``ceil((weekly_hours * 1.2) * 365 / 7 / 12)``: 40 → 209, 35 → 183,
    30 → 157. Raises ``ValueError`` outside 1..52 hours and ``TypeError`` for a non-integer.
    """
    _require_int(weekly_hours, "weekly_hours")
    if not MIN_WEEKLY_HOURS <= weekly_hours <= MAX_WEEKLY_HOURS:
        raise ValueError(
            f"weekly_hours must be between {MIN_WEEKLY_HOURS} and {MAX_WEEKLY_HOURS}, "
            f"got {weekly_hours}"
        )
    weeks_per_month = Fraction(_DAYS_PER_YEAR, _DAYS_PER_WEEK * _MONTHS_PER_YEAR)
    return math.ceil(weekly_hours * _PAID_HOLIDAY_FACTOR * weeks_per_month)


def monthly_wage(*, hourly_krw: int, weekly_hours: int) -> int:
    """Return one month's wage: the hourly rate times the paid monthly hours.

    ``monthly_wage(hourly_krw=11_436, weekly_hours=40)`` is 11,436 * 209 = 2,390,124.
    """
    _require_positive_int(hourly_krw, "hourly_krw")
    return hourly_krw * paid_monthly_hours(weekly_hours)


def internship_wage_total(
    *, hourly_krw: int, weekly_hours: int, months: int = INTERNSHIP_MONTHS
) -> int:
    """Return the wage support for a whole internship: ``months`` full monthly wages."""
    _require_positive_int(months, "months")
    return monthly_wage(hourly_krw=hourly_krw, weekly_hours=weekly_hours) * months


def working_days(first: date, last: date) -> int:
    """Monday-to-Friday days from ``first`` to ``last``, both included (0 when ``last`` is
    before ``first``)."""
    if last < first:
        return 0
    whole_weeks, extra = divmod((last - first).days + 1, 7)
    days = whole_weeks * 5
    for offset in range(extra):
        if (first + timedelta(days=whole_weeks * 7 + offset)).weekday() < 5:
            days += 1
    return days


def wage_support_shares(
    *, contract_start: date, last_day: date, months: int = INTERNSHIP_MONTHS
) -> list[tuple[date, Fraction]]:
    """The share of each calendar month's wage owed for a contract from ``contract_start`` to
    ``last_day`` (both worked): ``[(first day of the month, share), ...]``.

    A whole month is 1; a first or last partial month is its working days worked over its
    working days. The shares never add up to more than ``months`` (the last month is cut).
    """
    _require_positive_int(months, "months")
    shares: list[tuple[date, Fraction]] = []
    owed = Fraction(months)
    month = contract_start.replace(day=1)
    while month <= last_day and owed > 0:
        month_last = month.replace(day=calendar.monthrange(month.year, month.month)[1])
        worked = working_days(max(contract_start, month), min(last_day, month_last))
        share = min(Fraction(worked, working_days(month, month_last)), owed)
        if share > 0:
            shares.append((month, share))
            owed -= share
        month = month_last + timedelta(days=1)
    return shares


def prorated_wage(*, monthly_krw: int, share: Fraction) -> int:
    """``monthly_krw`` times ``share`` (0 to 1), rounded down to the won."""
    _require_int(monthly_krw, "monthly_krw")
    if not isinstance(share, Fraction) or not 0 <= share <= 1:
        raise ValueError(f"share must be a Fraction from 0 to 1, got {share!r}")
    return math.floor(monthly_krw * share)


def format_krw(amount: int) -> str:
    """Format whole won with thousands separators: ``2,390,124원``, ``-1,000원``."""
    _require_int(amount, "amount")
    return f"{amount:,}원"


def _require_int(value: int, name: str) -> None:
    """Raise ``TypeError`` unless ``value`` is an ``int`` (bools and floats are refused)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an int, got {type(value).__name__}: {value!r}")


def _require_positive_int(value: int, name: str) -> None:
    """Raise ``TypeError`` for a non-integer and ``ValueError`` unless ``value`` is at least 1."""
    _require_int(value, name)
    if value < 1:
        raise ValueError(f"{name} must be at least 1, got {value}")
