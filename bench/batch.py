"""Benchmark the weekly batch on PostgreSQL at full size (DESIGN.md §9).

    python bench/batch.py [--applicants 100000] [--roles 10000] [--ranked-share 0.3]
                          [--database womenup_bench] [--seed 1]

Creates (drops and recreates) its own database, migrates it, loads ``--applicants`` applicant
users with profiles, documents, certificates, careers and preferences, ``--roles`` published
roles of verified companies, one submitted application per applicant with 5 ranked choices
(Zipf-like popularity), and company rankings (passed, ranked candidates) for a share of the
roles — all with PostgreSQL COPY. Then it runs the whole batch (screen → invite → match →
notify → record) in a fresh child process and prints the time, SQL queries and rows per stage
and the child's peak memory (ru_maxrss), so loading does not count towards the batch's memory.

The server and credentials are those of ``DATABASE_URL`` (default
``postgres://postgres@127.0.0.1:5432/womenup``); only the database name is replaced.
Targets: the whole batch under 60 s and 1.5 GB; queries must not grow with applicants.
"""

from __future__ import annotations

import argparse
import bisect
import itertools
import json
import os
import random
import resource
import subprocess
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

REPO_DIR = Path(__file__).resolve().parent.parent
CHOICES = 5
WEEK = "2024-W23"


# --- Environment ---------------------------------------------------------------------------------


def bench_database_url(name: str) -> str:
    base = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/womenup")
    parts = urlsplit(base)
    return urlunsplit(parts._replace(path=f"/{name}"))


def django_setup(database_url: str) -> None:
    sys.path.insert(0, str(REPO_DIR))
    os.environ["DATABASE_URL"] = database_url
    os.environ["DJANGO_SETTINGS_MODULE"] = "womenup.settings.base"
    os.environ["REDIS_URL"] = ""
    os.environ["CELERY_BROKER_URL"] = "memory://"
    os.environ["CELERY_TASK_ALWAYS_EAGER"] = "false"
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    import django

    django.setup()


def database_recreate(database_url: str) -> None:
    import psycopg

    parts = urlsplit(database_url)
    name = parts.path.lstrip("/")
    admin_url = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')


# --- Loading -------------------------------------------------------------------------------------


class Copier:
    """COPY rows into a model's table; every column not given gets the field's default."""

    def __init__(self, model):
        from django.db import connection

        self.model = model
        self.connection = connection
        self.fields = model._meta.concrete_fields

    def defaults(self, given: set[str]) -> dict:
        from django.utils import timezone

        now = timezone.now()
        found = {}
        for field in self.fields:
            if field.column in given or field.primary_key:
                continue
            if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
                found[field.column] = now
            elif field.has_default():
                value = field.get_default()
                found[field.column] = json.dumps(value) if isinstance(value, dict | list) else value
            elif field.null:
                found[field.column] = None
            else:
                found[field.column] = ""
        return found

    def copy(self, columns: list[str], rows) -> int:
        defaults = self.defaults(set(columns))
        all_columns = [*columns, *defaults]
        fixed = tuple(defaults.values())
        table = self.model._meta.db_table
        names = ", ".join(f'"{column}"' for column in all_columns)
        count = 0
        self.connection.ensure_connection()
        with self.connection.connection.cursor() as cursor:
            with cursor.copy(f'COPY "{table}" ({names}) FROM STDIN') as copy:
                for row in rows:
                    copy.write_row((*row, *fixed))
                    count += 1
            if "id" in columns:
                cursor.execute(
                    f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), "
                    f'(SELECT COALESCE(MAX(id), 1) FROM "{table}"))'
                )
        return count


def load(*, applicants: int, roles: int, ranked_share: float, seed: int) -> dict[str, int]:
    from django.db import transaction

    rng = random.Random(seed)
    with transaction.atomic():
        return _load(rng, applicants=applicants, roles=roles, ranked_share=ranked_share)


