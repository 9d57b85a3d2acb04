"""Sign-up with e-mail verification, login, logout, no user enumeration, rate limits, MFA."""

import re

import pytest
from allauth.mfa.totp.internal.auth import hotp_value, yield_hotp_counters_from_time
from allauth.socialaccount.models import SocialApp
from django.core import mail
from django.urls import reverse

from tests.factories.accounts import (
    PASSWORD,
    ApplicantUserFactory,
    CompanyUserFactory,
    StaffUserFactory,
    give_totp,
)
from womenup.models import User

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "Strong-passw0rd-2024"


def sign_up(client, email: str, account_type: str):
    return client.post(
        reverse("account_signup"),
        {
            "email": email,
            "password1": NEW_PASSWORD,
            "password2": NEW_PASSWORD,
            "account_type": account_type,
        },
    )


def log_in(client, email: str, password: str = NEW_PASSWORD):
    return client.post(reverse("account_login"), {"login": email, "password": password})


def confirm_from_mailbox(client) -> None:
    link = re.search(r"https?://[^/]+(/accounts/confirm-email/\S+/)", mail.outbox[-1].body)
    response = client.post(link.group(1))
    assert response.status_code == 302


@pytest.mark.parametrize(
    ("account_type", "dashboard"),
    [("applicant", "applicants:dashboard"), ("company", "companies:dashboard")],
)
def test_sign_up_verify_log_in_lands_on_own_dashboard(client, account_type, dashboard):
    response = sign_up(client, "someone@example.kr", account_type)
    assert response.headers["Location"] == reverse("account_email_verification_sent")
    assert User.objects.get(email="someone@example.kr").account_type == account_type

    assert log_in(client, "someone@example.kr").headers["Location"] == reverse(
        "account_email_verification_sent"
    ), "an unverified address must not log in"

    confirm_from_mailbox(client)
    response = log_in(client, "someone@example.kr")
    assert response.headers["Location"] == reverse("dashboard")
    assert client.get(reverse("dashboard")).headers["Location"] == reverse(dashboard)
    assert client.get(reverse(dashboard)).status_code == 200


def test_logout_ends_the_session(client):
    client.force_login(ApplicantUserFactory())
    client.post(reverse("account_logout"))
    assert client.get(reverse("applicants:dashboard")).status_code == 302


def test_staff_cannot_choose_staff_at_sign_up(client):
    sign_up(client, "sneaky@example.kr", "city_staff")
    assert not User.objects.filter(email="sneaky@example.kr").exists()


def test_password_reset_does_not_reveal_whether_an_account_exists(client):
    ApplicantUserFactory(email="known@example.kr")
    known = client.post(reverse("account_reset_password"), {"email": "known@example.kr"})
    unknown = client.post(reverse("account_reset_password"), {"email": "nobody@example.kr"})
    assert known.status_code == unknown.status_code == 302
    assert known.headers["Location"] == unknown.headers["Location"]


def test_signing_up_with_a_taken_address_looks_like_success(client):
    ApplicantUserFactory(email="taken@example.kr")
    response = sign_up(client, "taken@example.kr", "applicant")
    assert response.headers["Location"] == reverse("account_email_verification_sent")
    assert User.objects.filter(email="taken@example.kr").count() == 1


def test_repeated_failed_logins_are_rate_limited(client):
    user = ApplicantUserFactory()
    for _ in range(5):
        log_in(client, user.email, "wrong-password")
    response = log_in(client, user.email, PASSWORD)
    assert response.status_code in (200, 429)
    assert "_auth_user_id" not in client.session


def test_staff_without_two_step_verification_is_sent_to_set_it_up(client):
    client.force_login(StaffUserFactory())
    response = client.get(reverse("admin:index"))
    assert response.headers["Location"] == reverse("mfa_activate_totp")


def test_staff_log_in_with_an_otp_code_and_then_use_admin(client):
    staff = StaffUserFactory()
    secret = give_totp(staff)
    response = log_in(client, staff.email, PASSWORD)
    assert response.headers["Location"] == reverse("mfa_authenticate")
    assert client.get(reverse("admin:index")).status_code == 302, "not logged in before the code"

    code = f"{hotp_value(secret, next(yield_hotp_counters_from_time())):06d}"
    response = client.post(reverse("mfa_authenticate"), {"code": code})
    assert response.status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200


def test_admin_refuses_people_who_are_not_staff(client):
    client.force_login(CompanyUserFactory())
    assert client.get(reverse("admin:index")).status_code in (302, 403)


def test_social_login_buttons_appear_only_when_staff_add_the_keys(client):
    page = client.get(reverse("account_login")).content.decode()
    assert "kakao" not in page.lower()
    assert client.get("/accounts/kakao/login/").status_code == 404

    SocialApp.objects.create(provider="kakao", name="카카오", client_id="id", secret="secret")
    page = client.get(reverse("account_login")).content.decode()
    assert "/accounts/kakao/login/" in page
    assert "/accounts/naver/login/" not in page
