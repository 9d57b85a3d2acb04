"""Staff sessions end after 30 minutes idle; every session after its absolute lifetime."""

import time

import pytest
from django.urls import reverse

from tests.factories.accounts import PASSWORD, ApplicantUserFactory, staff_with_mfa
from womenup.middleware import LAST_ACTIVITY_KEY, SESSION_STARTED_KEY

pytestmark = pytest.mark.django_db


def shift(client, key: str, seconds_ago: int) -> None:
    session = client.session
    session[key] = int(time.time()) - seconds_ago
    session.save()


def assert_logged_out_with(client, response, path: str, message: str) -> None:
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert f"next={path}" in response["Location"].replace("%2F", "/")
    assert "_auth_user_id" not in client.session
    login_page = client.get(response["Location"])
    assert message in login_page.content.decode()


@pytest.fixture
def staff(client):
    user = staff_with_mfa()
    client.force_login(user)
    assert client.get(reverse("admin:index")).status_code == 200
    return user


def test_a_staff_session_idle_for_more_than_30_minutes_ends(client, staff):
    shift(client, LAST_ACTIVITY_KEY, 30 * 60 + 1)
    response = client.get(reverse("admin:index"))
    assert_logged_out_with(client, response, "/admin/", "30분 동안 사용하지 않아")


def test_each_staff_request_refreshes_the_idle_clock(client, staff):
    shift(client, LAST_ACTIVITY_KEY, 29 * 60)
    assert client.get(reverse("admin:index")).status_code == 200
    assert int(time.time()) - client.session[LAST_ACTIVITY_KEY] <= 2
    assert client.get(reverse("admin:index")).status_code == 200


def test_the_idle_limit_comes_from_settings(client, staff, settings):
    settings.STAFF_SESSION_IDLE_SECONDS = 60
    shift(client, LAST_ACTIVITY_KEY, 61)
    assert client.get(reverse("admin:index")).status_code == 302


def test_an_applicant_session_does_not_end_when_idle(client):
    client.force_login(ApplicantUserFactory())
    assert client.get("/dashboard/").status_code in (200, 302)
    shift(client, LAST_ACTIVITY_KEY, 6 * 3600)
    shift(client, SESSION_STARTED_KEY, 6 * 3600)
    response = client.get("/me/")
    assert response.status_code == 200
    assert "_auth_user_id" in client.session


def test_every_session_ends_after_its_absolute_lifetime(client):
    client.force_login(ApplicantUserFactory())
    assert client.get("/me/").status_code == 200
    shift(client, SESSION_STARTED_KEY, 12 * 3600 + 1)
    response = client.get("/me/")
    assert_logged_out_with(client, response, "/me/", "로그인한 지 오래되어")


def test_an_active_staff_session_still_ends_after_its_absolute_lifetime(client, staff, settings):
    settings.SESSION_ABSOLUTE_LIFETIME_SECONDS = 3600
    shift(client, SESSION_STARTED_KEY, 3601)
    shift(client, LAST_ACTIVITY_KEY, 5)
    response = client.get(reverse("admin:index"))
    assert_logged_out_with(client, response, "/admin/", "로그인한 지 오래되어")


def test_a_new_log_in_starts_a_new_lifetime(client):
    user = ApplicantUserFactory()
    client.force_login(user)
    client.get("/me/")
    shift(client, SESSION_STARTED_KEY, 12 * 3600 + 1)
    client.get("/me/")
    client.force_login(user)
    assert client.get("/me/").status_code == 200


def test_the_clocks_start_when_she_logs_in_through_the_form(client):
    user = ApplicantUserFactory()
    before = int(time.time())
    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302
    assert client.session[SESSION_STARTED_KEY] >= before
    assert client.session[LAST_ACTIVITY_KEY] >= before