def _load(rng: random.Random, *, applicants: int, roles: int, ranked_share: float) -> dict:
    from applicants.consents import NOTICES, REQUIRED_ITEMS
    from applicants.models import ApplicantProfile, CareerEntry, Certificate, Consent, Document
    from companies.models import Company, CompanyMembership, Role
    from matching.models import ApplicationChoice, CandidateEvaluation, InternshipApplication
    from womenup.models import District, IntakeWindow, JobCategory, Program, User
    from womenup.programs.selectors import running_program

    program = running_program(Program.Kind.INTERNSHIP)  # the first city's internship
    city = program.city
    districts = list(District.objects.filter(city=city).values_list("pk", flat=True))
    categories = list(JobCategory.objects.values_list("pk", flat=True))
    intake = IntakeWindow.objects.filter(program=program).order_by("opens_on").first()
    companies = max(1, roles // 5)
    loaded = {}
    password = "!unusable"

    users = [(n, password, f"applicant{n}@bench.kr", "applicant") for n in range(1, applicants + 1)]
    users += [
        (applicants + n, password, f"company{n}@bench.kr", "company")
        for n in range(1, companies + 1)
    ]
    loaded["users"] = Copier(User).copy(["id", "password", "email", "account_type"], users)

    loaded["companies"] = Copier(Company).copy(
        ["id", "name", "business_number", "status", "district_id"],
        (
            (n, f"기업{n}", f"{2000000000 + n}", "verified", rng.choice(districts))
            for n in range(1, companies + 1)
        ),
    )
    loaded["memberships"] = Copier(CompanyMembership).copy(
        ["id", "company_id", "user_id", "is_owner"],
        ((n, n, applicants + n, True) for n in range(1, companies + 1)),
    )
    seats = {n: rng.randint(1, 3) for n in range(1, roles + 1)}
    loaded["roles"] = Copier(Role).copy(
        [
            "id",
            "company_id",
            "intake_id",
            "title",
            "job_category_id",
            "district_id",
            "work_type",
            "seats",
            "status",
        ],
        (
            (
                n,
                (n - 1) % companies + 1,
                intake.pk,
                f"인턴 직무 {n}",
                rng.choice(categories),
                rng.choice(districts),
                rng.choice(["full_time", "flexible"]),
                seats[n],
                "published",
            )
            for n in range(1, roles + 1)
        ),
    )

    def profile_rows():
        for n in range(1, applicants + 1):
            yield (
                n,
                n,
                f"참여자{n}",
                date(1975, 1, 1) + timedelta(days=rng.randint(0, 9000)),
                "female" if rng.random() < 0.97 else "male",
                f"+8210{10000000 + n}",
                city.pk,
                rng.choice(districts),
                "unemployed" if rng.random() < 0.93 else "employed",
                rng.choice(["full_time", "flexible"]),
                True,
            )

    loaded["profiles"] = Copier(ApplicantProfile).copy(
        [
            "id",
            "user_id",
            "name",
            "birth_date",
            "gender",
            "phone",
            "residence_city_id",
            "residence_district_id",
            "employment_status",
            "desired_work_type",
            "never_employed",
        ],
        profile_rows(),
    )
    consented_at = datetime(2024, 4, 1, 9, 0).astimezone()
    loaded["consents"] = Copier(Consent).copy(
        ["profile_id", "item", "notice_version", "given_at"],
        (
            (n, item, NOTICES[item].version, consented_at)
            for n in range(1, applicants + 1)
            for item in REQUIRED_ITEMS
        ),
    )
    loaded["documents"] = Copier(Document).copy(
        ["profile_id", "kind", "file", "original_name", "content_type", "size"],
        (
            (n, "resume", f"applicant-documents/{n}/resume.pdf", "이력서.pdf", "application/pdf", 1)
            for n in range(1, applicants + 1)
            if rng.random() < 0.96
        ),
    )
    loaded["certificates"] = Copier(Certificate).copy(
        ["profile_id", "name", "issuer", "acquired_on"],
        (
            (n, f"자격증{k}", "한국산업인력공단", date(2020, 1, 1))
            for n in range(1, applicants + 1)
            for k in range(rng.choice([0, 0, 1, 1, 2]))
        ),
    )
    loaded["careers"] = Copier(CareerEntry).copy(
        ["profile_id", "job_category_id", "description", "years"],
        (
            (n, rng.choice(categories), "", rng.randint(1, 10))
            for n in range(1, applicants + 1)
            if rng.random() < 0.5
        ),
    )
    through = ApplicantProfile.desired_job_categories.through
    loaded["desired_categories"] = Copier(through).copy(
        ["applicantprofile_id", "jobcategory_id"],
        (
            (n, category)
            for n in range(1, applicants + 1)
            for category in rng.sample(categories, rng.randint(1, 2))
        ),
    )
    through = ApplicantProfile.preferred_districts.through
    loaded["preferred_districts"] = Copier(through).copy(
        ["applicantprofile_id", "district_id"],
        (
            (n, district)
            for n in range(1, applicants + 1)
            for district in rng.sample(districts, rng.randint(1, 2))
        ),
    )
    start = datetime(2024, 5, 1, 9, 0).astimezone()
    loaded["applications"] = Copier(InternshipApplication).copy(
        ["id", "applicant_id", "intake_id", "status", "submitted_at"],
        (
            (n, n, intake.pk, "submitted", start + timedelta(seconds=rng.randint(0, 86400 * 30)))
            for n in range(1, applicants + 1)
        ),
    )
    popularity = list(itertools.accumulate(1 / (rank + 1) for rank in range(roles)))
    choices = {n: _pick_roles(rng, roles, popularity) for n in range(1, applicants + 1)}
    loaded["choices"] = Copier(ApplicationChoice).copy(
        ["application_id", "role_id", "rank"],
        (
            (n, role, rank)
            for n, picked in choices.items()
            for rank, role in enumerate(picked, start=1)
        ),
    )
    chosen_by: dict[int, list[int]] = {}
    for n, picked in choices.items():
        for role in picked:
            chosen_by.setdefault(role, []).append(n)
    ranked_roles = rng.sample(range(1, roles + 1), int(roles * ranked_share))
    loaded["rankings"] = Copier(CandidateEvaluation).copy(
        ["role_id", "application_id", "result", "rank"],
        (
            (role, application, "pass", rank)
            for role in sorted(ranked_roles)
            for rank, application in enumerate(
                rng.sample(
                    chosen_by.get(role, []), min(len(chosen_by.get(role, [])), seats[role] * 3)
                ),
                start=1,
            )
        ),
    )
    return loaded


def _pick_roles(rng: random.Random, roles: int, popularity: list[float]) -> list[int]:
    picked: dict[int, None] = {}
    while len(picked) < min(CHOICES, roles):
        picked[bisect.bisect(popularity, rng.random() * popularity[-1]) + 1] = None
    return list(picked)


# --- Running -------------------------------------------------------------------------------------


def run_batch() -> dict:
    """Run the whole batch once, counting queries (and COPYs) per stage; in a fresh process."""
    from django.db import connection
    from django.db.backends.utils import CursorWrapper

    from matching import batch

    queries = {"total": 0}

    def count(execute, sql, params, many, context):
        queries["total"] += 1
        return execute(sql, params, many, context)

    def counted(name, stage):
        def wrapper(**kwargs):
            before = queries["total"]
            result = stage(**kwargs)
            queries[name] = queries["total"] - before
            return result

        return wrapper

    def copy(self, statement, *args):  # COPY does not pass through the execute wrappers
        queries["total"] += 1
        return self.cursor.copy(statement, *args)

    CursorWrapper.copy = copy
    batch.STAGES = tuple((name, counted(name, stage)) for name, stage in batch.STAGES)
    started = time.perf_counter()
    with connection.execute_wrapper(count):
        outcome = batch.weekly_batch_run(week=WEEK, triggered_by="bench")
    total = time.perf_counter() - started
    return {
        "result": outcome.result,
        "seconds": round(total, 2),
        "durations": outcome.durations,
        "counts": outcome.counts,
        "queries": queries,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--applicants", type=int, default=100_000)
    parser.add_argument("--roles", type=int, default=10_000)
    parser.add_argument("--ranked-share", type=float, default=0.3)
    parser.add_argument("--database", default="womenup_bench")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--run-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    database_url = bench_database_url(args.database)

    if args.run_only:
        django_setup(database_url)
        print(json.dumps(run_batch()))
        return 0

    database_recreate(database_url)
    django_setup(database_url)
    from django.core.management import call_command

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    migrated = time.perf_counter()
    loaded = load(
        applicants=args.applicants,
        roles=args.roles,
        ranked_share=args.ranked_share,
        seed=args.seed,
    )
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    done = time.perf_counter()
    print(
        f"database {args.database}: migrate {migrated - started:.1f}s, load {done - migrated:.1f}s"
    )
    print("loaded: " + ", ".join(f"{name}={count}" for name, count in loaded.items()))
    connection.close()

    child = subprocess.run(
        [sys.executable, __file__, "--run-only", "--database", args.database],
        capture_output=True,
        text=True,
        check=False,
    )
    if child.returncode:
        print(child.stdout, child.stderr, file=sys.stderr)
        return child.returncode
    report = json.loads(child.stdout.strip().splitlines()[-1])
    print(f"batch {WEEK}: {report['result']} in {report['seconds']:.2f}s")
    for stage, seconds in report["durations"].items():
        counts = ", ".join(f"{k}={v}" for k, v in report["counts"].get(stage, {}).items())
        print(
            f"  {stage:<7} {seconds:7.2f}s  queries={report['queries'].get(stage, '-'):<4} {counts}"
        )
    print(f"queries: {report['queries']['total']} in total")
    print(f"peak memory (ru_maxrss of the batch process): {report['peak_rss_mb']:.0f} MB")
    within = report["seconds"] < 60 and report["peak_rss_mb"] < 1536
    print("targets (< 60 s, < 1.5 GB): " + ("met" if within else "MISSED"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
