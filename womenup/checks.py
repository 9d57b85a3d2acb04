"""Deployment checks of our own, run by ``manage.py check --deploy``."""

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.caches, deploy=True)
def shared_cache_for_rate_limits(app_configs, **kwargs):
    """Login rate limits count in the cache: every process must share it (Redis)."""
    backend = settings.CACHES["default"]["BACKEND"]
    if backend.endswith(("LocMemCache", "DummyCache")):
        return [
            Warning(
                "The cache is per-process, so login rate limits are not shared between workers.",
                hint="Set REDIS_URL so the cache (and the rate limits) live in Redis.",
                id="womenup.W001",
            )
        ]
    return []
