"""Wage support arithmetic (pure): working days, pro rata shares, integer won, the cap."""

import calendar
from datetime import date, timedelta
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from womenup.calendar import add_months
from womenup.money import (
    INTERNSHIP_MONTHS,
    monthly_wage,
    prorated_wage,
    wage_support_shares,
    working_days,
)

RATE_2024 = 11_436
days = st.dates(min_value=date(2020, 1, 1), max_value=date(2035, 12, 31))
hours = st.sampled_from([30, 31, 32, 33, 34, 35, 40])
rates = st.integers(min_value=1, max_value=100_000)


def month_last(first: date) -> date:
    return first.replace(day=calendar.monthrange(first.year, first.month)[1])


def naive_working_days(first: date, last: date) -> int:
    return sum(
        1 for n in range((last - first).days + 1) if (first + timedelta(days=n)).weekday() < 5
    )


@pytest.mark.parametrize(("weekly", "amount"), [(40, 2_390_124), (35, 2_092_788), (30, 1_795_452)])
def test_a_full_month_pays_the_monthly_living_wage(weekly, amount):
    shares = wage_support_shares(contract_start=date(2024, 7, 1), last_day=date(2024, 9, 30))
    assert shares == [(date(2024, 7, 1), 1), (date(2024, 8, 1), 1), (date(2024, 9, 1), 1)]
    monthly = monthly_wage(hourly_krw=RATE_2024, weekly_hours=weekly)
    assert prorated_wage(monthly_krw=monthly, share=shares[0][1]) == amount


def test_a_contract_from_the_15th_is_paid_pro_rata_in_its_first_and_last_month():
    shares = wage_support_shares(contract_start=date(2024, 7, 15), last_day=date(2024, 10, 14))
    assert shares == [
        (date(2024, 7, 1), Fraction(13, 23)),  # 15-31 July: 13 of July's 23 working days
        (date(2024, 8, 1), 1),
        (date(2024, 9, 1), 1),
        (date(2024, 10, 1), Fraction(10, 23)),
    ]
    assert prorated_wage(monthly_krw=2_390_124, share=Fraction(13, 23)) == 1_350_939


def test_leaving_early_stops_the_shares():
    shares = wage_support_shares(contract_start=date(2024, 7, 1), last_day=date(2024, 8, 9))
    assert shares == [(date(2024, 7, 1), 1), (date(2024, 8, 1), Fraction(7, 22))]


@given(first=days, last=days)
def test_working_days_counts_weekdays(first, last):
    expected = naive_working_days(first, last) if last >= first else 0
    assert working_days(first, last) == expected


@given(monthly=st.integers(min_value=0, max_value=10_000_000), num=st.integers(0, 23))
def test_prorated_wages_are_integer_won_within_the_month(monthly, num):
    amount = prorated_wage(monthly_krw=monthly, share=Fraction(num, 23))
    assert type(amount) is int and 0 <= amount <= monthly


@given(
    day=days,
    cuts=st.lists(st.integers(min_value=1, max_value=30), max_size=6),
    rate=rates,
    weekly=hours,
)
def test_pro_rata_parts_of_a_month_never_add_up_to_more_than_the_month(day, cuts, rate, weekly):
    """However a month is split into consecutive contracts, their wages never exceed it."""
    first, last = day.replace(day=1), month_last(day)
    bounds = sorted({first, *(min(first + timedelta(days=c), last) for c in cuts)})
    periods = list(zip(bounds, [b - timedelta(days=1) for b in bounds[1:]] + [last], strict=True))
    monthly = monthly_wage(hourly_krw=rate, weekly_hours=weekly)
    paid = 0
    for start, end in periods:
        for month, share in wage_support_shares(contract_start=start, last_day=end):
            assert month == first
            paid += prorated_wage(monthly_krw=monthly, share=share)
    assert paid <= monthly


@given(start=days, rate=rates, weekly=hours)
def test_a_whole_internship_never_pays_more_than_three_months(start, rate, weekly):
    last = add_months(start, INTERNSHIP_MONTHS) - timedelta(days=1)
    shares = wage_support_shares(contract_start=start, last_day=last)
    assert sum(share for _month, share in shares) <= INTERNSHIP_MONTHS
    assert all(0 < share <= 1 for _month, share in shares)
    monthly = monthly_wage(hourly_krw=rate, weekly_hours=weekly)
    total = sum(prorated_wage(monthly_krw=monthly, share=share) for _m, share in shares)
    assert type(total) is int and total <= INTERNSHIP_MONTHS * monthly
    if start.day == 1:
        assert [share for _m, share in shares] == [1, 1, 1]


@given(start=days, left_after=st.integers(min_value=0, max_value=200))
def test_leaving_early_never_pays_more_than_staying(start, left_after):
    last = add_months(start, INTERNSHIP_MONTHS) - timedelta(days=1)
    early = min(start + timedelta(days=left_after), last)
    full = dict(wage_support_shares(contract_start=start, last_day=last))
    for month, share in wage_support_shares(contract_start=start, last_day=early):
        assert share <= full[month]


def test_floats_are_refused():
    with pytest.raises(TypeError):
        prorated_wage(monthly_krw=2_390_124.0, share=Fraction(1, 2))
    with pytest.raises(ValueError):
        prorated_wage(monthly_krw=2_390_124, share=0.5)
    with pytest.raises(ValueError):
        prorated_wage(monthly_krw=2_390_124, share=Fraction(3, 2))
