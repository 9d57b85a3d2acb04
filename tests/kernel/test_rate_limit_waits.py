"""Every refusal by a rate limit says how many minutes to wait, in Korean and English."""

import time

import pytest
from allauth.account.adapter import get_adapter
from allauth.core.internal.ratelimit import get_cache_key, get_rates
from django.conf import settings as django_settings
from django.core.cache import cache
from django.test import RequestFactory
from django.urls import reverse

from tests.factories.accounts import PASSWORD, ApplicantUserFactory

pytestmark = pytest.mark.django_db


def failed_login(client, email: str, **headers):
    return client.post(
        reverse("account_login"), {"login": email, "password": "a-wrong-guess-1"}, **headers
    )


@pytest.fixture
def three_logins_a_minute(settings):
    settings.ACCOUNT_RATE_LIMITS = {**django_settings.ACCOUNT_RATE_LIMITS, "login": "3/m/ip"}


@pytest.mark.usefixtures("three_logins_a_minute")
def test_the_429_page_says_how_many_minutes_to_wait(client):
    for n in range(3):
        failed_login(client, f"someone{n}@example.kr")
    response = failed_login(client, "someone9@example.kr")
    assert response.status_code == 429
    page = response.content.decode()
    assert "1분 뒤에 다시 시도해 주세요" in page
    assert "Too Many Requests" not in page


@pytest.mark.usefixtures("three_logins_a_minute")
def test_the_429_page_says_it_in_english(client):
    client.cookies["django_language"] = "en"
    for n in range(3):
        failed_login(client, f"someone{n}@example.kr")
    response = failed_login(client, "someone9@example.kr", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 429
    assert "Try again in 1 minute." in response.content.decode()


def test_the_network_limit_says_one_minute_not_the_address_limits_five(client):
    """Ten failures a minute from one address lock every account out for that minute only."""
    for n in range(10):
        failed_login(client, f"guess{n}@example.kr")
    owner = ApplicantUserFactory()
    response = client.post(reverse("account_login"), {"login": owner.email, "password": PASSWORD})
    page = response.content.decode()
    assert "1분 뒤에 다시 시도" in page and "5분" not in page
    assert "_auth_user_id" not in client.session


def test_the_wait_counts_down_from_the_failures(client):
    owner = ApplicantUserFactory()
    for _ in range(5):
        failed_login(client, owner.email)
    # The failures happened three minutes ago: two minutes are left of the five.
    request = RequestFactory().post("/", REMOTE_ADDR="127.0.0.1")
    (rate,) = [
        rate for rate in get_rates(app="allauth.account", action="login_failed")
        if rate.per == "key"
    ]  # fmt: skip
    key = get_cache_key(
        request, app="allauth.account", action="login_failed", rate=rate,
        key=get_adapter()._get_login_attempts_cache_key(request, email=owner.email),
    )  # fmt: skip
    history = cache.get(key)
    assert len(history) == 5, "the failures were counted under her address"
    cache.set(key, [hit - 180 for hit in history], 300)
    assert all(hit < time.time() - 179 for hit in cache.get(key))
    response = client.post(reverse("account_login"), {"login": owner.email, "password": PASSWORD})
    assert "2분 뒤에 다시 시도" in response.content.decode()
