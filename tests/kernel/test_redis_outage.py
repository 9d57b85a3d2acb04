"""A Redis outage degrades, never breaks (DESIGN.md §7): a Redis of the test's own, stopped.

With the cache's Redis and the broker gone, sign-up, log-in (staff with their code too),
password reset and logged-in pages still answer; rate limits do not count meanwhile and
count again once Redis is back; a notification queued meanwhile is delivered afterwards.
How long the requests take during an outage is measured by ``bench/redis_outage.py``.
"""

import logging

import pytest
from allauth.mfa.totp.internal.auth import hotp_value, yield_hotp_counters_from_time
from celery.contrib.testing.worker import start_worker
from django.conf import settings as django_settings
from django.core import mail
from django.core.cache import cache
from django.urls import reverse

from courses.models import Enrollment
from tests.factories.accounts import (
    PASSWORD,
    ApplicantUserFactory,
    CompanyUserFactory,
    StaffUserFactory,
    give_totp,
)
from tests.factories.applicants import ApplicantProfileFactory
from tests.factories.courses import CourseFactory
from tests.kernel.test_outbox import forget_connections, wait_until
from tests.redis_server import RedisServer
from womenup.celery import app as celery_app
from womenup.models import OutboxMessage, User
from womenup.notifications import services
from womenup.tasks import outbox_deliver_pending

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "Strong-passw0rd-2024"
BROKER_URLS = ("broker_url", "broker_read_url", "broker_write_url")


@pytest.fixture
def redis(settings):
    """A redis-server of our own holding the cache and the broker; the test may kill it."""
    server = RedisServer()
    server.start()
    settings.CACHES = {
        "default": {
            **django_settings.CACHES["default"],
            "LOCATION": server.url,
            "OPTIONS": {**django_settings.CACHES["default"]["OPTIONS"], "RETRY_AFTER": 1},
        }
    }
    saved = {name: celery_app.conf[name] for name in BROKER_URLS}
    celery_app.conf.update(dict.fromkeys(BROKER_URLS, server.url))
    forget_connections()
    services.broker_breaker.reset()
    yield server
    services.broker_breaker.reset()
    celery_app.conf.update(saved)
    forget_connections()
    server.close()


def cache_answers() -> bool:
    cache.set("probe", "yes", 30)
    return cache.get("probe") == "yes"


def sign_up(client, email: str, account_type: str):
    data = {
        "email": email,
        "password1": NEW_PASSWORD,
        "password2": NEW_PASSWORD,
        "account_type": account_type,
    }
    return client.post(reverse("account_signup"), data)


def log_in(client, email: str, password: str = PASSWORD):
    return client.post(reverse("account_login"), {"login": email, "password": password})


def logged_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_the_fixture_really_takes_redis_away(redis):
    assert cache_answers()
    redis.kill()
    assert not cache_answers()
    redis.start()
    assert wait_until(cache_answers, seconds=10)


def test_with_redis_down_the_cache_answers_as_an_empty_one_and_warns_once(redis, caplog):
    redis.kill()
    with caplog.at_level(logging.WARNING, logger="womenup.cache"):
        assert cache.get("key", "default") == "default"
        assert cache.add("lock", True) is True, "a lock is granted, not waited for"
        assert cache.get_many(["a", "b"]) == {}
        assert cache.has_key("key") is False
        assert cache.get_or_set("key", "computed") == "computed"
        with pytest.raises(ValueError):
            cache.incr("counter")
        cache.set("key", "value")
        cache.delete("key")
    warnings = [r for r in caplog.records if r.name == "womenup.cache"]
    assert len(warnings) == 1, "one warning, then Redis is skipped for a moment"
    assert "rate limits do not count" in warnings[0].getMessage()


