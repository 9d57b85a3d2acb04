"""The applicants app's e-mail, queued by its service and read as she receives it."""

import pytest
from django.utils import timezone

from applicants import services
from tests.applicants.test_allowance import applied, intake, report  # noqa: F401 (a fixture)
from tests.factories.accounts import StaffUserFactory
from tests.mail import sent_to

pytestmark = pytest.mark.django_db


def test_an_accepted_report_tells_her_the_month_and_the_amount(intake):  # noqa: F811
    submitted = report(applied(), timezone.localdate())

    services.activity_report_accept(report=submitted, staff=StaffUserFactory())

    [message] = sent_to(submitted.application.profile.user.email)
    assert message.subject == "[서울우먼업] 구직활동 보고가 승인되었습니다"
    month = f"{submitted.month:%Y-%m}"
    assert f"{month} 구직활동 보고가 승인되어 구직지원금 300,000원 지급이" in message.body
