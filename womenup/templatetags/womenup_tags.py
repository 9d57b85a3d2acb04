"""Template filters of the portal."""

from django import template

from womenup import branding
from womenup import cache as cache_versions
from womenup.accounts.ratelimits import page_wait_seconds, wait_minutes
from womenup.display import krw as krw_text

register = template.Library()


@register.filter
def krw(amount) -> str:
    """2390124 → "2,390,124원" ("KRW 2,390,124" in English); empty for None."""
    if amount is None or amount == "":
        return ""
    return krw_text(int(amount))


@register.simple_tag
def portal_name() -> str:
    """The portal's name in the active language (``{% portal_name as portal_name %}``), for
    templates rendered without the page context, such as e-mails."""
    return branding.portal_name()


@register.simple_tag
def portal_operator() -> str:
    return branding.portal_operator()


@register.simple_tag
def data_version(*names: str) -> str:
    """``{% data_version "roles" "companies" as version %}``: the key part of a cached fragment
    that changes whenever a service changes that data (``womenup.cache.data_version``)."""
    return cache_versions.data_version(*names)


@register.simple_tag(takes_context=True)
def rate_limit_wait_minutes(context) -> int:
    """On the 429 page: the whole minutes until the full limit lets her try again."""
    request = context.get("request")
    return wait_minutes(page_wait_seconds(request)) if request is not None else 1