@pytest.mark.parametrize("account_type", ["applicant", "company"])
def test_sign_up_works_while_redis_is_down(client, redis, account_type):
    redis.kill()
    response = sign_up(client, f"new-{account_type}@example.kr", account_type)
    assert response.status_code == 302
    assert response.headers["Location"] == reverse("account_email_verification_sent")
    assert User.objects.get(email=f"new-{account_type}@example.kr").account_type == account_type
    assert len(mail.outbox) == 1, "the confirmation e-mail is sent"


@pytest.mark.parametrize("factory", [ApplicantUserFactory, CompanyUserFactory])
def test_log_in_works_while_redis_is_down(client, redis, factory):
    user = factory()
    redis.kill()
    response = log_in(client, user.email)
    assert response.status_code == 302
    assert response.headers["Location"] == reverse("dashboard")
    assert logged_in(client)
    assert client.get(reverse("dashboard"), follow=True).status_code == 200


def test_staff_log_in_with_their_code_while_redis_is_down(client, redis):
    staff = StaffUserFactory()
    secret = give_totp(staff)
    redis.kill()
    assert log_in(client, staff.email).headers["Location"] == reverse("mfa_authenticate")
    code = f"{hotp_value(secret, next(yield_hotp_counters_from_time())):06d}"
    response = client.post(reverse("mfa_authenticate"), {"code": code})
    assert response.status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200


def test_password_reset_works_while_redis_is_down(client, redis):
    user = ApplicantUserFactory()
    redis.kill()
    response = client.post(reverse("account_reset_password"), {"email": user.email})
    assert response.status_code == 302
    assert response.headers["Location"] == reverse("account_reset_password_done")
    assert [message.to for message in mail.outbox] == [[user.email]]


def test_a_hanging_redis_is_timed_out_and_log_in_still_works(client, redis):
    """Frozen, Redis accepts connections and never answers: only the timeout ends the wait."""
    user = ApplicantUserFactory()
    redis.freeze()
    assert log_in(client, user.email).status_code == 302
    assert logged_in(client)


def test_rate_limits_do_not_count_during_the_outage_and_count_again_after(client, redis):
    user = ApplicantUserFactory()
    redis.kill()
    for _attempt in range(6):
        log_in(client, user.email, "wrong-password")
    log_in(client, user.email)
    assert logged_in(client), "during the outage the failed-login limit fails open"
    client.logout()

    redis.start()
    assert wait_until(cache_answers, seconds=10)
    for _attempt in range(5):
        log_in(client, user.email, "wrong-password")
    response = log_in(client, user.email)
    assert response.status_code == 200
    assert not logged_in(client), "the sixth attempt for the address is refused again"


def test_logged_in_work_goes_on_while_redis_is_down(client, redis):
    assert django_settings.SESSION_ENGINE == "django.contrib.sessions.backends.db"
    client.force_login(ApplicantUserFactory())
    redis.kill()
    assert client.get(reverse("applicants:dashboard")).status_code == 200


@pytest.mark.django_db(transaction=True)
def test_a_notification_queued_during_the_outage_is_delivered_once_redis_is_back(client, redis):
    profile = ApplicantProfileFactory()
    course = CourseFactory()
    client.force_login(profile.user)
    redis.kill()
    url = reverse("courses:apply", args=[course.code])
    response = client.post(url, {"motivation": "개발자가 되고 싶습니다."})
    assert response.status_code == 302
    assert Enrollment.objects.filter(course=course, applicant=profile).exists()
    message = OutboxMessage.objects.get(recipient=profile.user)
    assert message.status == OutboxMessage.Status.PENDING

    redis.start()
    with start_worker(celery_app, perform_ping_check=False, pool="solo", shutdown_timeout=10):
        outbox_deliver_pending.delay()
        delivered = wait_until(
            lambda: OutboxMessage.objects.get(pk=message.pk).status == OutboxMessage.Status.SENT
        )
    assert delivered, "the sweep did not deliver the message kept during the outage"
    assert [m.to for m in mail.outbox] == [[profile.user.email]]
