"""docker-compose.yml and the Dockerfile stay in step with the code."""

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]


def compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def test_compose_runs_web_worker_beat_postgresql_and_redis_with_health_checks():
    services = compose()["services"]
    assert set(services) == {"web", "worker", "beat", "db", "redis"}
    for name in ("web", "worker", "db", "redis"):
        assert "healthcheck" in services[name], name
    assert "gunicorn womenup.wsgi" in services["web"]["command"]
    assert services["worker"]["command"].startswith("celery -A womenup worker")
    assert services["beat"]["command"].startswith("celery -A womenup beat")


def test_the_portal_services_share_one_environment_and_wait_for_healthy_stores():
    services = compose()["services"]
    for name in ("web", "worker", "beat"):
        environment = services[name]["environment"]
        assert environment["DATABASE_URL"].startswith("postgres://")
        assert environment["REDIS_URL"].startswith("redis://redis:")
        assert services[name]["depends_on"]["db"]["condition"] == "service_healthy"


def test_the_dockerfile_copies_every_app_the_settings_install():
    from django.conf import settings

    dockerfile = (ROOT / "Dockerfile").read_text()
    local_apps = [app for app in settings.INSTALLED_APPS if (ROOT / app.split(".")[0]).is_dir()]
    for app in {app.split(".")[0] for app in local_apps}:
        assert f"COPY {app} ./{app}" in dockerfile, app
