"""A stolen session cannot take an account over: e-mail, password and two-step verification
changes ask for the password again, and the old address is told of every change."""

import re

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.socialaccount.models import SocialAccount
from django.core import mail
from django.urls import reverse

from tests.factories.accounts import PASSWORD, ApplicantUserFactory, give_totp
from tests.kernel.test_lockout import log_in_by_code

pytestmark = pytest.mark.django_db

OWNER = "owner@example.kr"
THIEF = "thief@example.net"
NEW_PASSWORD = "Another-strong-pass-77"
REAUTHENTICATE = reverse("account_reauthenticate")


@pytest.fixture
def owner():
    return ApplicantUserFactory(email=OWNER)


@pytest.fixture
def stolen(client, owner):
    """A browser holding the owner's logged-in session, without her password."""
    client.force_login(owner)
    return client


def redirected_to_reauthenticate(response) -> bool:
    return response.status_code == 302 and response.headers["Location"].startswith(REAUTHENTICATE)


def addresses(user) -> set[tuple[str, bool, bool]]:
    return {(a.email, a.primary, a.verified) for a in EmailAddress.objects.filter(user=user)}


def reauthenticate(client, password: str = PASSWORD):
    response = client.post(REAUTHENTICATE, {"password": password})
    assert response.status_code == 302, response.content.decode()[:2000]


def confirm_from_mailbox(client, to: str) -> None:
    message = next(m for m in reversed(mail.outbox) if m.to == [to])
    link = re.search(r"https?://[^/]+(/accounts/confirm-email/\S+/)", message.body)
    assert client.post(link.group(1)).status_code == 302


