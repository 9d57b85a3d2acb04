"""docker-compose.yml, the Dockerfile and .env.example stay in step with the production settings.

Whether the production settings really serve is proven by tests/production (collectstatic,
migrate and gunicorn); these checks only keep the deployment files naming the same things.
"""

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
SETTINGS_MODULE = "womenup.settings.production"
# What a production install must be given (README, 배포 / Deployment).
PRODUCTION_VARIABLES = [
    "DJANGO_SECRET_KEY",
    "DJANGO_ALLOWED_HOSTS",
    "DJANGO_CSRF_TRUSTED_ORIGINS",
    "MFA_ENCRYPTION_KEY",
    "TRUSTED_PROXY_COUNT",
    "EMAIL_URL",
]


def compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def test_compose_runs_the_portal_with_production_settings_on_postgresql_and_redis():
    services = compose()["services"]
    assert {"web", "worker", "beat", "db", "redis"} <= set(services)
    assert "gunicorn womenup.wsgi" in services["web"]["command"]
    assert "collectstatic" not in services["web"]["command"], "the image collects at build time"
    for name in ("web", "worker", "beat"):
        environment = services[name]["environment"]
        assert environment["DJANGO_SETTINGS_MODULE"] == SETTINGS_MODULE, name
        assert environment["DATABASE_URL"].startswith("postgres://"), name
        assert environment["REDIS_URL"].startswith("redis://redis:"), name
        assert services[name]["env_file"] == ".env", name


def test_every_production_variable_is_in_env_example_and_the_readme():
    env_example = (ROOT / ".env.example").read_text()
    readme = (ROOT / "README.md").read_text()
    for variable in PRODUCTION_VARIABLES:
        assert f"{variable}=" in env_example, variable
        assert f"`{variable}`" in readme, variable


def test_the_dockerfile_builds_with_production_settings_and_every_app():
    from django.conf import settings

    dockerfile = (ROOT / "Dockerfile").read_text()
    assert f"DJANGO_SETTINGS_MODULE={SETTINGS_MODULE}" in dockerfile
    assert "manage.py collectstatic --noinput" in dockerfile
    wsgi = (ROOT / "womenup" / "wsgi.py").read_text()
    assert f'"{SETTINGS_MODULE}"' in wsgi
    local_apps = {app.split(".")[0] for app in settings.INSTALLED_APPS}
    for app in sorted(app for app in local_apps if (ROOT / app).is_dir()):
        assert f"COPY {app} ./{app}" in dockerfile, app
