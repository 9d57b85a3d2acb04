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

import hashlib
import logging
import time
import uuid

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


# --- Data versions -------------------------------------------------------------------------------
#
# What a public page shows the same to everyone (the programme pages, the role list, the
# companies, the course catalogue, the header's programme menu) is kept as rendered template
# fragments, keyed by the version of the data they show. Every service that changes that data
# calls ``data_version_bump``; the next request reads a new version, so it renders afresh and the
# change is visible at once. Staff edits in admin renew every version (``admin_change_bump``).
# With Redis down the versions are new on every request and nothing is found: pages render as
# if nothing were cached.

PROGRAMS = "programs"  # programmes, intakes, rules, figures, living wage, cities, categories
ROLES = "roles"  # published roles and what their cards show of the company
COMPANIES = "companies"  # verified companies and their open-role counts
COURSES = "courses"  # courses and their seats left
DATA_VERSIONS = (PROGRAMS, ROLES, COMPANIES, COURSES)
# A fragment is renewed by a new version; it also expires after this long, which bounds how
# long a change made while Redis could not be reached (its bump lost) stays unseen once Redis
# answers again. Templates say it as ``{% cache 300 ... %}``.
FRAGMENT_SECONDS = 300


def _version_key(name: str) -> str:
    return f"data-version:{name}"


def data_version(*names: str) -> str:
    """One token for the current versions of ``names`` and today's date (pages show what is
    open today), to put in a cached fragment's key."""
    from django.core.cache import cache
    from django.utils import timezone

    keys = [_version_key(name) for name in names]
    found = cache.get_many(keys)
    tokens = []
    for key in keys:
        token = found.get(key)
        if token is None:
            cache.add(key, uuid.uuid4().hex[:12], timeout=FRAGMENT_SECONDS * 12)
            token = cache.get(key) or uuid.uuid4().hex[:12]  # Redis down: never found again
        tokens.append(token)
    return "-".join([timezone.localdate().isoformat(), *tokens])


def cached_by_version(names: tuple[str, ...], key: str, build):
    """``build()``, kept until the data of ``names`` changes (or ``FRAGMENT_SECONDS`` pass).

    For what a public page looks up the same for everyone (a role, a company, a course with
    what it shows): a warm page reads it from Redis instead of building and running its query.
    ``None`` is kept too (an unknown or hidden object: the page answers 404 from the cache).
    With Redis down it is built on every call.
    """
    from django.core.cache import cache

    digest = hashlib.md5(key.encode(), usedforsecurity=False).hexdigest()  # a path may be long
    versioned = f"by-version:{digest}:{data_version(*names)}"
    found = cache.get(versioned, _MISSING)
    if found is _MISSING:
        found = build()
        cache.set(versioned, found, timeout=FRAGMENT_SECONDS)
    return found


def cached_object_or_404(names: tuple[str, ...], key: str, lookup):
    """The first row of the queryset ``lookup()`` returns, kept by ``cached_by_version``;
    ``Http404`` when there is none."""
    from django.http import Http404

    found = cached_by_version(names, key, lambda: lookup().first())
    if found is None:
        raise Http404
    return found


def data_version_bump(*names: str) -> None:
    """The data of ``names`` changed: cached fragments showing it are not used any more.

    Bumped now, so the change is visible at once to this transaction's own requests, and again
    after commit, so a page rendered meanwhile from the not yet committed data is not kept.
    """
    from django.core.cache import cache
    from django.db import transaction

    keys = [_version_key(name) for name in names]
    cache.delete_many(keys)
    transaction.on_commit(lambda: cache.delete_many(keys))


def admin_change_bump(sender, instance, created: bool, **kwargs) -> None:
    """Any change saved in admin (its history entry) renews every public page."""
    if created:
        data_version_bump(*DATA_VERSIONS)
