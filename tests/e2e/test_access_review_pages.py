"""The auditor's monthly review passes axe in Korean and English, reached from the access log.

(The access-log list itself is a stock changelist: the admin-wide axe test covers it.)"""

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.e2e.conftest import assert_no_serious_axe_violations
from tests.factories.accounts import ApplicantUserFactory, UserFactory, give_totp
from womenup.accounts.permissions import AUDITOR_GROUP, PROGRAMME_STAFF_GROUP
from womenup.models import PersonalDataAccess, User
from womenup.privacy.services import personal_data_access_record

pytestmark = pytest.mark.django_db(transaction=True)


def staff_in(group: str) -> User:
    user = UserFactory(account_type=User.AccountType.CITY_STAFF, is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    give_totp(user)
    return user


def log_in_browser(page, user, live_server, language: str) -> None:
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            },
            {"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": live_server.url},
        ]
    )


@pytest.mark.parametrize("language", ["ko", "en"])
def test_the_access_log_and_its_review_pass_axe(page, live_server, language, settings):
    settings.ACCESS_REVIEW_DAILY_RECORDS = 10
    staff = staff_in(PROGRAMME_STAFF_GROUP)
    her = ApplicantUserFactory()
    personal_data_access_record(actor=staff, subject=her, action="view", target="참여자: 김")
    personal_data_access_record(
        actor=staff,
        subject=None,
        action=PersonalDataAccess.Action.EXPORT,
        target="참여자 내보내기 (50건, CSV)",
        reason="월간 점검",
        records=50,
    )
    log_in_browser(page, staff_in(AUDITOR_GROUP), live_server, language)
    page.goto(reverse("admin:womenup_personaldataaccess_changelist") + "?period=7d")
    assert page.locator("#subject-email-filter").is_visible()
    page.locator("#access-review-link").click()
    page.wait_for_load_state()
    assert page.locator("#unusual-days tbody tr").count() == 1
    assert_no_serious_axe_violations(page)
    month = timezone.localdate().strftime("%Y-%m")
    page.goto(reverse("admin:womenup_personaldataaccess_review") + f"?month={month}")
    assert_no_serious_axe_violations(page)
