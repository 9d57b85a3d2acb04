"""The test suite: PostgreSQL and Redis as in production, e-mail kept in memory."""

import os

os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/womenup")
os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/1")
os.environ.setdefault("CELERY_TASK_ALWAYS_EAGER", "false")

from womenup.settings.base import *  # noqa: E402, F403
from womenup.settings.base import STORAGES  # noqa: E402

DEBUG = False
SECRET_KEY = "test-only-secret-key"
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
SMS_BACKEND = "womenup.notifications.sms_backends.LocmemBackend"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = os.environ.get("TEST_MEDIA_ROOT", "/tmp/womenup-test-media")
ALLOWED_HOSTS = ["*"]
