"""Load-test the main pages on gunicorn with production settings, next to a trivial view.

    python bench/load.py [--size 10000] [--duration 8] [--connections 20] [--single 4]
                         [--writers 8] [--write-seconds 15] [--pages home,roles,...]
                         [--database womenup_bench_load] [--keep-db]

1. Creates (drops and recreates) its own database on the server of ``DATABASE_URL``, migrates
   it and loads ``--size`` applicants and ``--size / 10`` roles with the batch benchmark's COPY
   generator (``bench/batch.py``), eight courses, a logged-in session for 200 applicants and
   for 50 company owners, and 2,000 applicants without an application for the write scenario.
2. Collects static files and starts gunicorn with ``womenup.settings.production`` (through
   ``bench/load_settings.py``, which only swaps in ``bench/load_urls.py``: the portal's URLs
   plus ``/bench/trivial/``, one query through the same middleware), 2 workers × 4 threads,
   plain HTTP (``DJANGO_SECURE_SSL_REDIRECT=false``), the cache on ``REDIS_URL`` under a key
   prefix of its own.
3. Drives every page with wrk (Debian's ``wrk``), logged out and logged in (each request with
   one of the sessions), first ``--connections`` connections for ``--duration`` seconds, then
   one connection for ``--single`` seconds, and prints per page requests/s, p50/p90/p99 (from
   the many-connection run), the one-request p50, errors (non-2xx/3xx and socket errors) and
   both ratios to the trivial view of the same run.
4. The mixed write scenario: ``--writers`` threads, each taking a fresh applicant and posting
   "choose a role", "submit the application" and "enroll in a course" for
   ``--write-seconds`` seconds, once the workers have finished the requests the page runs left
   queued (a slow page can keep them busy for a while after wrk stops); prints writes/s,
   errors, the workers' CPU time per write (far less sensitive to the machine's load than the
   wall times), and checks in the database that every answered write is there (no lost write).
5. Prints the resident memory (RSS) of each gunicorn worker, stops gunicorn, deletes its cache
   keys and drops the database (unless ``--keep-db``).

Targets (issue 14): every page ≥ 0.5× the trivial view's throughput with 0 errors, one-request
p50 ≤ 3× the trivial view's, ≥ 50 writes/s with no error and no lost write, < 250 MB a worker.
Only 127.0.0.1 is contacted. The machine's load (``uptime``) is printed with the figures.
"""

from __future__ import annotations

import argparse
import base64
import http.client
import os
import queue
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlencode

BENCH_DIR = Path(__file__).resolve().parent
REPO_DIR = BENCH_DIR.parent
VENV_BIN = Path(sys.executable).parent
sys.path.insert(0, str(BENCH_DIR))

from batch import Copier, bench_database_url, database_recreate, django_setup  # noqa: E402
from batch import load as batch_load  # noqa: E402

SECRET_KEY = "bench-load-" + secrets.token_hex(32)
LOGGED_IN_APPLICANTS = 200
LOGGED_IN_COMPANIES = 50
WRITERS_POOL = 2000
COURSES = 8
WRITE_COURSE = "bench-load-course-1"


# --- Data ----------------------------------------------------------------------------------------


