"""Password rules: 10 characters, not common, not all digits, not the e-mail's local part."""

import pytest
from django.contrib.auth.hashers import MD5PasswordHasher
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests.factories.accounts import ApplicantUserFactory
from womenup.demo import DEMO_PASSWORD
from womenup.models import User

pytestmark = pytest.mark.django_db


def refusal(password: str, email: str = "jiyoung.kim@example.kr") -> list[str]:
    try:
        validate_password(password, User(email=email))
    except ValidationError as refused:
        return refused.messages
    return []


@pytest.mark.parametrize(
    "password",
    ["Short-9x", "password1234", "3141592653589", "xJiYoung.Kim!2024x", "jiyoung.kim-2024-z"],
)
def test_weak_passwords_are_refused(password):
    assert refusal(password)


def test_the_local_part_message_is_korean_and_names_it():
    (message,) = refusal("Jiyoung.Kim-Winter-77")
    assert "이메일 주소의 앞부분(jiyoung.kim)" in message


def test_short_local_parts_are_not_held_against_a_password():
    assert refusal("kim-Spring-rain-58", email="ki@example.kr") == []


def test_a_good_password_and_the_demo_password_pass():
    assert refusal("Spring-rain-over-Han-58") == []
    assert refusal(DEMO_PASSWORD, email="staff@demo.womenup.kr") == []


def test_sign_up_refuses_a_password_with_the_address_in_it(client):
    password = "Minji.Park_Seoul_2024"
    response = client.post(
        reverse("account_signup"),
        {
            "email": "minji.park@example.kr",
            "password1": password,
            "password2": password,
            "account_type": "applicant",
        },
    )
    assert response.status_code == 200
    assert "이메일 주소의 앞부분" in response.content.decode()
    assert not User.objects.filter(email="minji.park@example.kr").exists()


class CountingHasher(MD5PasswordHasher):
    """The test suite's hasher, counting how often a password is hashed."""

    calls = 0

    def encode(self, password, salt):
        CountingHasher.calls += 1
        return super().encode(password, salt)


def sign_up(client, email: str):
    return client.post(
        reverse("account_signup"),
        {
            "email": email,
            "password1": "Spring-rain-over-Han-58",
            "password2": "Spring-rain-over-Han-58",
            "account_type": "applicant",
        },
    )


def test_sign_up_with_a_taken_address_hashes_a_password_as_a_new_one_does(client, settings):
    """The work that makes a new sign-up slow is done for a taken address too, so the time of
    the answer does not tell who has an account (bench/signup_timing.py measures it)."""
    ApplicantUserFactory(email="taken@example.kr")
    settings.PASSWORD_HASHERS = ["tests.kernel.test_passwords.CountingHasher"]

    CountingHasher.calls = 0
    sign_up(client, "new@example.kr")
    new_address_hashes = CountingHasher.calls
    CountingHasher.calls = 0
    sign_up(client.__class__(), "taken@example.kr")
    taken_address_hashes = CountingHasher.calls

    assert new_address_hashes >= 1
    assert taken_address_hashes == new_address_hashes
    assert User.objects.filter(email="taken@example.kr").count() == 1
