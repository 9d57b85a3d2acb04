"""The WomenUp portal project: settings, URL root, Celery app and the shared kernel."""

from womenup.celery import app as celery_app

__all__ = ("celery_app",)
