"""Users of every kind, with verified e-mail addresses, and staff with TOTP set up."""

import factory
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

from womenup.models import User

PASSWORD = "correct-horse-battery-9"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.kr")
    account_type = User.AccountType.APPLICANT
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def verified_email(self, create, extracted, **kwargs):
        if create:
            self.save()
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)


class ApplicantUserFactory(UserFactory):
    account_type = User.AccountType.APPLICANT


class CompanyUserFactory(UserFactory):
    account_type = User.AccountType.COMPANY


class StaffUserFactory(UserFactory):
    """City staff, superuser, without two-step verification."""

    account_type = User.AccountType.CITY_STAFF
    is_staff = True
    is_superuser = True


def give_totp(user: User) -> str:
    """Set up an authenticator app for the user; returns the TOTP secret."""
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    assert Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
    return secret


def staff_with_mfa(**kwargs) -> User:
    user = StaffUserFactory(**kwargs)
    give_totp(user)
    return user
