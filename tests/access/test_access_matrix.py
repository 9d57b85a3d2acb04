"""Every URL the resolver knows, requested by every persona, against the tables in rows_*.py."""

import importlib
import pkgutil
import re
from urllib.parse import urlsplit

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests import access
from tests.access.matrix import (
    LOGIN,
    MFA_SETUP,
    PERSONAS,
    REDIRECT,
    Row,
    World,
)
from tests.factories.accounts import (
    ApplicantUserFactory,
    CompanyUserFactory,
    StaffUserFactory,
    staff_with_mfa,
)
from tests.factories.courses import InstitutionFactory, institution_staff
from womenup.middleware import StaffMFARequiredMiddleware

OPEN_TO_STAFF_WITHOUT_MFA = StaffMFARequiredMiddleware.OPEN_PREFIXES

pytestmark = pytest.mark.django_db


def table() -> dict[str, Row]:
    rows: dict[str, Row] = {}
    for module in pkgutil.iter_modules(access.__path__):
        if module.name.startswith("rows_"):
            rows.update(importlib.import_module(f"tests.access.{module.name}").ROWS)
    return rows


def known_urls() -> list[tuple[str, str]]:
    """(key, route) for every pattern: ``namespace:name`` or the route text when unnamed."""
    found: list[tuple[str, str]] = []

    def walk(patterns, namespace: str | None, prefix: str) -> None:
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                inner = pattern.namespace
                joined = f"{namespace}:{inner}" if namespace and inner else inner or namespace
                walk(pattern.url_patterns, joined, route)
            elif isinstance(pattern, URLPattern):
                name = pattern.name and (
                    f"{namespace}:{pattern.name}" if namespace else pattern.name
                )
                found.append((name or route, route))

    walk(get_resolver().url_patterns, None, "")
    return found


def is_admin(key: str) -> bool:
    return key.startswith(("admin:", "admin/"))


def admin_url(route: str) -> str:
    """A concrete admin URL: every argument gets a value no object has."""
    path = re.sub(r"<(?:\w+:)?(\w+)>", "0", route)
    path = re.sub(r"\(\?P<\w+>[^)]*\)", "0", path).replace("^", "").replace("$", "")
    return "/" + path


def outcome_of(response) -> str:
    if response.status_code in (301, 302):
        location = urlsplit(response.headers["Location"]).path
        if location in (reverse("account_login"), reverse("admin:login")):
            return LOGIN
        return MFA_SETUP if location == reverse("mfa_activate_totp") else REDIRECT
    return str(response.status_code)


@pytest.fixture
def world(db):
    applicant, other_applicant = ApplicantUserFactory(), ApplicantUserFactory()
    company, other_company = CompanyUserFactory(), CompanyUserFactory()
    institution = institution_staff(InstitutionFactory())
    staff = staff_with_mfa()
    return World(
        applicant, other_applicant, company, other_company, staff, institution, StaffUserFactory()
    )


def request_as(client, world: World, persona: str, url: str):
    client.logout()
    if persona != "anonymous":
        client.force_login(getattr(world, persona))
    return client.get(url)


def test_every_url_is_in_the_table():
    rows = table()
    missing = [key for key, _ in known_urls() if not is_admin(key) and key not in rows]
    assert not missing, f"URLs with no access row (add them to tests/access/rows_*.py): {missing}"
    stale = sorted(set(rows) - {key for key, _ in known_urls()})
    assert not stale, f"Access rows for URLs that no longer exist: {stale}"


def expected_for(persona: str, row: Row, url: str) -> str:
    """Staff without MFA reach only the account pages (as any user without MFA would)."""
    if persona != "staff_no_mfa":
        return row.expected[persona]
    return row.expected["applicant"] if url.startswith(OPEN_TO_STAFF_WITHOUT_MFA) else MFA_SETUP


@pytest.mark.parametrize("persona", PERSONAS)
def test_each_persona_gets_what_the_table_says(client, world, persona):
    rows = table()
    wrong = []
    for key, _route in known_urls():
        if is_admin(key):
            continue
        row = rows[key]
        kwargs = row.kwargs(world) if row.kwargs else {}
        url = reverse(key, kwargs=kwargs) if ":" in key or "/" not in key else "/" + key
        response = request_as(client, world, persona, url + row.query)
        expected = expected_for(persona, row, url)
        if outcome_of(response) != expected:
            wrong.append(f"{key} {url}: expected {expected}, got {outcome_of(response)}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("persona", PERSONAS)
def test_admin_is_for_staff_with_two_step_verification(client, world, persona):
    wrong = []
    for key, route in known_urls():
        if not is_admin(key):
            continue
        url = admin_url(route)
        response = request_as(client, world, persona, url)
        got = outcome_of(response)
        if persona in ("staff", "institution"):
            if response.status_code >= 500 or got in (LOGIN, MFA_SETUP):
                wrong.append(f"{key} {url}: {persona} got {got}")
        elif persona == "staff_no_mfa":
            if got != MFA_SETUP:
                wrong.append(f"{key} {url}: staff without MFA got {got}")
        elif response.status_code == 200 or response.status_code >= 500:
            wrong.append(f"{key} {url}: {persona} got {got}; admin is for staff only")
    assert not wrong, "\n".join(wrong)
