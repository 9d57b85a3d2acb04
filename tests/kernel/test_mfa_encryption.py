"""TOTP secrets are encrypted at rest, still work for log-in, and admin never shows them."""

import importlib
import json

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import (
    generate_totp_secret,
    hotp_value,
    yield_hotp_counters_from_time,
)
from django.apps import apps
from django.contrib.auth.models import Permission
from django.db import connection
from django.urls import reverse

from tests.factories.accounts import PASSWORD, StaffUserFactory, staff_with_mfa
from womenup.accounts.mfa import secret_decrypt

pytestmark = pytest.mark.django_db


def stored_data(authenticator_id: int) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT data::text FROM mfa_authenticator WHERE id = %s", [authenticator_id])
        return cursor.fetchone()[0]


def current_code(secret: str) -> str:
    return f"{hotp_value(secret, next(yield_hotp_counters_from_time())):06d}"


def test_totp_activated_through_the_pages_is_stored_encrypted_and_logs_in(client):
    staff = StaffUserFactory()
    client.post(reverse("account_login"), {"login": staff.email, "password": PASSWORD})
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    page = client.get(reverse("mfa_activate_totp"))
    assert page.status_code == 200
    secret = client.session["mfa.totp.secret"]
    response = client.post(reverse("mfa_activate_totp"), {"code": current_code(secret)})
    assert response.status_code == 302

    totp = Authenticator.objects.get(user=staff, type=Authenticator.Type.TOTP)
    raw = stored_data(totp.pk)
    assert secret not in raw
    assert json.loads(raw)["secret"].startswith("gAAAA")
    codes = Authenticator.objects.get(user=staff, type=Authenticator.Type.RECOVERY_CODES)
    seed = secret_decrypt(codes.data["seed"])
    assert seed not in stored_data(codes.pk)

    client.post(reverse("account_logout"))
    response = client.post(reverse("account_login"), {"login": staff.email, "password": PASSWORD})
    assert response.headers["Location"] == reverse("mfa_authenticate")
    response = client.post(reverse("mfa_authenticate"), {"code": current_code(secret)})
    assert response.status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200


def test_the_migration_encrypts_secrets_written_in_clear_and_they_still_work(client):
    staff = StaffUserFactory()
    secret = generate_totp_secret()
    totp = Authenticator.objects.create(
        user=staff, type=Authenticator.Type.TOTP, data={"secret": secret}
    )
    assert secret_decrypt(secret) == secret, "rows written before encryption still read"

    migration = importlib.import_module("womenup.migrations.0005_encrypt_mfa_secrets")
    migration.encrypt_secrets(apps, None)
    migration.encrypt_secrets(apps, None)  # running twice does no harm

    assert secret not in stored_data(totp.pk)
    totp.refresh_from_db()
    assert secret_decrypt(totp.data["secret"]) == secret
    response = client.post(reverse("account_login"), {"login": staff.email, "password": PASSWORD})
    assert response.headers["Location"] == reverse("mfa_authenticate")
    client.post(reverse("mfa_authenticate"), {"code": current_code(secret)})
    assert client.session["_auth_user_id"] == str(staff.pk)


def test_staff_who_are_not_superusers_cannot_open_the_authenticator_admin(client):
    """Even staff whose group grants every permission on authenticators."""
    staff = staff_with_mfa(is_superuser=False)
    staff.user_permissions.set(
        Permission.objects.filter(content_type__model__in=["authenticator", "mfaauthenticator"])
    )
    client.force_login(staff)
    assert client.get(reverse("admin:index")).status_code == 200
    assert client.get(reverse("admin:womenup_mfaauthenticator_changelist")).status_code == 403
    totp = Authenticator.objects.get(user=staff, type=Authenticator.Type.TOTP)
    change = reverse("admin:womenup_mfaauthenticator_change", args=[totp.pk])
    assert client.get(change).status_code in (403, 404)


def test_superusers_see_the_authenticators_read_only_without_the_secret(client):
    superuser = staff_with_mfa()
    totp = Authenticator.objects.get(user=superuser, type=Authenticator.Type.TOTP)
    secret = secret_decrypt(totp.data["secret"])
    client.force_login(superuser)

    listing = client.get(reverse("admin:womenup_mfaauthenticator_changelist"))
    assert listing.status_code == 200
    assert superuser.email in listing.content.decode()
    page = client.get(reverse("admin:womenup_mfaauthenticator_change", args=[totp.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    assert secret not in html and totp.data["secret"] not in html
    assert 'name="data"' not in html and 'type="submit"' not in html.split("<form")[-1]

    response = client.post(reverse("admin:womenup_mfaauthenticator_change", args=[totp.pk]), {})
    assert response.status_code == 403
