"""The Korean business registration number (사업자등록번호): 10 digits, the last a check digit.

The check digit is computed from the first nine digits with the weights 1,3,7,1,3,7,1,3,5: the
sum of digit × weight, plus the tens of (ninth digit × 5), and the check digit is
``(10 - sum % 10) % 10``. Pure functions, no Django.
"""

import re

WEIGHTS = (1, 3, 7, 1, 3, 7, 1, 3, 5)
_SEPARATORS = re.compile(r"[\s-]")


def normalize(raw: str) -> str:
    """Drop spaces and hyphens: "120-81-47521" → "1208147521"."""
    return _SEPARATORS.sub("", raw or "")


def check_digit(first_nine: str) -> int:
    """The check digit of the first nine digits."""
    if len(first_nine) != 9 or not first_nine.isascii() or not first_nine.isdigit():
        raise ValueError(f"nine digits expected, got {first_nine!r}")
    digits = [int(char) for char in first_nine]
    total = sum(digit * weight for digit, weight in zip(digits, WEIGHTS, strict=True))
    total += (digits[8] * 5) // 10
    return (10 - total % 10) % 10


def is_valid(number: str) -> bool:
    """True for ten ASCII digits whose last digit is the check digit of the first nine."""
    if len(number) != 10 or not number.isascii() or not number.isdigit():
        return False
    return check_digit(number[:9]) == int(number[9])


def with_check_digit(first_nine: str) -> str:
    """Complete nine digits into a valid ten-digit number."""
    return f"{first_nine}{check_digit(first_nine)}"


def formatted(number: str) -> str:
    """ "1208147521" → "120-81-47521" (other values unchanged)."""
    if len(number) != 10:
        return number
    return f"{number[:3]}-{number[3:5]}-{number[5:]}"
