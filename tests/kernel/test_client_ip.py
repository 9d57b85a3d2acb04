"""The client's address behind the TLS proxy: in the access log and in the per-IP rate limits."""

import pytest
from django.conf import settings as django_settings
from django.urls import reverse

from tests.factories.accounts import staff_with_mfa
from tests.factories.applicants import ApplicantProfileFactory
from womenup.models import PersonalDataAccess

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.2"
CLIENT = "203.0.113.7"
FORGED = "198.51.100.66"


def via_proxy(client_address: str, forged: str | None = None) -> dict:
    """Headers of a request the TLS proxy passes on: it appends the address it saw."""
    chain = f"{forged}, {client_address}" if forged else client_address
    return {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": chain}


def open_a_profile(client, headers: dict) -> PersonalDataAccess:
    client.force_login(staff_with_mfa())
    profile = ApplicantProfileFactory()
    url = reverse("admin:applicants_applicantprofile_change", args=[profile.pk])
    assert client.get(url, **headers).status_code == 200
    return PersonalDataAccess.objects.get()


def test_behind_one_proxy_the_access_log_records_the_client(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    assert open_a_profile(client, via_proxy(CLIENT, forged=FORGED)).ip_address == CLIENT


def test_behind_two_proxies_the_address_the_outer_one_saw_is_taken(client, settings):
    settings.TRUSTED_PROXY_COUNT = 2
    headers = {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": f"{FORGED}, {CLIENT}, 10.0.0.3"}
    assert open_a_profile(client, headers).ip_address == CLIENT


def test_without_a_trusted_proxy_a_forged_header_is_ignored(client, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert open_a_profile(client, via_proxy(CLIENT, forged=FORGED)).ip_address == PROXY


def test_a_header_shorter_than_the_proxy_chain_falls_back_to_the_peer(client, settings):
    settings.TRUSTED_PROXY_COUNT = 2
    assert open_a_profile(client, via_proxy(CLIENT)).ip_address == PROXY


def failed_login(client, headers: dict, number: int):
    data = {"login": f"nobody{number}@example.kr", "password": "wrong-password"}
    return client.post(reverse("account_login"), data, **headers)


@pytest.fixture
def three_logins_a_minute(settings):
    settings.ACCOUNT_RATE_LIMITS = {**django_settings.ACCOUNT_RATE_LIMITS, "login": "3/m/ip"}


@pytest.mark.usefixtures("three_logins_a_minute")
def test_behind_the_proxy_login_limits_count_per_client_not_per_proxy(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    statuses = [failed_login(client, via_proxy(CLIENT), n).status_code for n in range(4)]
    assert statuses == [200, 200, 200, 429]
    assert failed_login(client, via_proxy("203.0.113.8"), 5).status_code == 200
    assert failed_login(client, via_proxy(CLIENT, forged="203.0.113.9"), 6).status_code == 429


@pytest.mark.usefixtures("three_logins_a_minute")
def test_without_a_trusted_proxy_a_new_forged_header_does_not_escape_the_limit(client, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    statuses = [
        failed_login(client, via_proxy(f"203.0.113.{n}"), n).status_code for n in range(10, 14)
    ]
    assert statuses == [200, 200, 200, 429]
