"""Money and wage arithmetic in whole Korean won.

Every amount is an ``int`` number of won. Floats are never accepted (they cannot hold money
exactly) and neither are bools (``True`` is an ``int`` to Python but never an amount); both raise
``TypeError``. Fractional intermediate values are kept exact with :class:`fractions.Fraction`.

Wage support pays the Seoul living wage for every *paid* hour of a month. Paid hours include the
weekly paid holiday (주휴), which the program counts as 20 % of the weekly hours, spread over an
average month::

    paid monthly hours = ceil((weekly hours * 1.2) * 365 / 7 / 12)

so a 40-hour week gives 209 paid hours and, at the 2024 rate of 11,436 won, 2,390,124 won.
"""

from __future__ import annotations

import math
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
