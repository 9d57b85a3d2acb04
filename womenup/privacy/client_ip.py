"""The client's address, the same one for the personal-data access log and the rate limits.

Behind the TLS proxy ``REMOTE_ADDR`` is the proxy. ``TRUSTED_PROXY_COUNT`` says how many
proxies of ours stand in front of the site: 0 (the default) trusts no header and uses
``REMOTE_ADDR``; N takes the address the outermost of our N proxies appended to
``X-Forwarded-For`` (the N-th entry from the right), so whatever a client writes into the
header itself is ignored.
"""

from django.conf import settings
from ipware import get_client_ip


def client_ip(request) -> str | None:
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies > 0:
        # python-ipware counts the proxies listed in the header, REMOTE_ADDR excluded.
        address, _routable = get_client_ip(
            request,
            proxy_order="left-most",
            proxy_count=proxies - 1,
            request_header_order=["HTTP_X_FORWARDED_FOR"],
            strict=False,
        )
        if address:
            return address
    return request.META.get("REMOTE_ADDR") or None
