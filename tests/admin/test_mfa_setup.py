"""Staff set up the authenticator app straight after logging in: no second password prompt, the
QR code and the whole secret on a Korean page, and a way back to admin after the recovery codes.
A session not opened by her password a moment ago still has to give it again."""

import re
import time

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import hotp_value, yield_hotp_counters_from_time
from django.test import override_settings
from django.urls import reverse

from tests.factories.accounts import PASSWORD, StaffUserFactory, give_totp

pytestmark = pytest.mark.django_db

ACTIVATE = reverse("mfa_activate_totp")
REAUTHENTICATE = reverse("account_reauthenticate")


def log_in(client, user) -> None:
    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302


def current_code(secret: str) -> str:
    return f"{hotp_value(secret, next(yield_hotp_counters_from_time())):06d}"


def test_staff_go_from_login_to_the_app_set_up_and_back_to_admin(client):
    staff = StaffUserFactory()
    log_in(client, staff)
    assert client.get(reverse("admin:index")).headers["Location"] == ACTIVATE

    page = client.get(ACTIVATE)
    assert page.status_code == 200, page.headers.get("Location")
    html = page.content.decode()
    secret = re.search(r'data-testid="totp-secret">([A-Z2-7]+)</code>', html).group(1)
    assert len(secret) == 32, "the whole secret is shown"
    assert re.search(
        r'<img src="data:image/svg\+xml;base64,[^"]+" alt="OTP 앱으로 찍을 QR 코드"', html
    )
    assert "OTP 앱 등록 (2단계 인증)" in html and ">등록</button>" in html

    response = client.post(ACTIVATE, {"code": current_code(secret)})
    assert response.headers["Location"] == reverse("mfa_view_recovery_codes")
    codes_page = client.get(response.headers["Location"])
    assert codes_page.status_code == 200, codes_page.headers.get("Location")
    codes = codes_page.content.decode()
    assert re.search(r'id="mfa-continue" href="/admin/">관리자 화면으로 가기</a>', codes)
    assert Authenticator.objects.filter(user=staff, type=Authenticator.Type.TOTP).exists()
    assert client.get(reverse("admin:index")).status_code == 200


def test_a_wrong_code_sets_nothing_up(client):
    staff = StaffUserFactory()
    log_in(client, staff)
    response = client.post(ACTIVATE, {"code": "000000"})
    assert response.status_code == 200
    assert not Authenticator.objects.filter(user=staff).exists()


def test_a_session_without_a_fresh_password_login_is_asked_for_it(client):
    client.force_login(StaffUserFactory())
    assert client.get(ACTIVATE).headers["Location"].startswith(REAUTHENTICATE)


@override_settings(ACCOUNT_REAUTHENTICATION_TIMEOUT=1)
def test_an_old_password_login_is_asked_for_it_again(client):
    log_in(client, StaffUserFactory())
    time.sleep(1.1)
    assert client.get(ACTIVATE).headers["Location"].startswith(REAUTHENTICATE)


def test_turning_the_app_off_still_asks_for_the_password(client):
    staff = StaffUserFactory()
    secret = give_totp(staff)
    log_in(client, staff)
    client.post(reverse("mfa_authenticate"), {"code": current_code(secret)})
    assert client.get(reverse("admin:index")).status_code == 200
    response = client.post(reverse("mfa_deactivate_totp"))
    assert response.headers["Location"].startswith(REAUTHENTICATE)
    assert Authenticator.objects.filter(user=staff, type=Authenticator.Type.TOTP).exists()
