"""Calendar-month arithmetic (``womenup.calendar.add_months``), used by follow-ups, the
internship end and the evaluator's waiting periods and windows."""

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from womenup.calendar import add_months

days = st.dates(min_value=date(1900, 1, 1), max_value=date(2900, 12, 31))
months = st.integers(min_value=-240, max_value=240)


def test_known_dates():
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert add_months(date(2023, 1, 31), 1) == date(2023, 2, 28)
    assert add_months(date(2024, 11, 30), 3) == date(2025, 2, 28)
    assert add_months(date(2024, 3, 31), -1) == date(2024, 2, 29)
    assert add_months(date(2024, 1, 15), -13) == date(2022, 12, 15)


@given(day=days, n=months)
def test_lands_in_the_right_month_on_the_same_day_or_that_month_s_last(day, n):
    moved = add_months(day, n)
    assert (moved.year * 12 + moved.month) - (day.year * 12 + day.month) == n
    assert moved.day == day.day or (moved.day < day.day and (moved + timedelta(days=1)).day == 1)


@given(day=days, a=months, b=months)
def test_steps_add_up_when_no_clamping_happens(day, a, b):
    day = day.replace(day=min(day.day, 28))
    assert add_months(add_months(day, a), b) == add_months(day, a + b)
    assert add_months(add_months(day, a), -a) == day
