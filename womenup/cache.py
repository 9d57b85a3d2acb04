"""The Redis cache, failing open: while Redis cannot be reached the site runs as if it were empty.

The cache holds allauth's rate-limit counters and its TOTP replay guard, nothing the site
needs to answer. When Redis is down (refused) or hangs (timeout), every operation logs a
warning and answers what an empty cache answers: ``get`` the default, ``get_many`` ``{}``,
``has_key`` False, ``incr`` a missing key, and ``add`` True ("stored"), so allauth's
rate-limit lock and its "code already used" check let the person through instead of
waiting a second and refusing. After a failure Redis is skipped for ``RETRY_AFTER`` seconds
(an option, default 5) so that each request does not pay the connection timeout again.

Why fail open rather than fall back to a database-backed limit: an outage is rare and
short (Redis restarts in seconds); counting attempts in PostgreSQL would add a write per
login on the busiest days (announcement day) and a second code path to keep right; and a
lockout that fails closed would lock everyone out, staff included, which is the outage we
are avoiding. Brute force stays bounded meanwhile by the password hash cost and the TOTP
step for staff, and the warning in the log says the limits are off.
"""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError, TimeoutError

logger = logging.getLogger(__name__)


class CircuitBreaker:
    """Remembers that a service failed, and says to skip it for ``seconds`` afterwards."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._open_until = 0.0

    def is_open(self) -> bool:
        return time.monotonic() < self._open_until

    def trip(self) -> None:
        self._open_until = time.monotonic() + self.seconds

    def reset(self) -> None:
        self._open_until = 0.0


_MISSING = object()
_breakers: dict[str, CircuitBreaker] = {}  # one per Redis location, shared by the threads


class FailOpenRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._options = dict(self._options)
        seconds = float(self._options.pop("RETRY_AFTER", 5))
        self._breaker = _breakers.setdefault(f"{server}|{seconds}", CircuitBreaker(seconds))

    def _guarded(self, operation, fallback, *args):
        if self._breaker.is_open():
            return fallback
        try:
            return operation(*args)
        except (ConnectionError, TimeoutError) as error:
            self._breaker.trip()
            logger.warning(
                "Redis cache unreachable (%s): cache skipped for %s s, rate limits do not count.",
                error,
                self._breaker.seconds,
            )
            return fallback

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded(super().add, True, key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._guarded(super().get, default, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded(super().set, None, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded(super().touch, False, key, timeout, version)

    def delete(self, key, version=None):
        return self._guarded(super().delete, False, key, version)

    def get_many(self, keys, version=None):
        return self._guarded(super().get_many, {}, keys, version)

    def has_key(self, key, version=None):
        return self._guarded(super().has_key, False, key, version)

    def incr(self, key, delta=1, version=None):
        value = self._guarded(super().incr, _MISSING, key, delta, version)
        if value is _MISSING:
            raise ValueError(f"Key '{key}' not found (the cache is unreachable).")
        return value

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded(super().set_many, list(data), data, timeout, version)

    def delete_many(self, keys, version=None):
        return self._guarded(super().delete_many, None, keys, version)

    def clear(self):
        return self._guarded(super().clear, False)
