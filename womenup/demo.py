"""Demo data of the shared kernel: logins that work at once and intakes open today."""

from datetime import date

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from womenup.accounts.permissions import (
    AUDITOR_GROUP,
    PAYMENT_APPROVER_GROUP,
    PROGRAMME_STAFF_GROUP,
)
from womenup.models import IntakeWindow, Program, User

DEMO_PASSWORD = "womenup-demo-2024"


def demo_user(
    email: str, *, account_type: str, is_staff: bool = False, group: str | None = None
) -> User:
    """A demo user with a verified e-mail address and the demo password; staff are
    superusers unless they are given a staff group."""
    user, created = User.objects.get_or_create(
        email=email, defaults={"account_type": account_type, "is_staff": is_staff}
    )
    if created:
        user.is_superuser = is_staff and group is None
        user.set_password(DEMO_PASSWORD)
        user.save()
        if group:
            user.groups.add(Group.objects.get(name=group))
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
            defaults={
                "label_en": str(today.year),
                "opens_on": date(today.year, 1, 1),
                "closes_on": date(today.year, 12, 31),
            },
        )
    logins = [("서울시 담당자 (관리자, 첫 로그인 때 OTP 설정)", "staff@demo.womenup.kr", None)]
    logins += [
        (
            "프로그램 담당자 (관리자, 그룹 권한만)",
            "programme@demo.womenup.kr",
            PROGRAMME_STAFF_GROUP,
        ),
        ("지급 승인자 (관리자)", "approver@demo.womenup.kr", PAYMENT_APPROVER_GROUP),
        ("감사 담당자 (관리자, 접근 기록만)", "auditor@demo.womenup.kr", AUDITOR_GROUP),
    ]
    for _label, email, group in logins:
        demo_user(email, account_type=User.AccountType.CITY_STAFF, is_staff=True, group=group)
    return [(label, email) for label, email, _group in logins]