def prepare_data(size: int) -> dict:
    """Load the data; return the sessions and the addresses the pages need."""
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone

    from applicants.models import ApplicantProfile, Document
    from companies.models import CompanyMembership, Role
    from courses.models import Course, Institution
    from matching.models import ApplicationChoice, CandidateEvaluation, InternshipApplication
    from womenup.middleware import LAST_ACTIVITY_KEY, SESSION_STARTED_KEY
    from womenup.models import IntakeWindow, Program, User
    from womenup.programs.selectors import running_program

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    today = timezone.localdate()
    program = running_program(Program.Kind.INTERNSHIP)
    intake = IntakeWindow.objects.filter(program=program).order_by("opens_on").first()
    # Announcement day: the intake the data is loaded into is open today.
    IntakeWindow.objects.filter(pk=intake.pk).update(
        opens_on=today - timedelta(days=3), closes_on=today + timedelta(days=30)
    )
    loaded = batch_load(applicants=size, roles=max(1, size // 10), ranked_share=0.3, seed=1)

    # The write scenario's applicants: no application yet, a complete eligible profile.
    writers = list(range(size - WRITERS_POOL + 1, size + 1))
    CandidateEvaluation.objects.filter(application__applicant_id__in=writers).delete()
    ApplicationChoice.objects.filter(application__applicant_id__in=writers).delete()
    InternshipApplication.objects.filter(applicant_id__in=writers).delete()
    ApplicantProfile.objects.filter(pk__in=writers).update(
        gender="female", employment_status="unemployed"
    )
    with_resume = set(
        Document.objects.filter(profile_id__in=writers, kind="resume").values_list(
            "profile_id", flat=True
        )
    )
    Copier(Document).copy(
        ["profile_id", "kind", "file", "original_name", "content_type", "size"],
        (
            (n, "resume", f"applicant-documents/{n}/resume.pdf", "이력서.pdf", "application/pdf", 1)
            for n in writers
            if n not in with_resume
        ),
    )

    course_program = running_program(Program.Kind.COURSE)
    institution = Institution.objects.create(name="벤치 센터", city=course_program.city)
    for n in range(1, COURSES + 1):
        Course.objects.create(
            institution=institution,
            program=course_program,
            code=f"bench-load-course-{n}",
            title=f"벤치마크 디지털 과정 {n}",
            track=Course.Track.DEVELOPER_ENTRY,
            summary="데이터 분석과 웹 개발 기초를 배우는 과정입니다.",
            hours=120 + n,
            starts_on=today + timedelta(days=30 + n),
            ends_on=today + timedelta(days=150 + n),
            seats=30000,
        )

    def session_for(user) -> str:
        store = SessionStore()
        store[SESSION_KEY] = str(user.pk)
        store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        store[HASH_SESSION_KEY] = user.get_session_auth_hash()
        now = int(time.time())
        store[SESSION_STARTED_KEY] = now
        store[LAST_ACTIVITY_KEY] = now
        store.create()
        return store.session_key

    applicant_users = User.objects.filter(pk__lte=LOGGED_IN_APPLICANTS).order_by("pk")
    company_users = User.objects.filter(account_type="company").order_by("pk")
    owners = list(company_users[:LOGGED_IN_COMPANIES])
    owner_company = dict(
        CompanyMembership.objects.filter(user__in=owners).values_list("user_id", "company_id")
    )
    company_role = {}
    for role in Role.objects.filter(company_id__in=owner_company.values()).order_by("pk"):
        company_role.setdefault(role.company_id, role.pk)
    writer_users = User.objects.filter(pk__in=writers).order_by("pk")
    data = {
        "applicant_sessions": [session_for(user) for user in applicant_users],
        "company_sessions": [session_for(user) for user in owners],
        "writer_sessions": [session_for(user) for user in writer_users],
        "writer_profiles": writers,
        "program_code": program.code,
        "role_pk": Role.objects.order_by("pk").values_list("pk", flat=True).first(),
        "company_pk": owner_company[owners[0].pk],
        "company_role_pk": company_role[owner_company[owners[0].pk]],
        "course_code": WRITE_COURSE,
        "loaded": loaded,
    }
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    data["seconds"] = time.perf_counter() - started
    connection.close()
    return data


# --- Server --------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def server_environment(
    database_url: str, static_root: str, cache_prefix: str, redis_url: str
) -> dict:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "CELERY_", "PYTEST", "STATIC_"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="load_settings",
        PYTHONPATH=str(BENCH_DIR),
        DJANGO_SECRET_KEY=SECRET_KEY,
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_SECURE_SSL_REDIRECT="false",
        DJANGO_SECURE_HSTS_SECONDS="0",
        MFA_ENCRYPTION_KEY=base64.urlsafe_b64encode(os.urandom(32)).decode(),
        DATABASE_URL=database_url,
        REDIS_URL=redis_url,
        CACHE_KEY_PREFIX=cache_prefix,
        CELERY_BROKER_URL="memory://",
        CELERY_TASK_ALWAYS_EAGER="false",
        EMAIL_URL="dummymail://localhost",
        STATIC_ROOT=static_root,
        MEDIA_ROOT=tempfile.mkdtemp(prefix="womenup-bench-media-"),
        LOG_LEVEL="WARNING",
    )
    return env