def test_without_a_recent_password_every_takeover_step_is_sent_to_reauthenticate(stolen, owner):
    before = addresses(owner)
    password_before = owner.password

    response = stolen.post(reverse("account_email"), {"action_add": "", "email": THIEF})
    assert redirected_to_reauthenticate(response)
    assert addresses(owner) == before
    assert not mail.outbox, "no confirmation mail goes to the thief's address"

    # Even if the thief's address were on the account already, she cannot make it primary...
    EmailAddress.objects.create(user=owner, email=THIEF, verified=True, primary=False)
    before = addresses(owner)
    response = stolen.post(reverse("account_email"), {"action_primary": "", "email": THIEF})
    assert redirected_to_reauthenticate(response)
    # ... nor remove the owner's address.
    response = stolen.post(reverse("account_email"), {"action_remove": "", "email": OWNER})
    assert redirected_to_reauthenticate(response)
    assert addresses(owner) == before

    # Changing the password needs the current one.
    response = stolen.post(
        reverse("account_change_password"),
        {"oldpassword": "a-guess-1234", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert response.status_code == 200
    owner.refresh_from_db()
    assert owner.password == password_before


def test_a_password_reset_asked_for_in_a_stolen_session_reaches_only_the_owner(stolen, owner):
    stolen.post(reverse("account_reset_password"), {"email": THIEF})
    stolen.post(reverse("account_reset_password"), {"email": OWNER})
    reset_links = [m for m in mail.outbox if "/accounts/password/reset/key/" in m.body]
    assert [m.to for m in reset_links] == [[OWNER]]


def test_with_the_password_again_the_owner_changes_her_address_and_the_old_one_is_told(
    client, owner
):
    client.post(reverse("account_login"), {"login": OWNER, "password": PASSWORD})
    reauthenticate(client)
    new = "owner.new@example.kr"

    client.post(reverse("account_email"), {"action_add": "", "email": new})
    confirm_from_mailbox(client, new)
    response = client.post(reverse("account_email"), {"action_primary": "", "email": new})
    assert response.headers["Location"] == reverse("account_email")
    assert addresses(owner) == {(OWNER, False, True), (new, True, True)}
    told = [m for m in mail.outbox if m.to == [OWNER]]
    assert told, "the old address hears that the primary address changed"
    assert OWNER in told[-1].body and new in told[-1].body
    assert "변경" in told[-1].subject

    mail.outbox.clear()
    client.post(reverse("account_email"), {"action_remove": "", "email": OWNER})
    assert addresses(owner) == {(new, True, True)}

    client.post(
        reverse("account_change_password"),
        {"oldpassword": PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    owner.refresh_from_db()
    assert owner.check_password(NEW_PASSWORD)
    assert any("비밀번호" in m.subject for m in mail.outbox if m.to == [new])


def test_the_password_asked_again_counts_for_five_minutes_only(stolen, owner):
    reauthenticate(stolen)
    session = stolen.session
    records = session["account_authentication_methods"]
    for record in records:
        record["at"] -= 301
    session["account_authentication_methods"] = records
    session.save()

    response = stolen.post(reverse("account_email"), {"action_add": "", "email": THIEF})
    assert redirected_to_reauthenticate(response)
    assert not EmailAddress.objects.filter(email=THIEF).exists()


def test_a_wrong_password_does_not_reauthenticate(stolen, owner):
    response = stolen.post(REAUTHENTICATE, {"password": "a-guess-1234"})
    assert response.status_code == 200
    response = stolen.post(reverse("account_email"), {"action_add": "", "email": THIEF})
    assert redirected_to_reauthenticate(response)


def test_two_step_verification_changes_ask_for_the_password_again(stolen, owner):
    assert redirected_to_reauthenticate(stolen.get(reverse("mfa_activate_totp")))

    give_totp(owner)
    assert redirected_to_reauthenticate(stolen.post(reverse("mfa_deactivate_totp")))
    assert redirected_to_reauthenticate(stolen.post(reverse("mfa_generate_recovery_codes")))
    assert Authenticator.objects.filter(user=owner, type=Authenticator.Type.TOTP).exists()
    assert not Authenticator.objects.filter(
        user=owner, type=Authenticator.Type.RECOVERY_CODES
    ).exists()

    reauthenticate(stolen)
    assert stolen.post(reverse("mfa_deactivate_totp")).status_code == 302
    assert not Authenticator.objects.filter(user=owner, type=Authenticator.Type.TOTP).exists()


@pytest.fixture
def kakao_owner():
    """An owner who logs in with Kakao only: no password, no authenticator app."""
    user = ApplicantUserFactory(email=OWNER)
    user.set_unusable_password()
    user.save()
    SocialAccount.objects.create(user=user, provider="kakao", uid="1234567890")
    return user


def sent_to_log_in_again(client, response, path: str) -> bool:
    login = reverse("account_login")
    return (
        response.status_code == 302
        and response.headers["Location"] == f"{login}?next={path}"
        and "_auth_user_id" not in client.session
    )


def test_a_stolen_session_of_a_kakao_only_account_cannot_change_how_it_logs_in(client, kakao_owner):
    """allauth has no password to ask for here and would let every step through."""
    email_page, set_password = reverse("account_email"), reverse("account_set_password")
    steps = [
        ("post", email_page, {"action_add": "", "email": THIEF}),
        ("post", set_password, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD}),
        ("post", reverse("socialaccount_connections"), {"account": "1"}),
        ("get", reverse("mfa_activate_totp"), {}),
    ]
    before = addresses(kakao_owner)
    for method, path, data in steps:
        client.force_login(kakao_owner)
        assert client.get(email_page).status_code == 200, "she may look at her addresses"
        response = getattr(client, method)(path, data)
        assert sent_to_log_in_again(client, response, path), path
    kakao_owner.refresh_from_db()
    assert addresses(kakao_owner) == before
    assert not kakao_owner.has_usable_password()
    assert SocialAccount.objects.filter(user=kakao_owner).count() == 1
    assert not Authenticator.objects.filter(user=kakao_owner).exists()
    assert not mail.outbox
    page = client.get(reverse("account_login")).content.decode()
    assert "로그인 방법을 바꾸려면 안전을 위해 다시 로그인해 주세요" in page


def test_a_kakao_only_owner_who_just_logged_in_changes_her_address(client, kakao_owner):
    assert log_in_by_code(client, OWNER).status_code == 302
    new = "owner.new@example.kr"
    response = client.post(reverse("account_email"), {"action_add": "", "email": new})
    assert response.headers["Location"] == reverse("account_email")
    assert (new, False, False) in addresses(kakao_owner)

    session = client.session
    records = session["account_authentication_methods"]
    for record in records:
        record["at"] -= 301
    session["account_authentication_methods"] = records
    session.save()
    path = reverse("account_set_password")
    response = client.post(path, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert sent_to_log_in_again(client, response, path)
    kakao_owner.refresh_from_db()
    assert not kakao_owner.has_usable_password()
