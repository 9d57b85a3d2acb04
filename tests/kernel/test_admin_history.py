"""Change history in admin: who changed what and when, for every tracked record; no revert."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse

from companies.models import Company
from matching.models import ScreeningResult
from tests.factories.companies import CompanyFactory, RoleFactory
from tests.factories.courses import EnrollmentFactory, institution_staff
from tests.factories.matching import (
    InternshipApplicationFactory,
    PlacementFactory,
    ScreeningResultFactory,
)
from womenup.models import PersonalDataAccess

pytestmark = pytest.mark.django_db

History = PersonalDataAccess.Action.HISTORY


def history_url(obj) -> str:
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_history", args=[obj.pk])


def version_url(obj, version) -> str:
    opts = obj._meta
    return reverse(
        f"admin:{opts.app_label}_{opts.model_name}_simple_history", args=[obj.pk, version.pk]
    )


def test_a_verification_shows_who_changed_the_status_and_when(client, staff):
    company = CompanyFactory(status=Company.Status.PENDING)
    changelist = reverse("admin:companies_company_changelist")
    client.post(changelist, {"action": "verify", ACTION_CHECKBOX_NAME: [company.pk]})

    page = client.get(history_url(company))

    assert page.status_code == 200
    html = page.content.decode()
    assert "상태:</strong> 검토 중 &rarr; 승인" in html
    assert staff.email in html
    latest = company.history.first()
    assert (latest.history_user, latest.status) == (staff, Company.Status.VERIFIED)
    assert PersonalDataAccess.objects.filter(actor=staff, action=History).count() == 1


def test_a_screening_override_is_in_the_history_with_its_reason(client, staff):
    result = ScreeningResultFactory(outcome=ScreeningResult.Outcome.FAIL)
    url = reverse("admin:matching_screeningresult_change", args=[result.pk])
    client.post(url, {"override_outcome": "pass", "override_reason": "경력 증빙 확인"})

    html = client.get(history_url(result)).content.decode()

    assert "담당자 조정 결과:</strong> - &rarr; 통과" in html
    assert "경력 증빙 확인" in html
    assert result.history.first().history_user == staff


@pytest.mark.parametrize(
    "factory",
    [
        InternshipApplicationFactory,
        ScreeningResultFactory,
        CompanyFactory,
        RoleFactory,
        EnrollmentFactory,
        PlacementFactory,
    ],
    ids=["application", "screening", "company", "role", "enrollment", "placement"],
)
def test_every_tracked_record_has_a_history_page_in_admin(client, staff, factory):
    obj = factory()
    obj.save()

    page = client.get(history_url(obj))

    assert page.status_code == 200
    html = page.content.decode()
    assert [version_url(obj, version) in html for version in obj.history.all()] == [True, True]


def test_an_old_version_is_shown_read_only_and_logged(client, staff):
    company = CompanyFactory(status=Company.Status.PENDING)
    first = company.history.last()
    company.name = "새 이름"
    company.save()

    page = client.get(version_url(company, first))

    assert page.status_code == 200
    html = page.content.decode()
    assert 'name="_save"' not in html and 'name="name"' not in html
    assert company.name not in html.split('id="content-main"')[1].split("</form>")[0]
    access = PersonalDataAccess.objects.get(actor=staff)
    assert (access.action, access.target) == (History, f"참여기업: {company} (이전 기록)")


def test_reverting_to_an_old_version_is_refused(client, staff):
    company = CompanyFactory(status=Company.Status.PENDING, name="처음 이름")
    first = company.history.last()
    changelist = reverse("admin:companies_company_changelist")
    client.post(changelist, {"action": "verify", ACTION_CHECKBOX_NAME: [company.pk]})
    company.refresh_from_db()
    company.name = "바뀐 이름"
    company.save()
    versions = company.history.count()

    response = client.post(
        version_url(company, first),
        {"name": "처음 이름", "business_number": company.business_number, "_save": "1"},
        follow=True,
    )

    company.refresh_from_db()
    assert (company.name, company.status) == ("바뀐 이름", Company.Status.VERIFIED)
    assert company.history.count() == versions
    assert response.redirect_chain[-1][0] == history_url(company)
    assert "이전 기록으로 되돌릴 수 없습니다" in response.content.decode()


def test_institution_staff_read_only_their_own_enrollments_history(client):
    own = EnrollmentFactory()
    other = EnrollmentFactory()
    client.force_login(institution_staff(own.course.institution))

    assert client.get(history_url(own)).status_code == 200
    assert client.get(history_url(other)).status_code in (403, 404)
    assert client.get(version_url(other, other.history.first())).status_code in (403, 404)


def test_a_rejection_closes_the_companys_roles_in_their_history(client, staff):
    role = RoleFactory()
    changelist = reverse("admin:companies_company_changelist")
    client.post(
        changelist,
        {
            "action": "reject",
            ACTION_CHECKBOX_NAME: [role.company.pk],
            "apply": "1",
            "reason": "서울 외",
        },
    )

    closed = role.history.first()
    assert (closed.status, closed.history_user) == ("closed", staff)
    assert "상태:</strong> 모집 중 &rarr; 마감" in client.get(history_url(role)).content.decode()