def start_gunicorn(env: dict, port: int, workers: int, threads: int) -> subprocess.Popen:
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=REPO_DIR,
        env=env,
        check=True,
    )
    server = subprocess.Popen(
        [
            str(VENV_BIN / "gunicorn"),
            "womenup.wsgi",
            f"--bind=127.0.0.1:{port}",
            f"--workers={workers}",
            f"--threads={threads}",
            "--worker-class=gthread",
            "--log-level=warning",
            "--timeout=60",
        ],
        cwd=REPO_DIR,
        env=env,
        start_new_session=True,  # its own process group: the workers are stopped with it
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit("gunicorn exited")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", "/bench/trivial/")
            if connection.getresponse().status == 200:
                return server
        except OSError:
            pass
        time.sleep(0.3)
    server.terminate()
    sys.exit("gunicorn did not answer in time")


def worker_pids(server: subprocess.Popen) -> list[int]:
    found = subprocess.run(
        ["ps", "-o", "pid=", "--ppid", str(server.pid)], capture_output=True, text=True
    ).stdout.split()
    return [int(pid) for pid in found]


def worker_rss_mb(server: subprocess.Popen) -> list[float]:
    children = subprocess.run(
        ["ps", "-o", "rss=", "--ppid", str(server.pid)], capture_output=True, text=True
    ).stdout.split()
    return [int(kb) / 1024 for kb in children]


def workers_cpu_seconds(server: subprocess.Popen) -> float:
    """User and system CPU time the workers have used so far."""
    total = 0
    for pid in worker_pids(server):
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / os.sysconf("SC_CLK_TCK")


def workers_idle(server: subprocess.Popen, limit: float = 180) -> float:
    """Wait until the workers are idle; returns the seconds waited. When wrk stops, gunicorn
    still answers the requests it had accepted (a slow page leaves a queue): the write scenario
    is measured once they are done, not beside them."""
    started = time.monotonic()
    while time.monotonic() - started < limit:
        before = workers_cpu_seconds(server)
        time.sleep(1)
        if workers_cpu_seconds(server) - before < 0.05:
            break
    return time.monotonic() - started


# --- Pages ---------------------------------------------------------------------------------------


def pages(data: dict) -> list[tuple[str, str, str]]:
    """(label, who, path): who is anonymous, applicant or company."""
    role, course, program = data["role_pk"], data["course_code"], data["program_code"]
    public = [
        ("trivial view", "/bench/trivial/"),
        ("home", "/"),
        ("programme page", f"/programs/{program}/"),
        ("role list", "/roles/"),
        ("role list, filtered", "/roles/?work_type=full_time"),
        ("role detail", f"/roles/{role}/"),
        ("companies", "/companies/"),
        ("company page", f"/companies/{data['company_pk']}/"),
        ("course catalogue", "/courses/"),
        ("course page", f"/courses/{course}/"),
        ("self-check", "/self-check/"),
    ]
    rows = [(label, "anonymous", path) for label, path in public]
    rows += [(label, "applicant", path) for label, path in public]
    rows.insert(len(public) + 1, ("applicant dashboard", "applicant", "/me/"))
    rows += [
        ("trivial view", "company", "/bench/trivial/"),
        ("company dashboard", "company", "/company/"),
        ("company role page", "company-owner", f"/company/roles/{data['company_role_pk']}/"),
    ]
    return rows


LUA = """
cookies = {%s}
counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", "%s", {["Cookie"] = "sessionid=" .. cookies[(counter %% #cookies) + 1]})
end
"""

UNITS = {"us": 1e-3, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def wrk(port: int, path: str, sessions: list[str], connections: int, seconds: float) -> dict:
    command = [
        "wrk",
        f"-t{min(2, connections)}",
        f"-c{connections}",
        f"-d{max(1, round(seconds))}s",
        "--latency",
    ]
    script = None
    if sessions:
        descriptor, script = tempfile.mkstemp(suffix=".lua")
        with os.fdopen(descriptor, "w") as lua:
            lua.write(LUA % (", ".join(f'"{key}"' for key in sessions), path))
        command += ["-s", script]
    command.append(f"http://127.0.0.1:{port}{path}")
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    if script:
        os.unlink(script)
    found = {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))}
    for percent in ("50", "90", "99"):
        value, unit = re.search(rf"^\s+{percent}%\s+([\d.]+)(us|ms|s|m)\s*$", output, re.M).groups()
        found[f"p{percent}"] = float(value) * UNITS[unit]
    errors = 0
    if match := re.search(r"Non-2xx or 3xx responses: (\d+)", output):
        errors += int(match.group(1))
    if match := re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    ):
        errors += sum(int(group) for group in match.groups())
    found["errors"] = errors
    found["requests"] = int(re.search(r"(\d+) requests in", output).group(1))
    return found


