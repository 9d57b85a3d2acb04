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
ten_digits = st.text(alphabet="0123456789", min_size=10, max_size=10)

# Numbers published by the companies themselves (footer of their sites, DART filings).
PUBLISHED = {
    "220-81-62517": "네이버",
    "124-81-00998": "삼성전자",
    "120-81-47521": "카카오",
}
# Quoted as examples elsewhere, but the last digit is not the check digit of the first nine
# (by hand: 101-86-1014 sums to 66 → 4, 214-87-0046 sums to 107 → 3).
NOT_VALID = ["101-86-10143", "214-87-00469"]


def reference_is_valid(number: str) -> bool:
    """The 국세청 rule written out on its own: Σ dᵢ·wᵢ over the first eight digits with weights
    1,3,7,1,3,7,1,3; then the ninth digit × 5, whose tens and units digits are both added; the
    check digit makes the total a multiple of ten."""
    if len(number) != 10 or any(char not in "0123456789" for char in number):
        return False
    digits = list(map(int, number))
    total = 0
    for digit, weight in zip(digits[:8], [1, 3, 7, 1, 3, 7, 1, 3], strict=True):
        total += digit * weight
    tens, units = divmod(digits[8] * 5, 10)
    total += tens + units
    return (total + digits[9]) % 10 == 0


def single_digit_mutations(number: str):
    for position, char in enumerate(number):
        for other in "0123456789".replace(char, ""):
            yield number[:position] + other + number[position + 1 :]


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


@pytest.mark.parametrize("number", PUBLISHED)
def test_published_numbers_pass(number):
    assert reference_is_valid(normalize(number)), "the reference itself must accept it"
    assert is_valid(normalize(number))
    assert with_check_digit(normalize(number)[:9]) == normalize(number)


@pytest.mark.parametrize("number", NOT_VALID)
def test_numbers_with_a_wrong_check_digit_fail(number):
    assert not reference_is_valid(normalize(number))
    assert not is_valid(normalize(number))


@pytest.mark.parametrize("number", PUBLISHED)
def test_every_single_digit_change_of_a_published_number_fails(number):
    mutations = list(single_digit_mutations(normalize(number)))
    assert len(mutations) == 90
    assert [m for m in mutations if is_valid(m)] == []
    assert [m for m in mutations if reference_is_valid(m)] == []


@given(ten_digits)
def test_is_valid_agrees_with_the_reference_on_every_ten_digit_string(number):
    assert is_valid(number) == reference_is_valid(number)


@given(nine_digits)
def test_the_check_digit_is_the_one_the_reference_accepts(first_nine):
    accepted = [d for d in "0123456789" if reference_is_valid(first_nine + d)]
    assert accepted == [str(check_digit(first_nine))]


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
