"""The vocabulary of the access matrix: who asks, what they may get, one row per URL.

Each app keeps its rows in ``tests/access/rows_<app>.py`` as ``ROWS: dict[str, Row]`` keyed by
URL name (``namespace:name``) or, for unnamed patterns, by the route text. A URL the resolver
knows but no table names fails the test: every new page must say who may see it.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

PERSONAS = (
    "anonymous",
    "applicant",
    "other_applicant",
    "company",
    "other_company",
    "staff",
    "institution",
    "staff_no_mfa",
)

OK = "200"
LOGIN = "login"  # redirected to a login page
REDIRECT = "redirect"  # any other redirect
FORBIDDEN = "403"
NOT_FOUND = "404"
NOT_ALLOWED = "405"
MFA_SETUP = "mfa-setup"  # staff without an authenticator app are sent to set one up


def expect(
    *,
    anonymous: str,
    applicant: str,
    other_applicant: str | None = None,
    company: str,
    other_company: str | None = None,
    staff: str,
    institution: str | None = None,
) -> dict[str, str]:
    """Expected outcome per persona; the "other" personas default to their peer's outcome,
    institution staff to city staff's. Staff without MFA follow a rule (see the test)."""
    return {
        "anonymous": anonymous,
        "applicant": applicant,
        "other_applicant": other_applicant or applicant,
        "company": company,
        "other_company": other_company or company,
        "staff": staff,
        "institution": institution or staff,
    }


def everyone(outcome: str) -> dict[str, str]:
    return dict.fromkeys(PERSONAS, outcome)


@dataclass(frozen=True)
class Row:
    """What each persona gets from a GET of the URL.

    ``kwargs`` builds the URL's arguments from the :class:`World`; objects it creates belong to
    the ``applicant`` / ``company`` personas, so ``other_*`` personas test scoping.
    """

    expected: dict[str, str]
    kwargs: Callable[[Any], dict[str, Any]] | None = None
    query: str = ""
    notes: str = ""


@dataclass
class World:
    """The personas' users; rows create whatever objects they need from them."""

    applicant: Any
    other_applicant: Any
    company: Any
    other_company: Any
    staff: Any
    institution: Any
    staff_no_mfa: Any
    cache: dict = field(default_factory=dict)

    def once(self, key: str, build: Callable[[], Any]) -> Any:
        """Build an object once per test and reuse it across rows."""
        if key not in self.cache:
            self.cache[key] = build()
        return self.cache[key]
