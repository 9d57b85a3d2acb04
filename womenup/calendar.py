"""Calendar-month arithmetic, in one place (no Django: the evaluator uses it too)."""

import calendar
from datetime import date


def add_months(day: date, months: int) -> date:
    """The same day ``months`` calendar months later (or earlier with a negative number),
    clamped to the end of a shorter month: 31 January + 1 month is 28 or 29 February."""
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))