def status_of(port: int, path: str, session: str | None) -> int:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Cookie": f"sessionid={session}"} if session else {}
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    response.read()
    return response.status


def drive_pages(port: int, data: dict, args) -> list[dict]:
    sessions = {
        "anonymous": [],
        "applicant": data["applicant_sessions"],
        "company": data["company_sessions"],
        "company-owner": data["company_sessions"][:1],  # the role page of her own company
    }
    wanted = set(args.pages.split(",")) if args.pages else None
    results = []
    trivial = {}
    for label, who, path in pages(data):
        if wanted and label != "trivial view" and not any(w in label for w in wanted):
            continue
        status = status_of(port, path, (sessions[who] or [None])[0])
        many = wrk(port, path, sessions[who], args.connections, args.duration)
        one = wrk(port, path, sessions[who], 1, args.single)
        row = {"label": label, "who": who, "path": path, "status": status, "many": many, "one": one}
        if label == "trivial view":
            trivial[who] = row
        base = trivial.get(who.split("-")[0]) or trivial["anonymous"]
        row["ratio"] = many["rps"] / base["many"]["rps"]
        row["latency_ratio"] = one["p50"] / base["one"]["p50"]
        results.append(row)
        print_row(row)
    return results


def print_header() -> None:
    print(
        f"{'page':<24} {'who':<10} {'status':>6} {'req/s':>8} {'p50 ms':>7} {'p90 ms':>7} "
        f"{'p99 ms':>7} {'err':>5} {'×triv':>6} | {'1-conn p50':>10} {'×triv':>6}"
    )


def print_row(row: dict) -> None:
    many, one = row["many"], row["one"]
    print(
        f"{row['label']:<24} {row['who']:<10} {row['status']:>6} {many['rps']:>8.1f} "
        f"{many['p50']:>7.1f} {many['p90']:>7.1f} {many['p99']:>7.1f} "
        f"{many['errors'] + one['errors']:>5} {row['ratio']:>6.2f} | "
        f"{one['p50']:>8.1f}ms {row['latency_ratio']:>6.2f}",
        flush=True,
    )


# --- Mixed writes --------------------------------------------------------------------------------


def timed_post(done, lock, step, *args) -> tuple[int, str]:
    started = time.perf_counter()
    answer = post(*args)
    with lock:
        done["latency"].setdefault(step, []).append(time.perf_counter() - started)
    return answer


def post(connection, path: str, session: str, fields: dict) -> tuple[int, str]:
    csrf = secrets.token_hex(16)  # 32 characters: a CSRF secret Django accepts as the token
    body = urlencode({"csrfmiddlewaretoken": csrf, **fields}).encode()
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "Cookie": f"sessionid={session}; csrftoken={csrf}",
    }
    connection.request("POST", path, body=body, headers=headers)
    response = connection.getresponse()
    response.read()
    return response.status, response.getheader("Location") or ""


