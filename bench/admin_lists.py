"""Time the admin lists city staff use, at full size (DESIGN.md §9: pages keep a fixed number of
queries whatever the data size).

    python bench/admin_lists.py [--applications 100000] [--roles 10000] [--repeat 5]
                                [--database womenup_bench_admin] [--no-batch] [--seed 1]

Creates (drops and recreates) its own database, migrates it and loads ``--applications``
applicants, each with one submitted application of 5 ranked choices, with ``bench/batch.py``'s
loader (PostgreSQL COPY); then runs the weekly batch once so the screening results, interview
invitations and placements lists are full too (``--no-batch`` skips it; ``--measure-only``
measures again on the database a previous run left). Then, as a city staff
member with TOTP set up, it opens each admin list ``--repeat`` times through Django's test
client (the whole request: middleware, admin, templates, the access-log row) and prints, per
list, the rows in it, the SQL queries of one request and the median and worst time.

The server and credentials are those of ``DATABASE_URL`` (default
``postgres://postgres@127.0.0.1:5432/womenup``); only the database name is replaced.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time

from batch import WEEK, bench_database_url, database_recreate, django_setup, load

# (label, admin URL name, query string): the lists staff open, first page, as they open them.
CHANGELISTS = [
    ("applicants", "admin:applicants_applicantprofile_changelist", ""),
    ("applicants searched", "admin:applicants_applicantprofile_changelist", "q=참여자1234"),
    ("applications", "admin:matching_internshipapplication_changelist", ""),
    (
        "applications filtered",
        "admin:matching_internshipapplication_changelist",
        "status__exact=screened",
    ),
    ("applications searched", "admin:matching_internshipapplication_changelist", "q=참여자1234"),
    ("screening results", "admin:matching_screeningresult_changelist", ""),
    ("interview invitations", "admin:matching_interviewinvitation_changelist", ""),
    ("interview evaluations", "admin:matching_candidateevaluation_changelist", ""),
    ("weekly runs", "admin:matching_matchingrun_changelist", ""),
    ("companies", "admin:companies_company_changelist", ""),
    ("roles", "admin:companies_role_changelist", ""),
    ("payment ledger", "admin:womenup_ledgerentry_changelist", ""),
    ("incentive claims", "admin:matching_incentiveclaim_changelist", ""),
    ("users", "admin:womenup_user_changelist", ""),
    ("outbox", "admin:womenup_outboxmessage_changelist", ""),
    ("access log", "admin:womenup_personaldataaccess_changelist", ""),
    ("KPI page", "admin:kpi", ""),
]


def static_without_manifest() -> None:
    """Static URLs without collectstatic's manifest (the bench times pages, not deployment)."""
    from django.conf import settings

    plain = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
    settings.STORAGES = {**settings.STORAGES, "staticfiles": plain}


def staff_client():
    """A test client logged in as city staff with an authenticator app (admin needs TOTP)."""
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
    from django.test import Client

    from womenup.models import User

    user = User.objects.filter(email="staff@bench.kr").first()
    if user is None:
        user = User.objects.create_user(
            email="staff@bench.kr",
            password=None,
            account_type=User.AccountType.CITY_STAFF,
            is_staff=True,
            is_superuser=True,
        )
        TOTP.activate(user, generate_totp_secret())
    client = Client(SERVER_NAME="localhost")
    client.force_login(user)
    return client


def time_list(client, url: str, repeat: int) -> dict:
    from django.db import connection
    from django.urls import resolve

    queries = []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    response = client.get(url)  # warm: templates, URL resolver, PostgreSQL's caches
    if response.status_code != 200:
        raise SystemExit(f"{url} answered {response.status_code}")
    seconds = []
    for _ in range(repeat):
        queries.clear()
        with connection.execute_wrapper(count):
            started = time.perf_counter()
            client.get(url)
            seconds.append(time.perf_counter() - started)
    model_admin = getattr(resolve(url.split("?")[0]).func, "model_admin", None)
    rows = model_admin.model._default_manager.count() if model_admin is not None else None
    return {
        "rows": rows,
        "queries": len(queries),
        "median": statistics.median(seconds),
        "worst": max(seconds),
    }


def measure(repeat: int) -> None:
    from django.urls import reverse

    client = staff_client()
    print(f"{'list':<24} {'rows':>8} {'queries':>7} {'median':>9} {'worst':>9}")
    for label, name, query in CHANGELISTS:
        url = reverse(name) + (f"?{query}" if query else "")
        result = time_list(client, url, repeat)
        rows = "-" if result["rows"] is None else f"{result['rows']:,}"
        print(
            f"{label:<24} {rows:>8} {result['queries']:>7} "
            f"{result['median'] * 1000:>7.0f}ms {result['worst'] * 1000:>7.0f}ms"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--applications", type=int, default=100_000)
    parser.add_argument("--roles", type=int, default=10_000)
    parser.add_argument("--ranked-share", type=float, default=0.3)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--database", default="womenup_bench_admin")
    parser.add_argument("--no-batch", action="store_true", help="skip the weekly batch run")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--measure-only", action="store_true", help="reuse the database a previous run loaded"
    )
    args = parser.parse_args()
    database_url = bench_database_url(args.database)

    if args.measure_only:
        django_setup(database_url)
        static_without_manifest()
        measure(args.repeat)
        return 0
    database_recreate(database_url)
    django_setup(database_url)
    static_without_manifest()
    from django.core.management import call_command
    from django.db import connection

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    loaded = load(
        applicants=args.applications,
        roles=args.roles,
        ranked_share=args.ranked_share,
        seed=args.seed,
    )
    if not args.no_batch:
        from matching.batch import weekly_batch_run

        weekly_batch_run(week=WEEK, triggered_by="bench")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(
        f"database {args.database}: migrated, loaded and batch run in "
        f"{time.perf_counter() - started:.1f}s"
    )
    print("loaded: " + ", ".join(f"{name}={count}" for name, count in loaded.items()))
    measure(args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
