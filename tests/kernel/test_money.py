"""Money and wage arithmetic: exact integer won, the paid-hours rule, formatting."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from womenup.money import (
    ALLOWANCE_MAX_MONTHS,
    ALLOWANCE_MONTHLY_KRW,
    INCENTIVE_KRW,
    format_krw,
    internship_wage_total,
    monthly_wage,
    paid_monthly_hours,
)

SEOUL_LIVING_WAGE_2024 = 11_436

weekly_hours = st.integers(min_value=1, max_value=52)
hourly_rates = st.integers(min_value=1, max_value=1_000_000)


def reference_paid_hours(weekly: int) -> int:
    """ceil(weekly × 1.2 × 365 / 7 / 12) as one integer ceiling division."""
    numerator = weekly * 12 * 365
    denominator = 10 * 7 * 12
    return -(-numerator // denominator)


@pytest.mark.parametrize(("weekly", "paid"), [(40, 209), (35, 183), (30, 157), (1, 6), (52, 272)])
def test_paid_monthly_hours_examples(weekly: int, paid: int) -> None:
    assert paid_monthly_hours(weekly) == paid


@pytest.mark.parametrize("weekly", [0, -40, 53, 168])
def test_paid_monthly_hours_rejects_hours_out_of_range(weekly: int) -> None:
    with pytest.raises(ValueError, match="between 1 and 52"):
        paid_monthly_hours(weekly)


@pytest.mark.parametrize("weekly", [40.0, True, Decimal(40), "40"])
def test_paid_monthly_hours_rejects_non_integers(weekly: object) -> None:
    with pytest.raises(TypeError, match="weekly_hours must be an int"):
        paid_monthly_hours(weekly)  # type: ignore[arg-type]


def test_full_time_monthly_wage_at_the_2024_living_wage() -> None:
    assert monthly_wage(hourly_krw=SEOUL_LIVING_WAGE_2024, weekly_hours=40) == 2_390_124


def test_flexible_hours_monthly_wage() -> None:
    assert monthly_wage(hourly_krw=SEOUL_LIVING_WAGE_2024, weekly_hours=30) == 11_436 * 157


def test_internship_wage_total_defaults_to_three_months() -> None:
    assert internship_wage_total(hourly_krw=SEOUL_LIVING_WAGE_2024, weekly_hours=40) == 7_170_372


def test_internship_wage_total_for_other_lengths() -> None:
    total = internship_wage_total(hourly_krw=SEOUL_LIVING_WAGE_2024, weekly_hours=35, months=2)
    assert total == 11_436 * 183 * 2


@pytest.mark.parametrize("hourly", [11_436.0, True, Decimal("11436")])
def test_monthly_wage_rejects_non_integer_rates(hourly: object) -> None:
    with pytest.raises(TypeError, match="hourly_krw must be an int"):
        monthly_wage(hourly_krw=hourly, weekly_hours=40)  # type: ignore[arg-type]


@pytest.mark.parametrize("hourly", [0, -11_436])
def test_monthly_wage_rejects_rates_below_one_won(hourly: int) -> None:
    with pytest.raises(ValueError, match="hourly_krw must be at least 1"):
        monthly_wage(hourly_krw=hourly, weekly_hours=40)


@pytest.mark.parametrize(("months", "error"), [(0, ValueError), (-1, ValueError), (3.0, TypeError)])
def test_internship_wage_total_rejects_bad_month_counts(months: object, error: type) -> None:
    with pytest.raises(error, match="months"):
        internship_wage_total(hourly_krw=11_436, weekly_hours=40, months=months)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        (0, "0원"),
        (999, "999원"),
        (1_000, "1,000원"),
        (2_390_124, "2,390,124원"),
        (-1_000, "-1,000원"),
        (3_000_000_000, "3,000,000,000원"),
    ],
)
def test_format_krw(amount: int, text: str) -> None:
    assert format_krw(amount) == text


@pytest.mark.parametrize("amount", [1000.0, True, False, Decimal(1000), "1000"])
def test_format_krw_rejects_non_integers(amount: object) -> None:
    with pytest.raises(TypeError, match="amount must be an int"):
        format_krw(amount)  # type: ignore[arg-type]


def test_program_amounts() -> None:
    assert INCENTIVE_KRW == 3_000_000
    assert ALLOWANCE_MONTHLY_KRW == 300_000
    assert ALLOWANCE_MAX_MONTHS == 3
    assert format_krw(ALLOWANCE_MONTHLY_KRW * ALLOWANCE_MAX_MONTHS) == "900,000원"


@given(weekly_hours)
def test_paid_monthly_hours_matches_the_reference_formula(weekly: int) -> None:
    assert paid_monthly_hours(weekly) == reference_paid_hours(weekly)


@given(weekly_hours, weekly_hours)
def test_more_weekly_hours_never_mean_fewer_paid_hours(first: int, second: int) -> None:
    shorter, longer = sorted((first, second))
    if shorter < longer:
        assert paid_monthly_hours(shorter) < paid_monthly_hours(longer)
    else:
        assert paid_monthly_hours(shorter) == paid_monthly_hours(longer)


@given(weekly_hours)
def test_paid_hours_cover_the_exact_value_by_less_than_an_hour(weekly: int) -> None:
    paid = paid_monthly_hours(weekly)
    # weekly × 1.2 × 365 / 7 / 12 == weekly × 73 / 14, so paid - 1 < weekly × 73 / 14 <= paid
    assert (paid - 1) * 14 < weekly * 73 <= paid * 14


@given(hourly_rates, weekly_hours)
def test_monthly_wage_is_the_rate_times_paid_hours(hourly: int, weekly: int) -> None:
    wage = monthly_wage(hourly_krw=hourly, weekly_hours=weekly)
    assert type(wage) is int
    assert wage == hourly * paid_monthly_hours(weekly)


@given(hourly_rates, weekly_hours, st.integers(min_value=1, max_value=12))
def test_internship_total_is_whole_months_of_wage(hourly: int, weekly: int, months: int) -> None:
    total = internship_wage_total(hourly_krw=hourly, weekly_hours=weekly, months=months)
    assert type(total) is int
    assert total == monthly_wage(hourly_krw=hourly, weekly_hours=weekly) * months


@given(st.integers(min_value=-(10**15), max_value=10**15))
def test_format_krw_round_trips(amount: int) -> None:
    text = format_krw(amount)
    assert text.endswith("원")
    assert int(text.removesuffix("원").replace(",", "")) == amount
