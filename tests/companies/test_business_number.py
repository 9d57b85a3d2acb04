"""The business registration number check digit (pure, property-based)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from companies.business_number import (
    check_digit,
    formatted,
    is_valid,
    normalize,
    with_check_digit,
)

nine_digits = st.text(alphabet="0123456789", min_size=9, max_size=9)


@pytest.mark.parametrize("number", ["1208147521", "2148812345", "2208162517", "1018212348"])
def test_real_looking_numbers_pass(number):
    assert is_valid(number)


@pytest.mark.parametrize(
    "number",
    [
        "1208147520",
        "1018212345",
        "123456789",
        "12345678901",
        "12081475a1",
        "",
        "１２０８１４７５２１",
    ],
)
def test_wrong_check_digit_length_or_characters_fail(number):
    assert not is_valid(number)


def test_the_ninth_digit_counts_with_its_tens():
    # 9th digit 9: 9×5 = 45 adds 45 and 4 more; the check digit must reflect both.
    assert check_digit("000000009") == (10 - (45 + 4) % 10) % 10 == 1


def test_normalize_and_format():
    assert normalize(" 120-81-47521 ") == "1208147521"
    assert formatted("1208147521") == "120-81-47521"


def test_check_digit_refuses_anything_but_nine_digits():
    with pytest.raises(ValueError):
        check_digit("12345678")


@given(nine_digits)
def test_completing_nine_digits_always_gives_a_valid_number(first_nine):
    assert is_valid(with_check_digit(first_nine))


@given(nine_digits, st.integers(min_value=1, max_value=9))
def test_any_other_last_digit_is_refused(first_nine, shift):
    number = with_check_digit(first_nine)
    wrong_last = str((int(number[9]) + shift) % 10)
    assert not is_valid(number[:9] + wrong_last)


@given(nine_digits, st.integers(min_value=0, max_value=8), st.integers(min_value=1, max_value=9))
def test_every_single_digit_typo_is_caught(first_nine, position, shift):
    number = with_check_digit(first_nine)
    typo = str((int(number[position]) + shift) % 10)
    assert not is_valid(number[:position] + typo + number[position + 1 :])
