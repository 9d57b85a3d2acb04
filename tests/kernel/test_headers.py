"""Security headers on real responses: CSP, Permissions-Policy, no-store, the language cookie."""

import re
from pathlib import Path

import pytest
from django.urls import reverse

from tests.factories.accounts import ApplicantUserFactory, staff_with_mfa
from tests.factories.applicants import DocumentFactory
from womenup.privacy.downloads import private_file_response

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = ["/", "/courses/", "/companies/", "/roles/"]


def directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    parsed = {}
    for part in policy.split(";"):
        name, *values = part.split()
        parsed[name] = values
    return parsed


@pytest.mark.parametrize("path", [*PUBLIC_PAGES, "/accounts/login/"])
def test_every_page_has_a_strict_content_security_policy(client, path):
    policy = directives(client.get(path))
    assert policy["default-src"] == ["'self'"]
    assert policy["img-src"] == ["'self'", "data:"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["form-action"][0] == "'self'"
    for name in ("script-src", "style-src"):
        assert name not in policy, "scripts and styles fall back to default-src 'self'"
    assert "unsafe-inline" not in " ".join(sum(policy.values(), []))


def test_the_admin_has_the_same_policy(client):
    client.force_login(staff_with_mfa())
    response = client.get(reverse("admin:index"))
    assert response.status_code == 200
    assert "unsafe-inline" not in response["Content-Security-Policy"]


@pytest.mark.parametrize("path", ["/", "/accounts/login/"])
def test_permissions_policy_turns_off_device_features(client, path):
    policy = client.get(path)["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert f"{feature}=()" in policy


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_pages_for_anonymous_visitors_stay_cacheable(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")


@pytest.mark.parametrize("path", [*PUBLIC_PAGES, "/dashboard/", "/me/"])
def test_every_response_to_a_logged_in_person_is_no_store(client, path):
    client.force_login(ApplicantUserFactory())
    response = client.get(path)
    assert response.status_code in (200, 302)
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_admin_pages_are_no_store_even_before_log_in(client):
    response = client.get(reverse("admin:login"))
    assert "no-store" in response["Cache-Control"]
    client.force_login(staff_with_mfa())
    assert "no-store" in client.get(reverse("admin:index"))["Cache-Control"]


def test_a_private_file_download_is_no_store():
    document = DocumentFactory()
    response = private_file_response(document.file, filename="resume.pdf")
    assert "no-store" in response["Cache-Control"]
    response.close()


def test_the_owner_downloading_her_document_gets_no_store(client):
    document = DocumentFactory()
    client.force_login(document.profile.user)
    response = client.get(reverse("applicants:document-download", args=[document.pk]))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    response.close()


def test_the_language_cookie_is_http_only_and_same_site_lax(client):
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    cookie = response.cookies["django_language"]
    assert cookie.value == "en"
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"


def test_with_production_cookie_settings_the_language_cookie_is_also_secure(client, settings):
    """Production sets LANGUAGE_COOKIE_SECURE (tests/production checks the setting)."""
    settings.LANGUAGE_COOKIE_SECURE = True
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    cookie = response.cookies["django_language"]
    assert cookie["secure"] is True
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"


INLINE = re.compile(r"""<style|\sstyle=|<script(?![^>]*\ssrc=)[^>]*>|\son[a-z]+=|javascript:""")


def test_no_template_has_inline_script_or_style():
    """The policy forbids them; a browser would silently drop them (tests/e2e checks pages)."""
    root = Path(__file__).resolve().parents[2]
    templates = [*root.glob("templates/**/*.html"), *root.glob("*/templates/**/*.html")]
    assert templates
    offenders = [
        f"{path.relative_to(root)}: {match.group(0)}"
        for path in templates
        for match in INLINE.finditer(path.read_text())
        if "application/json" not in match.group(0)
    ]
    assert offenders == []