def mixed_writes(port: int, data: dict, writers: int, seconds: float, role_ids: list[int]) -> dict:
    """Each writer: choose a role, submit the application, enroll in the course."""
    todo: queue.Queue = queue.Queue()
    for index, session in enumerate(data["writer_sessions"]):
        todo.put((index, session))
    lock = threading.Lock()
    done = {"writes": 0, "applicants": [], "errors": [], "latency": {}}
    stop_at = time.monotonic() + seconds
    course_path = f"/courses/{data['course_code']}/apply/"

    def writer() -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        while time.monotonic() < stop_at:
            try:
                index, session = todo.get_nowait()
            except queue.Empty:
                return
            role = role_ids[index % len(role_ids)]
            steps = 0
            try:
                status, location = timed_post(
                    done,
                    lock,
                    "choose",
                    connection,
                    f"/internship/roles/{role}/choose/",
                    session,
                    {},
                )
                match = re.match(r"/internship/applications/(\d+)/$", location)
                if status != 302 or not match:
                    raise RuntimeError(f"choose: {status} {location}")
                steps += 1
                submit = f"/internship/applications/{match.group(1)}/submit/"
                status, location = timed_post(done, lock, "submit", connection, submit, session, {})
                if status != 302 or location != "/me/":
                    raise RuntimeError(f"submit: {status} {location}")
                steps += 1
                status, location = timed_post(
                    done,
                    lock,
                    "enroll",
                    connection,
                    course_path,
                    session,
                    {"motivation": "데이터 분석을 배우고 싶습니다."},
                )
                if status != 302 or location != f"/courses/{data['course_code']}/":
                    raise RuntimeError(f"enroll: {status} {location}")
                steps += 1
            except (OSError, RuntimeError, http.client.HTTPException) as error:
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                with lock:
                    done["errors"].append(str(error))
            with lock:
                done["writes"] += steps
                if steps == 3:
                    done["applicants"].append(data["writer_profiles"][index])
        connection.close()

    started = time.perf_counter()
    threads = [threading.Thread(target=writer) for _ in range(writers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    done["seconds"] = time.perf_counter() - started
    return done


def writes_in_database(profiles: list[int], course_code: str) -> dict:
    from courses.models import Enrollment
    from matching.models import ApplicationChoice, InternshipApplication

    return {
        "submitted": InternshipApplication.objects.filter(
            applicant_id__in=profiles, status="submitted"
        ).count(),
        "choices": ApplicationChoice.objects.filter(application__applicant_id__in=profiles).count(),
        "enrollments": Enrollment.objects.filter(
            applicant_id__in=profiles, course__code=course_code
        ).count(),
    }


# --- Main ----------------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10_000, help="applicants (roles: a tenth)")
    parser.add_argument("--duration", type=float, default=8, help="seconds per page, many conns")
    parser.add_argument("--connections", type=int, default=20)
    parser.add_argument("--single", type=float, default=4, help="seconds per page, one conn")
    parser.add_argument("--writers", type=int, default=8)
    parser.add_argument("--write-seconds", type=float, default=15)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--pages", default="", help="comma-separated label parts to run only")
    parser.add_argument("--database", default="womenup_bench_load")
    parser.add_argument("--keep-db", action="store_true")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is needed: apt-get install wrk")

    database_url = bench_database_url(args.database)
    redis_url = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/0"
    database_recreate(database_url)
    os.environ["DJANGO_SECRET_KEY"] = SECRET_KEY  # sessions are signed with the server's key
    django_setup(database_url)
    data = prepare_data(args.size)
    print(
        f"database {args.database}: {args.size} applicants, {max(1, args.size // 10)} roles, "
        f"{COURSES} courses, loaded in {data['seconds']:.0f}s"
    )
    static_root = tempfile.mkdtemp(prefix="womenup-bench-static-")
    cache_prefix = f"bench-load-{os.getpid()}"
    env = server_environment(database_url, static_root, cache_prefix, redis_url)
    port = free_port()
    server = start_gunicorn(env, port, args.workers, args.threads)
    ok = True
    try:
        print(f"gunicorn {args.workers} workers × {args.threads} threads, production settings")
        print(f"load before: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f}")
        print_header()
        rows = drive_pages(port, data, args)
        print(f"load after pages: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f}")
        print(
            "worker RSS after the pages: "
            + ", ".join(f"{mb:.0f} MB" for mb in worker_rss_mb(server))
        )
        from companies.models import Role

        role_ids = list(Role.objects.order_by("pk").values_list("pk", flat=True)[:200])
        waited = workers_idle(server)
        print(
            f"workers idle after {waited:.0f}s; load before the writes: "
            f"{os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f}"
        )
        cpu_before = workers_cpu_seconds(server)
        writes = mixed_writes(port, data, args.writers, args.write_seconds, role_ids)
        cpu_per_write = (workers_cpu_seconds(server) - cpu_before) / max(1, writes["writes"])
        stored = writes_in_database(writes["applicants"], data["course_code"])
        expected = len(writes["applicants"])
        lost = not (
            stored["submitted"] >= expected
            and stored["choices"] >= expected
            and stored["enrollments"] >= expected
        )
        print(
            f"mixed writes ({args.writers} clients): {writes['writes']} writes in "
            f"{writes['seconds']:.1f}s = {writes['writes'] / writes['seconds']:.1f}/s, "
            f"errors={len(writes['errors'])}, applicants done={expected}, in the database: "
            f"submitted={stored['submitted']} choices={stored['choices']} "
            f"enrollments={stored['enrollments']} lost={'YES' if lost else 'none'}"
        )
        print(
            "  median per write: "
            + ", ".join(
                f"{step} {sorted(values)[len(values) // 2] * 1000:.0f} ms"
                for step, values in writes["latency"].items()
            )
        )
        print(
            f"  gunicorn CPU per write: {cpu_per_write * 1000:.1f} ms (the machine's load "
            f"changes wall times, far less this); load after the writes: "
            f"{os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f}"
        )
        for error in writes["errors"][:5]:
            print(f"  error: {error}")
        rss = worker_rss_mb(server)
        print("worker RSS: " + ", ".join(f"{mb:.0f} MB" for mb in rss))
        errors = sum(row["many"]["errors"] + row["one"]["errors"] for row in rows)
        pages_ok = all(
            row["ratio"] >= 0.5 and row["latency_ratio"] <= 3 and row["status"] == 200
            for row in rows
        )
        ok = (
            pages_ok
            and not errors
            and not writes["errors"]
            and not lost
            and writes["writes"] / writes["seconds"] >= 50
            and max(rss) < 250
        )
        print("targets (≥0.5× trivial, p50 ≤3×, 0 errors, ≥50 writes/s, <250 MB): "
              + ("met" if ok else "MISSED"))  # fmt: skip
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:  # a worker stuck in a request: end them all
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
        shutil.rmtree(static_root, ignore_errors=True)
        shutil.rmtree(env["MEDIA_ROOT"], ignore_errors=True)
        cache_clear(env["REDIS_URL"], cache_prefix)
        from django.db import connections

        connections.close_all()
        if not args.keep_db:
            database_drop(database_url)
    return 0 if ok else 1


def cache_clear(redis_url: str, prefix: str) -> None:
    import redis

    client = redis.Redis.from_url(redis_url)
    keys = list(client.scan_iter(f"{prefix}:*", count=1000))
    if keys:
        client.delete(*keys)


def database_drop(database_url: str) -> None:
    from urllib.parse import urlsplit, urlunsplit

    import psycopg

    parts = urlsplit(database_url)
    name = parts.path.lstrip("/")
    with psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


if __name__ == "__main__":
    sys.exit(main())
