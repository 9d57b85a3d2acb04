"""The production path really serves: collectstatic, migrate and gunicorn with production settings.

Everything runs as it would on a server: subprocesses with `womenup.settings.production`, a fresh
PostgreSQL database, real gunicorn on a free local port, and pages fetched over HTTP.
"""

import base64
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest
import yaml

pytestmark = pytest.mark.production

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
PAGES = ["/", "/courses/", "/companies/", "/roles/", "/accounts/login/"]
STYLESHEET = re.compile(r'<link rel="stylesheet" href="([^"]+)"')
HASHED_NAME = re.compile(r"\.[0-9a-f]{12}\.css$")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def run_manage(env: dict, *args: str) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, f"manage.py {' '.join(args)}:\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def database_url():
    """A fresh, empty PostgreSQL database on the suite's server, dropped afterwards."""
    base = urlsplit(os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/womenup"))
    name = f"womenup_smoke_{uuid.uuid4().hex[:8]}"
    admin_url = urlunsplit(base._replace(path="/postgres", scheme="postgresql"))
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    yield urlunsplit(base._replace(path=f"/{name}"))
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def dockerfile_collectstatic_env() -> dict:
    """The settings module and variables the Dockerfile gives its collectstatic build step."""
    dockerfile = (ROOT / "Dockerfile").read_text().replace("\\\n", " ")
    step = next(line for line in dockerfile.splitlines() if "manage.py collectstatic" in line)
    variables = dict(re.findall(r"\b([A-Z_]+)=(\S+)", step.split("python manage.py")[0]))
    variables["DJANGO_SETTINGS_MODULE"] = re.search(
        r"DJANGO_SETTINGS_MODULE=(\S+)", dockerfile
    ).group(1)
    return variables


@pytest.fixture(scope="module")
def production_env(tmp_path_factory, database_url):
    """The environment a production install is given; static files collected, database migrated."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "CELERY_", "PYTEST", "STATIC_"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="womenup.settings.production",
        DJANGO_SECRET_KEY="smoke-test-" + uuid.uuid4().hex * 2,
        DJANGO_ALLOWED_HOSTS="womenup.example.kr,127.0.0.1",
        DJANGO_CSRF_TRUSTED_ORIGINS="https://127.0.0.1",
        DATABASE_URL=database_url,
        REDIS_URL=os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/1"),
        STATIC_ROOT=str(tmp_path_factory.mktemp("staticfiles")),
        MEDIA_ROOT=str(tmp_path_factory.mktemp("media")),
        MFA_ENCRYPTION_KEY=base64.urlsafe_b64encode(os.urandom(32)).decode(),
        TRUSTED_PROXY_COUNT="1",
    )
    # Collected as the image build does it: only the Dockerfile's variables, no database.
    build_env = {"PATH": env["PATH"], "STATIC_ROOT": env["STATIC_ROOT"]}
    run_manage({**build_env, **dockerfile_collectstatic_env()}, "collectstatic", "--noinput")
    assert (Path(env["STATIC_ROOT"]) / "staticfiles.json").is_file()
    run_manage(env, "migrate", "--noinput")
    return env


@contextmanager
def gunicorn(env: dict):
    port = free_port()
    server = subprocess.Popen(
        [str(BIN / "gunicorn"), "womenup.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            assert server.poll() is None, f"gunicorn exited:\n{server.stdout.read()}"
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert time.monotonic() < deadline, "gunicorn did not start listening in 60 s"
                time.sleep(0.2)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirect)


def fetch(url: str, *, https: bool = True):
    """(status, headers, body) of a GET, as the TLS proxy in front of gunicorn would pass it."""
    headers = {"X-Forwarded-For": "203.0.113.7"}
    if https:
        headers["X-Forwarded-Proto"] = "https"
    try:
        with OPENER.open(urllib.request.Request(url, headers=headers), timeout=30) as response:
            return response.status, response.headers, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode("utf-8", "replace")


def assert_pages_and_stylesheets_served(base_url: str) -> None:
    for page in PAGES:
        status, headers, body = fetch(base_url + page)
        assert status == 200, f"{page} answered {status}:\n{body[:2000]}"
        assert "default-src 'self'" in headers["Content-Security-Policy"], page
        assert "camera=()" in headers["Permissions-Policy"], page
        stylesheets = STYLESHEET.findall(body)
        assert stylesheets, f"{page} links no stylesheet"
        for href in stylesheets:
            assert HASHED_NAME.search(href), f"{page}: {href} is not the manifest's hashed name"
            status, headers, _css = fetch(base_url + href)
            assert status == 200, f"{href} answered {status}"
            assert headers.get_content_type() == "text/css", href


def run_compose_healthcheck(env: dict, base_url: str) -> subprocess.CompletedProcess:
    """docker-compose.yml's health check of the web service, against this gunicorn."""
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    kind, program, *args = compose["services"]["web"]["healthcheck"]["test"]
    assert (kind, program) == ("CMD", "python")
    args = [arg.replace("http://127.0.0.1:8000", base_url) for arg in args]
    return subprocess.run(
        [sys.executable, *args], env=env, capture_output=True, text=True, timeout=30
    )


def test_check_deploy_is_clean_with_production_settings(production_env):
    result = run_manage(production_env, "check", "--deploy", "--fail-level", "WARNING")
    assert "no issues" in result.stdout


def test_production_cookies_are_secure(production_env):
    code = (
        "from django.conf import settings as s; print(s.SESSION_COOKIE_SECURE, "
        "s.CSRF_COOKIE_SECURE, s.LANGUAGE_COOKIE_SECURE, s.LANGUAGE_COOKIE_HTTPONLY, "
        "s.LANGUAGE_COOKIE_SAMESITE)"
    )
    result = run_manage(production_env, "shell", "-c", code)
    assert result.stdout.splitlines()[-1].split() == ["True", "True", "True", "True", "Lax"]


def test_gunicorn_with_production_settings_serves_the_main_pages(production_env):
    with gunicorn(production_env) as base_url:
        assert_pages_and_stylesheets_served(base_url)
        status, headers, _body = fetch(base_url + "/", https=False)
        assert status == 301
        assert headers["Location"].startswith("https://127.0.0.1")
        healthcheck = run_compose_healthcheck(production_env, base_url)
        assert healthcheck.returncode == 0, healthcheck.stderr


def test_gunicorn_serves_the_main_pages_while_redis_is_unreachable(production_env):
    closed_port = free_port()
    env = {
        **production_env,
        "REDIS_URL": f"redis://127.0.0.1:{closed_port}/0",
        "CELERY_BROKER_URL": f"redis://127.0.0.1:{closed_port}/0",
    }
    with gunicorn(env) as base_url:
        assert_pages_and_stylesheets_served(base_url)
