"""The site's brand in the active language: the portal's name and the city government running it.

Both are settings (``PORTAL_NAME``/``PORTAL_NAME_EN``, ``PORTAL_OPERATOR``/``PORTAL_OPERATOR_EN``,
from the environment), so translated sentences take them as placeholders and never spell a
city or a brand themselves.
"""

from django.conf import settings
from django.utils import translation


def _english() -> bool:
    return (translation.get_language() or settings.LANGUAGE_CODE).startswith("en")


def portal_name() -> str:
    return settings.PORTAL_NAME_EN if _english() else settings.PORTAL_NAME


def portal_operator() -> str:
    """Who runs the portal, as staff are named: "서울시" (담당자), "the City" ('s staff)."""
    return settings.PORTAL_OPERATOR_EN if _english() else settings.PORTAL_OPERATOR


def brand() -> dict[str, str]:
    """Placeholders for translated sentences and templates."""
    return {"portal": portal_name(), "operator": portal_operator()}
