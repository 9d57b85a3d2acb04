"""Fire many concurrent enrollments at a course with few seats on the real server.

    python bench/enroll.py [--applicants 200] [--seats 20] [--workers 4] [--threads 16]
                           [--keep-db]

The DESIGN.md §9 case: 200 applicants apply at the same instant for a 20-seat first-come
course. The script

1. creates (after dropping) the database ``womenup_bench_enroll`` on the PostgreSQL server
   named by ``DATABASE_URL`` (default ``postgres://postgres@127.0.0.1:5432/``) and migrates it;
2. creates the applicants (unemployed women of the programme's city: eligible), one 20-seat
   first-come course,
   and a logged-in session per applicant;
3. starts gunicorn (``womenup.wsgi``, settings ``womenup.settings.dev``, debug off, e-mail
   discarded) on a free port of 127.0.0.1;
4. starts one thread per applicant, releases them together, and each POSTs the apply form
   with its own session and CSRF cookie;
5. prints how many were enrolled and waitlisted, how many requests failed, whether the
   waitlist follows arrival order (every enrolled application arrived before every waiting
   one, and waitlist order = arrival order), and the time taken.

Exits with status 1 when the seats are not exactly filled, any request failed, or the order
is wrong. Only 127.0.0.1 is contacted.
"""

from __future__ import annotations

import argparse
import http.client
import os
import secrets
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

REPO_DIR = Path(__file__).resolve().parent.parent
VENV_BIN = REPO_DIR / ".venv" / "bin"
DB_NAME = "womenup_bench_enroll"
COURSE_CODE = "bench-python-entry"


@dataclass
class Result:
    status: int = 0
    location: str = ""
    error: str = ""
    seconds: float = 0.0


def main() -> int:
    args = parse_args()
    database_url = bench_database_url()
    env = server_environment(database_url)
    recreate_database(database_url)
    run([str(VENV_BIN / "python"), "manage.py", "migrate", "--noinput", "-v0"], env)
    os.environ.update(env)
    sessions, course_url = create_applicants_and_course(args.applicants, args.seats)
    port = free_port()
    server = start_server(env, port, args.workers, args.threads)
    try:
        wait_until_up(port)
        started = time.perf_counter()
        results = fire(port, course_url, sessions)
        elapsed = time.perf_counter() - started
    finally:
        server.terminate()
        server.wait(timeout=30)
    ok = report(results, elapsed, args)
    if not args.keep_db:
        from django.db import connections

        connections.close_all()
        drop_database(database_url)
    return 0 if ok else 1


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--applicants", type=int, default=200)
    parser.add_argument("--seats", type=int, default=20)
    parser.add_argument("--workers", type=int, default=4, help="gunicorn worker processes")
    parser.add_argument("--threads", type=int, default=16, help="threads per worker")
    parser.add_argument("--keep-db", action="store_true", help="keep the benchmark database")
    return parser.parse_args()


# --- Database and server ---------------------------------------------------------------------


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


def server_environment(database_url: str) -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "womenup.settings.dev",
        "DJANGO_DEBUG": "false",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "EMAIL_URL": "dummymail://localhost",
        "PYTHONWARNINGS": "ignore::UserWarning",
        "REDIS_URL": "",
        "CELERY_TASK_ALWAYS_EAGER": "true",
        "CELERY_BROKER_URL": "memory://localhost/",
        "LOG_LEVEL": "WARNING",
    }


def run(command: list[str], env: dict[str, str]) -> None:
    subprocess.run(command, cwd=REPO_DIR, env=env, check=True)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(env: dict[str, str], port: int, workers: int, threads: int):
    command = [
        str(VENV_BIN / "gunicorn"),
        "womenup.wsgi",
        f"--bind=127.0.0.1:{port}",
        f"--workers={workers}",
        f"--threads={threads}",
        "--worker-class=gthread",
        "--log-level=warning",
        "--timeout=60",
    ]
    return subprocess.Popen(command, cwd=REPO_DIR, env=env)


