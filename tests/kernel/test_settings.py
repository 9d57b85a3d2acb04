"""Settings follow the environment: SQLite and eager tasks bare, PostgreSQL and Redis when told."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PROBE = (
    "import django, json; from django.conf import settings; django.setup(); print(json.dumps({"
    "'db': settings.DATABASES['default']['ENGINE'],"
    "'cache': settings.CACHES['default']['BACKEND'],"
    "'broker': settings.CELERY_BROKER_URL,"
    "'eager': settings.CELERY_TASK_ALWAYS_EAGER,"
    "'email': settings.EMAIL_BACKEND,"
    "'conn_max_age': settings.DATABASES['default']['CONN_MAX_AGE'],"
    "'health_checks': settings.DATABASES['default'].get('CONN_HEALTH_CHECKS', False)}))"
)
CONFIG_VARIABLES = (
    "DATABASE_URL",
    "REDIS_URL",
    "CELERY_BROKER_URL",
    "CELERY_TASK_ALWAYS_EAGER",
    "DJANGO_ALLOW_ASYNC_UNSAFE",  # set by the browser tests of the same run
    "DATABASE_CONN_MAX_AGE",
)


def settings_under(module: str, **environment: str) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in CONFIG_VARIABLES}
    env.update(DJANGO_SETTINGS_MODULE=module, **environment)
    result = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_with_nothing_configured_it_runs_on_sqlite_with_eager_tasks():
    found = settings_under("womenup.settings.dev")
    assert found["db"] == "django.db.backends.sqlite3"
    assert found["cache"].endswith("LocMemCache")
    assert found["eager"] is True
    assert found["broker"] == "memory://"
    assert found["email"].endswith("console.EmailBackend")


def test_database_and_redis_urls_switch_to_postgresql_and_redis():
    found = settings_under(
        "womenup.settings.dev",
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/womenup",
        REDIS_URL="redis://127.0.0.1:6379/2",
    )
    assert found["db"] == "django.db.backends.postgresql"
    assert found["cache"] == "womenup.cache.FailOpenRedisCache"
    assert found["broker"] == "redis://127.0.0.1:6379/2"
    assert found["eager"] is False


def test_a_separate_broker_url_wins_over_redis_url():
    found = settings_under(
        "womenup.settings.dev",
        REDIS_URL="redis://127.0.0.1:6379/2",
        CELERY_BROKER_URL="amqp://guest:guest@127.0.0.1:5672//",
    )
    assert found["broker"] == "amqp://guest:guest@127.0.0.1:5672//"
    assert found["eager"] is False


def test_the_test_suite_itself_runs_on_postgresql_and_redis(settings):
    assert settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
    assert settings.CACHES["default"]["BACKEND"].endswith("RedisCache")
    assert settings.CELERY_BROKER_URL.startswith("redis://")


PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "womenup.settings.production",
    "DJANGO_SECRET_KEY": "x7#k2!p9@f4$w8^m3&q6*z1(r5)t0_y-u+i=o[a]s{d}g|h;j:l,c.v/b<n>e?",
    "DJANGO_ALLOWED_HOSTS": "womenup.seoul.go.kr",
    "MFA_ENCRYPTION_KEY": "q8Vt3mZr0Lw5Nc7Ye2Hs9Kd4Pf6Ja1Ux",
}


def check_deploy(**environment: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in CONFIG_VARIABLES}
    env.update(PRODUCTION, **environment)
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )


def test_check_deploy_is_clean_under_production_settings():
    result = check_deploy(
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/womenup",
        REDIS_URL="redis://127.0.0.1:6379/2",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_warns_when_rate_limits_would_not_be_shared():
    result = check_deploy()
    assert result.returncode != 0
    assert "womenup.W001" in result.stdout + result.stderr


def test_production_keeps_database_connections_a_minute_and_checks_them_first():
    found = settings_under(
        "womenup.settings.production",
        **{k: v for k, v in PRODUCTION.items() if k != "DJANGO_SETTINGS_MODULE"},
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/womenup",
    )
    assert (found["conn_max_age"], found["health_checks"]) == (60, True)
    assert settings_under("womenup.settings.dev")["conn_max_age"] == 0  # one per request
    found = settings_under(
        "womenup.settings.production",
        **{k: v for k, v in PRODUCTION.items() if k != "DJANGO_SETTINGS_MODULE"},
        DATABASE_CONN_MAX_AGE="0",
    )
    assert found["conn_max_age"] == 0


def test_production_refuses_to_start_without_the_mfa_encryption_key():
    hidden = (*CONFIG_VARIABLES, "MFA_ENCRYPTION_KEY")
    env = {k: v for k, v in os.environ.items() if k not in hidden}
    env.update({k: v for k, v in PRODUCTION.items() if k != "MFA_ENCRYPTION_KEY"})
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode != 0
    assert "MFA_ENCRYPTION_KEY" in result.stderr
