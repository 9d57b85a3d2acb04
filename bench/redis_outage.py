"""How long accounts and a notifying page take while Redis is up, gone, and hanging.

    python bench/redis_outage.py [--rounds 5] [--stock]

The script

1. starts a redis-server of its own on a free port of 127.0.0.1 (no persistence) and points
   the cache and the Celery broker at it; the shared Redis is never touched;
2. creates (after dropping) the database ``womenup_bench_redis`` on the PostgreSQL server
   named by ``DATABASE_URL``, migrates it, and drops it at the end;
3. in each of three states of that Redis (``up``; ``killed``: every connection refused;
   ``frozen`` with SIGSTOP: connections accepted and never answered, as a hung or unreachable
   host) sends ``--rounds`` of each request in process through Django's test client, each
   from its own client address so the rate limits of the ``up`` state do not interfere:
   sign-up (applicant and company), log-in (applicant, company, staff with the TOTP step),
   password reset, and a logged-in course application that queues a notification;
4. prints, per state and request, the status codes and the first, median and slowest time,
   then how many notifications are still pending in the outbox and whether the outbox sweep
   delivers them once Redis is back.

The first request after Redis goes away pays the timeout (0.5 s by default, the
``REDIS_TIMEOUT_SECONDS`` setting); the cache and the broker are then skipped for a few
seconds, so the following ones do not. Exits with status 1 when any request answered 500 or
a notification was not delivered at the end. ``--stock`` runs the ``up`` and ``killed``
states with Django's own Redis cache and Celery's default broker settings instead, for the
figures before the fix (the ``frozen`` state is left out: it would hang). Password hashing
uses the test suite's fast hasher, so the figures are Redis' share of the time, not a
production login's.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

REPO_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_DIR))

from tests.redis_server import RedisServer  # noqa: E402

DB_NAME = "womenup_bench_redis"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--stock", action="store_true", help="Django's cache, Celery defaults")
    args = parser.parse_args()

    server = RedisServer()
    server.start()
    try:
        databases = setup_django(server.url, stock=args.stock)
        states = ("up", "killed") if args.stock else ("up", "killed", "frozen")
        try:
            return run(server, args.rounds, states)
        finally:
            from django.test.utils import teardown_databases

            teardown_databases(databases, verbosity=0)
    finally:
        server.close()


def setup_django(redis_url: str, *, stock: bool):
    os.environ["DJANGO_SETTINGS_MODULE"] = "womenup.settings.test"
    os.environ["REDIS_URL"] = os.environ["CELERY_BROKER_URL"] = redis_url
    os.environ["CELERY_TASK_ALWAYS_EAGER"] = "false"
    os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres")
    import django
    from django.conf import settings

    django.setup()
    settings.DATABASES["default"]["TEST"]["NAME"] = DB_NAME
    if stock:
        settings.CACHES["default"]["BACKEND"] = "django.core.cache.backends.redis.RedisCache"
        settings.CACHES["default"].pop("OPTIONS")
        from womenup.celery import app
        from womenup.notifications import services

        app.conf.broker_transport_options = {}
        app.conf.broker_connection_timeout = 4  # Celery's default
        services.broker_breaker.seconds = 0
    from django.test.utils import setup_databases, setup_test_environment

    setup_test_environment()
    return setup_databases(verbosity=0, interactive=False)


def run(server: RedisServer, rounds: int, states: tuple[str, ...]) -> int:
    from django.core import mail

    from womenup.models import OutboxMessage
    from womenup.notifications import outbox, services

    requests = Requests()
    failures = 0
    for state in states:
        if state == "killed":
            server.kill()
        elif state == "frozen":
            server.start()
            wait_for_cache()
            services.broker_breaker.reset()
            server.freeze()
        print(f"\nRedis {state}:")
        for name, request in requests.all():
            seconds, statuses = [], []
            for _round in range(rounds):
                send = request()
                started = time.perf_counter()
                statuses.append(send())
                seconds.append(time.perf_counter() - started)
            failures += sum(status >= 500 for status in statuses)
            print(
                f"  {name:<28} status {sorted(set(statuses))!s:<12} first {seconds[0]:6.3f} s"
                f"  median {statistics.median(seconds):6.3f} s  max {max(seconds):6.3f} s"
            )
    if "frozen" in states:
        server.thaw()
    else:
        server.start()
    pending = OutboxMessage.objects.filter(status=OutboxMessage.Status.PENDING).count()
    mail.outbox = []
    sent = outbox.outbox_deliver_pending()
    left = OutboxMessage.objects.filter(status=OutboxMessage.Status.PENDING).count()
    print(f"\nOutbox: {pending} pending after the outages; the sweep sent {sent}, {left} left.")
    print(f"Requests answering 500: {failures}.")
    return 1 if failures or left else 0


def wait_for_cache(seconds: float = 15) -> None:
    from django.core.cache import cache

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        cache.set("bench-probe", "yes", 30)
        if cache.get("bench-probe") == "yes":
            return
        time.sleep(0.2)
    raise RuntimeError("the restarted Redis did not answer")


class Requests:
    """Each kind of request: ``prepare()`` makes its data, the returned ``send()`` is timed.

    Every request comes from a new client address, so no rate limit of the ``up`` state
    refuses a later one.
    """

    password = "Strong-passw0rd-2024"

    def __init__(self) -> None:
        self.number = 0

    def all(self):
        return [
            ("sign-up (applicant)", lambda: self.sign_up("applicant")),
            ("sign-up (company)", lambda: self.sign_up("company")),
            ("log-in (applicant)", lambda: self.log_in(self.user("applicant"))),
            ("log-in (company)", lambda: self.log_in(self.user("company"))),
            ("log-in + code (staff)", self.staff_log_in),
            ("password reset", self.password_reset),
            ("course application (mail)", self.course_apply),
        ]

    def client(self):
        from django.test import Client

        self.number += 1
        address = f"10.{self.number // 62500 % 250}.{self.number // 250 % 250}.{self.number % 250}"
        return Client(REMOTE_ADDR=address, raise_request_exception=False)

    def user(self, account_type: str, **kwargs):
        from allauth.account.models import EmailAddress

        from womenup.models import User

        self.number += 1
        user = User(email=f"bench-user-{self.number}@example.kr", account_type=account_type)
        for name, value in kwargs.items():
            setattr(user, name, value)
        user.set_password(self.password)
        user.save()
        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
        return user

    def sign_up(self, account_type: str):
        from django.urls import reverse

        client = self.client()
        data = {
            "email": f"bench-{self.number}@example.kr",
            "password1": self.password,
            "password2": self.password,
            "account_type": account_type,
        }
        return lambda: client.post(reverse("account_signup"), data).status_code

    def log_in(self, user, client=None):
        from django.urls import reverse

        client = client or self.client()
        data = {"login": user.email, "password": self.password}
        return lambda: client.post(reverse("account_login"), data).status_code

    def staff_log_in(self):
        from allauth.mfa.totp.internal.auth import (
            TOTP,
            generate_totp_secret,
            hotp_value,
            yield_hotp_counters_from_time,
        )
        from django.urls import reverse

        staff = self.user("city_staff", is_staff=True, is_superuser=True)
        secret = generate_totp_secret()
        TOTP.activate(staff, secret)
        client = self.client()
        log_in = self.log_in(staff, client)

        def send() -> int:
            status = log_in()
            if status >= 500:
                return status
            code = f"{hotp_value(secret, next(yield_hotp_counters_from_time())):06d}"
            return client.post(reverse("mfa_authenticate"), {"code": code}).status_code

        return send

    def password_reset(self):
        from django.urls import reverse

        user, client = self.user("applicant"), self.client()
        data = {"email": user.email}
        return lambda: client.post(reverse("account_reset_password"), data).status_code

    def course_apply(self):
        from django.urls import reverse

        from tests.factories.applicants import ApplicantProfileFactory
        from tests.factories.courses import CourseFactory

        course, profile, client = CourseFactory(), ApplicantProfileFactory(), self.client()
        client.force_login(profile.user)
        url, data = reverse("courses:apply", args=[course.code]), {"motivation": "배우고 싶습니다."}
        return lambda: client.post(url, data).status_code


if __name__ == "__main__":
    sys.exit(main())
