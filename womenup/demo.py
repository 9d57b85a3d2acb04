"""Demo data of the shared kernel: logins that work at once and intakes open today."""

from datetime import date

from allauth.account.models import EmailAddress

from womenup.models import IntakeWindow, Program, User

DEMO_PASSWORD = "womenup-demo-2024"


def demo_user(email: str, *, account_type: str, is_staff: bool = False) -> User:
    """A demo user with a verified e-mail address and the demo password."""
    user, created = User.objects.get_or_create(
        email=email, defaults={"account_type": account_type, "is_staff": is_staff}
    )
    if created:
        user.is_superuser = is_staff
        user.set_password(DEMO_PASSWORD)
        user.save()
    EmailAddress.objects.get_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    return user


def load(*, today: date) -> list[tuple[str, str]]:
    """Open this year's intake of every program that takes applications; a staff login."""
    for program in Program.objects.exclude(kind__in=["wage_support", "incentive"]):
        IntakeWindow.objects.get_or_create(
            program=program,
            label=f"{today.year}년",
            defaults={"opens_on": date(today.year, 1, 1), "closes_on": date(today.year, 12, 31)},
        )
    demo_user("staff@demo.womenup.kr", account_type=User.AccountType.CITY_STAFF, is_staff=True)
    return [("서울시 담당자 (관리자, 첫 로그인 때 OTP 설정)", "staff@demo.womenup.kr")]
