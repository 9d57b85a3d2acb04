"""Admin writes through services report each refusal as an error, never as success
(``womenup/admin_actions.py``), through the real admin pages as city staff with MFA."""

from datetime import date

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.messages import ERROR, SUCCESS
from django.urls import reverse

from companies.models import Company
from matching.models import InternshipApplication, ScreeningResult
from matching.screening import applications_screen
from tests.factories.accounts import staff_with_mfa
from tests.factories.companies import CompanyFactory
from tests.matching.batch_data import WEEK, application_for, eligible_profile
from womenup.models import PersonalDataAccess

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(client):
    user = staff_with_mfa()
    client.force_login(user)
    return user


def shown(response) -> list[tuple[int, str]]:
    return [(message.level, message.message) for message in response.context["messages"]]


def test_a_refused_row_is_an_error_and_only_the_others_count_as_done(client, staff):
    pending = CompanyFactory(status=Company.Status.PENDING)
    verified = CompanyFactory(status=Company.Status.VERIFIED, name="이미승인")
    response = client.post(
        reverse("admin:companies_company_changelist"),
        {"action": "verify", ACTION_CHECKBOX_NAME: [pending.pk, verified.pk]},
        follow=True,
    )

    assert shown(response) == [
        (ERROR, f"{verified}: 이미 승인된 기업입니다: 이미승인"),
        (SUCCESS, "1개 기업을 승인했습니다."),
    ]


def test_when_every_row_is_refused_nothing_says_success(client, staff):
    verified = CompanyFactory(status=Company.Status.VERIFIED, name="이미승인")
    response = client.post(
        reverse("admin:companies_company_changelist"),
        {"action": "verify", ACTION_CHECKBOX_NAME: [verified.pk]},
        follow=True,
    )

    assert [level for level, _text in shown(response)] == [ERROR]


def test_a_refused_screening_override_is_an_error_not_changed_successfully(client, staff):
    application = application_for(eligible_profile(employment_status="employed"))
    applications_screen(week=WEEK, on=date(2024, 6, 3))
    result = ScreeningResult.objects.get(application=application)
    InternshipApplication.objects.filter(pk=application.pk).update(
        status=InternshipApplication.Status.WITHDRAWN
    )
    url = reverse("admin:matching_screeningresult_change", args=[result.pk])
    response = client.post(
        url, {"override_outcome": "pass", "override_reason": "서류 확인"}, follow=True
    )

    assert response.redirect_chain[-1][0] == url
    messages = shown(response)
    assert [level for level, _text in messages] == [ERROR]
    assert "조정할 수 없습니다" in messages[0][1]
    result.refresh_from_db()
    assert result.override_outcome == ""
    assert "change" not in set(PersonalDataAccess.objects.values_list("action", flat=True))