def wait_until_up(port: int, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", "/courses/")
            if connection.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    sys.exit("The server did not answer in time.")


# --- Data ----------------------------------------------------------------------------------------


def create_applicants_and_course(count: int, seats: int) -> tuple[list[str], str]:
    """The applicants with a logged-in session each, and the course's apply URL."""
    import django

    django.setup()
    from datetime import timedelta

    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.utils import timezone

    from applicants.models import ApplicantProfile
    from courses.models import Course, Institution
    from womenup.models import Program, User
    from womenup.programs.selectors import running_program

    program = running_program(Program.Kind.COURSE)  # the first city's first course programme
    city = program.city
    district = city.districts.order_by("pk").first()
    users = User.objects.bulk_create(
        User(email=f"bench{n}@example.kr", account_type=User.AccountType.APPLICANT)
        for n in range(count)
    )
    for user in users:
        user.set_unusable_password()
    User.objects.bulk_update(users, ["password"])
    ApplicantProfile.objects.bulk_create(
        ApplicantProfile(
            user=user,
            name=f"벤치{n}",
            gender="female",
            residence_city=city,
            residence_district=district,
            employment_status="unemployed",
        )
        for n, user in enumerate(users)
    )
    today = timezone.localdate()
    Course.objects.create(
        institution=Institution.objects.create(name="벤치 센터", city=city),
        program=program,
        code=COURSE_CODE,
        title="벤치마크 파이썬 입문",
        track=Course.Track.DEVELOPER_ENTRY,
        hours=450,
        starts_on=today + timedelta(days=30),
        ends_on=today + timedelta(days=150),
        seats=seats,
    )
    sessions = []
    for user in users:
        store = SessionStore()
        store[SESSION_KEY] = str(user.pk)
        store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        store[HASH_SESSION_KEY] = user.get_session_auth_hash()
        store.create()
        sessions.append(store.session_key)
    return sessions, f"/courses/{COURSE_CODE}/apply/"


# --- Firing -------------------------------------------------------------------------------------


def fire(port: int, url: str, sessions: list[str]) -> list[Result]:
    """One thread per session, released together by a barrier; one POST each."""
    barrier = threading.Barrier(len(sessions))
    results = [Result() for _ in sessions]

    def post(index: int, session_key: str) -> None:
        csrf = secrets.token_hex(16)  # 32 characters: a CSRF secret Django accepts as the token
        body = urlencode({"csrfmiddlewaretoken": csrf, "motivation": f"벤치마크 신청 {index}"})
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"sessionid={session_key}; csrftoken={csrf}",
        }
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        barrier.wait()
        started = time.perf_counter()
        try:
            connection.request("POST", url, body=body.encode(), headers=headers)
            response = connection.getresponse()
            response.read()
            results[index] = Result(response.status, response.getheader("Location") or "")
        except OSError as error:
            results[index] = Result(error=str(error))
        finally:
            results[index].seconds = time.perf_counter() - started
            connection.close()

    threads = [
        threading.Thread(target=post, args=(index, key)) for index, key in enumerate(sessions)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


# --- Report ---------------------------------------------------------------------------------------


def report(results: list[Result], elapsed: float, args: argparse.Namespace) -> bool:
    from courses.models import Course, Enrollment

    course = Course.objects.get(code=COURSE_CODE)
    arrivals = list(
        Enrollment.objects.filter(course=course)
        .order_by("applied_at", "pk")
        .values_list("pk", "status", "waitlisted_at")
    )
    statuses = [status for _, status, _ in arrivals]
    enrolled = statuses.count(Enrollment.Status.ENROLLED)
    waitlisted = statuses.count(Enrollment.Status.WAITLISTED)
    expected_location = f"/courses/{COURSE_CODE}/"
    errors = [r for r in results if r.status != 302 or r.location != expected_location]
    waiting = [(pk, at) for pk, status, at in arrivals if status == Enrollment.Status.WAITLISTED]
    in_order = statuses == [Enrollment.Status.ENROLLED] * enrolled + [
        Enrollment.Status.WAITLISTED
    ] * waitlisted and waiting == sorted(waiting, key=lambda item: (item[1], item[0]))
    latencies = sorted(r.seconds for r in results)
    print(f"applicants={args.applicants} seats={args.seats} "
          f"server=gunicorn gthread {args.workers}x{args.threads}")  # fmt: skip
    print(f"enrolled={enrolled} waitlisted={waitlisted} errors={len(errors)}")
    print(f"seat counter={course.enrolled_count} waitlist_in_arrival_order={in_order}")
    print(
        f"time={elapsed:.2f}s requests_per_second={len(results) / elapsed:.0f} "
        f"latency_p50={latencies[len(latencies) // 2]:.3f}s latency_max={latencies[-1]:.3f}s"
    )
    for error in errors[:5]:
        print(f"  error: status={error.status} location={error.location!r} {error.error}")
    expected_enrolled = min(args.seats, args.applicants)
    return (
        enrolled == expected_enrolled == course.enrolled_count
        and waitlisted == args.applicants - expected_enrolled
        and not errors
        and in_order
    )


if __name__ == "__main__":
    sys.path.insert(0, str(REPO_DIR))
    sys.exit(main())
