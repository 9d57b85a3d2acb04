"""How long someone must wait before allauth's rate limits let her through again.

allauth keeps, per limit, the times of the recent hits in the cache (newest first). A limit of
``amount`` per ``duration`` frees a place when the ``amount``-th newest hit is ``duration``
old; the wait is the longest of the limits now full. The lockout message and the 429 page say
it in minutes, so nobody is left guessing when to try again.
"""

import math
import time

from allauth.core.internal.ratelimit import get_cache_key, get_rates
from django.conf import settings
from django.core.cache import cache

# The allauth action each rate-limited page belongs to (its URL name → action).
PAGE_ACTIONS = {
    "account_login": "login",
    "account_signup": "signup",
    "account_reset_password": "reset_password",
    "account_reset_password_from_key": "reset_password_from_key",
    "account_change_password": "change_password",
    "account_set_password": "change_password",
    "account_email": "manage_email",
    "account_reauthenticate": "reauthenticate",
    "account_request_login_code": "request_login_code",
}


def wait_seconds(request, *, action: str, key: str | None = None) -> int:
    """Seconds until every limit of ``action`` has room for this request (0: none is full)."""
    now = time.time()
    wait = 0.0
    for rate in get_rates(app="allauth.account", action=action):
        if rate.per == "key" and key is None:
            continue
        if rate.per == "user" and not request.user.is_authenticated:
            continue
        cache_key = get_cache_key(request, app="allauth.account", action=action, rate=rate, key=key)
        history = [hit for hit in cache.get(cache_key, []) if hit > now - rate.duration]
        if len(history) >= rate.amount:
            wait = max(wait, history[rate.amount - 1] + rate.duration - now)
    return math.ceil(wait)


def wait_minutes(seconds: int) -> int:
    """Whole minutes, rounded up, at least one: "1분 뒤에" rather than "0분 뒤에"."""
    return max(1, math.ceil(seconds / 60))


def page_wait_seconds(request) -> int:
    """The wait on a page refused with 429: its own action's limits, or, for a page we do not
    know, the longest wait of any limit on this address or account."""
    match = getattr(request, "resolver_match", None)
    action = PAGE_ACTIONS.get(getattr(match, "url_name", None))
    actions = [action] if action else list(settings.ACCOUNT_RATE_LIMITS)
    return max((wait_seconds(request, action=name) for name in actions), default=0)
