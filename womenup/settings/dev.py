"""Local development: debug on, SQLite and eager tasks unless the environment says otherwise."""

from womenup.settings.base import *  # noqa: F403
from womenup.settings.base import STORAGES, env

DEBUG = env.bool("DJANGO_DEBUG", default=True)
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
SMS_BACKEND = env("SMS_BACKEND", default="womenup.notifications.sms_backends.ConsoleBackend")
