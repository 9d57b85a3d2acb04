"""Someone guessing an owner's password cannot keep her out: the lockout message says how long
to wait and that a code sent to her e-mail still lets her in; staff still need their OTP."""

import re

import pytest
from allauth.mfa.totp.internal.auth import hotp_value, yield_hotp_counters_from_time
from django.core import mail
from django.urls import reverse

from tests.factories.accounts import PASSWORD, ApplicantUserFactory, StaffUserFactory, give_totp

pytestmark = pytest.mark.django_db


def fail_five_times(client, email: str) -> None:
    for _ in range(5):
        client.post(reverse("account_login"), {"login": email, "password": "a-wrong-guess-1"})


def log_in_by_code(client, email: str):
    response = client.post(reverse("account_request_login_code"), {"email": email})
    assert response.status_code == 302
    code = re.search(
        r"^\s*([A-Z0-9]{3,4}-?[A-Z0-9]{3,4})\s*$", mail.outbox[-1].body, re.MULTILINE
    ).group(1)
    return client.post(reverse("account_confirm_login_code"), {"code": code})


def test_after_five_failures_the_message_says_how_long_and_offers_a_code(client):
    owner = ApplicantUserFactory()
    attacker = client.__class__()
    fail_five_times(attacker, owner.email)

    response = client.post(reverse("account_login"), {"login": owner.email, "password": PASSWORD})
    assert "_auth_user_id" not in client.session
    page = response.content.decode()
    assert "5분 뒤에 다시 시도" in page
    assert "로그인 코드" in page

    response = log_in_by_code(client, owner.email)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(owner.pk)


def test_the_lockout_message_has_an_english_translation(client):
    owner = ApplicantUserFactory()
    fail_five_times(client, owner.email)
    client.cookies["django_language"] = "en"
    response = client.post(reverse("account_login"), {"login": owner.email, "password": PASSWORD})
    assert "5 minutes" in response.content.decode()


def test_staff_logging_in_by_code_still_need_their_otp(client):
    staff = StaffUserFactory()
    secret = give_totp(staff)
    response = log_in_by_code(client, staff.email)
    assert response.headers["Location"] == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session

    code = f"{hotp_value(secret, next(yield_hotp_counters_from_time())):06d}"
    client.post(reverse("mfa_authenticate"), {"code": code})
    assert client.session["_auth_user_id"] == str(staff.pk)
