"""Benchmark: does the time a sign-up takes tell whether the address already has an account?

    python bench/signup_timing.py [--samples 30] [--keep-db]

Creates (drops and recreates) its own PostgreSQL database, migrates it and creates one
account per sample, then alternates sign-ups with a new address and with a taken one through
the real sign-up view (Django test client, in process) with the production password hashers
and rate limits off, and prints the median, spread and difference of the two. With
ACCOUNT_PREVENT_ENUMERATION both answers look the same; the adapter makes the taken-address
path hash a password too, so the medians should differ by a few milliseconds, not hundreds.

The server and credentials are those of ``DATABASE_URL`` (default
``postgres://postgres@127.0.0.1:5432/``); only the database name is replaced.
"""

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

REPO_DIR = Path(__file__).resolve().parent.parent
DB_NAME = "womenup_bench_signup"
PASSWORD = "Spring-rain-over-Han-58"


def main() -> int:
    args = parse_args()
    database_url = bench_database_url()
    recreate_database(database_url)
    os.environ.update(
        DATABASE_URL=database_url,
        DJANGO_SETTINGS_MODULE="womenup.settings.dev",
        DJANGO_DEBUG="false",
        DJANGO_ALLOWED_HOSTS="testserver",
        EMAIL_URL="dummymail://localhost",
        REDIS_URL="",
        CELERY_TASK_ALWAYS_EAGER="true",
        CELERY_BROKER_URL="memory://localhost/",
        LOG_LEVEL="WARNING",
    )
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v0"], cwd=REPO_DIR, check=True
    )
    sys.path.insert(0, str(REPO_DIR))
    import django

    django.setup()
    try:
        new, taken = measure(args.samples)
    finally:
        from django.db import connections

        connections.close_all()
        if not args.keep_db:
            drop_database(database_url)
    report(new, taken)
    return 0


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=30, help="sign-ups of each kind")
    parser.add_argument("--keep-db", action="store_true", help="keep the benchmark database")
    return parser.parse_args()


def measure(samples: int) -> tuple[list[float], list[float]]:
    from allauth.account.models import EmailAddress
    from django.conf import settings
    from django.contrib.auth.hashers import make_password
    from django.test import Client, override_settings
    from django.urls import reverse

    from womenup.models import User

    print(f"password hasher: {settings.PASSWORD_HASHERS[0]}")
    hashed = make_password(PASSWORD)
    for i in range(samples):
        user = User.objects.create(email=f"taken{i}@bench.example.kr", password=hashed)
        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)

    def sign_up(email: str) -> float:
        data = {"email": email, "password1": PASSWORD, "password2": PASSWORD}
        data["account_type"] = "applicant"
        client = Client()
        started = time.perf_counter()
        response = client.post(reverse("account_signup"), data)
        elapsed = time.perf_counter() - started
        assert response.status_code == 302, (email, response.status_code)
        return elapsed

    new, taken = [], []
    with override_settings(ACCOUNT_RATE_LIMITS=False):
        sign_up("warm-up@bench.example.kr")
        for i in range(samples):
            new.append(sign_up(f"new{i}@bench.example.kr"))
            taken.append(sign_up(f"taken{i}@bench.example.kr"))
    return new, taken


def report(new: list[float], taken: list[float]) -> None:
    def line(name: str, values: list[float]) -> str:
        ms = sorted(v * 1000 for v in values)
        return (
            f"{name:<14} median {statistics.median(ms):7.1f} ms   "
            f"min {ms[0]:7.1f}   max {ms[-1]:7.1f}   (n={len(ms)})"
        )

    print(line("new address", new))
    print(line("taken address", taken))
    difference = (statistics.median(new) - statistics.median(taken)) * 1000
    print(f"difference of medians: {difference:+.1f} ms")


def bench_database_url() -> str:
    base = urlsplit(os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/"))
    if not base.scheme.startswith("postgres"):
        sys.exit("DATABASE_URL must name a PostgreSQL server.")
    return urlunsplit((base.scheme, base.netloc, f"/{DB_NAME}", "", ""))


def maintenance_connection(database_url: str):
    import psycopg

    parts = urlsplit(database_url)
    return psycopg.connect(
        urlunsplit(("postgresql", parts.netloc, "/postgres", "", "")), autocommit=True
    )


def recreate_database(database_url: str) -> None:
    with maintenance_connection(database_url) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{DB_NAME}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{DB_NAME}"')


def drop_database(database_url: str) -> None:
    with maintenance_connection(database_url) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{DB_NAME}" WITH (FORCE)')


if __name__ == "__main__":
    sys.exit(main())
