"""Company pages: wiring, scoping (404 for other companies) and what candidates' data shows."""

from datetime import date, datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from companies.models import Company, CompanyInvitation, Role
from matching.models import CandidateEvaluation, IncentiveClaim, Placement
from tests.factories import kernel
from tests.factories.accounts import ApplicantUserFactory, CompanyUserFactory
from tests.factories.applicants import (
    ApplicantProfileFactory,
    CertificateFactory,
    give_consents,
    pdf_upload,
    ready_profile,
)
from tests.factories.companies import (
    CompanyFactory,
    CompanyMembershipFactory,
    RoleFactory,
)
from tests.factories.matching import (
    ApplicationChoiceFactory,
    InternshipApplicationFactory,
    InterviewInvitationFactory,
    PlacementFactory,
)
from womenup.models import OutboxMessage

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(client):
    """A logged-in owner of a verified company."""
    membership = CompanyMembershipFactory()
    client.force_login(membership.user)
    return membership


def registration_data(**overrides) -> dict:
    data = {
        "name": "주식회사 새봄",
        "business_number": "120-81-47521",
        "representative": "박대표",
        "address": "월드컵북로 400",
        "district": kernel.district("mapo").pk,
        "regular_employees": "8",
        "is_sme": "on",
        "contact_name": "최담당",
        "contact_phone": "02-2133-7000",
        "contact_email": "hr@saebom.example.kr",
        "badges": ["innobiz", "family_friendly"],
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def chosen_by(role, profile=None, **application_kwargs):
    application = InternshipApplicationFactory(
        applicant=profile or ready_profile(), **application_kwargs
    )
    ApplicationChoiceFactory(application=application, role=role)
    return application


# --- Registration ------------------------------------------------------------------------------


def test_registration_creates_a_pending_company(client):
    user = CompanyUserFactory()
    client.force_login(user)
    response = client.post(reverse("companies:profile"), registration_data())
    assert response.status_code == 302
    company = Company.objects.get(memberships__user=user)
    assert (company.status, company.business_number) == ("pending", "1208147521")
    assert company.is_innobiz and company.is_family_friendly
    page = client.get(reverse("companies:dashboard")).content.decode()
    assert "검토 중" in page and "게시는 승인 후에" in page


def test_the_check_button_shows_the_reasons_and_saves_nothing(client):
    client.force_login(CompanyUserFactory())
    data = registration_data(
        district=kernel.district("haan-dong", city="gwangmyeong").pk,
        regular_employees="3",
        is_sme=None,
        check="1",
    )
    page = client.post(reverse("companies:profile"), data).content.decode()
    assert "서울시에 소재한 기업만" in page
    assert "상시근로자가 5명 이상이어야 합니다 (입력: 3명)" in page
    assert "중소기업만" in page
    assert not Company.objects.exists()


def test_an_ineligible_company_is_saved_and_still_sees_why(client):
    client.force_login(CompanyUserFactory())
    client.post(reverse("companies:profile"), registration_data(regular_employees="2"))
    assert Company.objects.get().status == Company.Status.PENDING
    page = client.get(reverse("companies:profile")).content.decode()
    assert "상시근로자가 5명 이상이어야 합니다 (입력: 2명)" in page


def test_a_wrong_business_number_is_explained(client):
    client.force_login(CompanyUserFactory())
    response = client.post(
        reverse("companies:profile"), registration_data(business_number="1208147520")
    )
    assert response.status_code == 200
    assert "사업자등록번호가 올바르지 않습니다" in response.content.decode()
    assert not Company.objects.exists()


def test_the_live_check_answers_with_the_reasons(client):
    client.force_login(CompanyUserFactory())
    url = reverse("companies:eligibility-check")
    ok = client.get(url, {"district": kernel.district().pk, "regular_employees": 5, "is_sme": "on"})
    assert "충족합니다" in ok.content.decode()
    not_ok = client.get(url, {"regular_employees": "x"})
    assert "소재지 자치구를 골라 주세요." in not_ok.content.decode()
    assert "상시근로자 수를 입력해 주세요." in not_ok.content.decode()


def test_a_badge_proof_is_uploaded_and_only_its_company_downloads_it(client, member):
    response = client.post(
        reverse("companies:proof-upload"),
        {"badge": "innobiz", "file": pdf_upload("innobiz.pdf")},
    )
    assert response.status_code == 302
    proof = member.company.badge_proofs.get()
    url = reverse("companies:proof-download", args=[proof.pk])
    download = client.get(url)
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    client.force_login(CompanyMembershipFactory().user)
    assert client.get(url).status_code == 404


# --- Colleagues --------------------------------------------------------------------------------


def test_the_owner_invites_and_the_colleague_accepts(client, member):
    client.post(reverse("companies:members"), {"email": "new@company.example.kr"})
    invitation = CompanyInvitation.objects.get(company=member.company)
    assert OutboxMessage.objects.filter(to_email="new@company.example.kr").exists()
    colleague = CompanyUserFactory(email="new@company.example.kr")
    client.force_login(colleague)
    url = reverse("companies:invitation-accept", args=[invitation.token])
    assert client.get(url).status_code == 200
    client.post(url)
    colleague.refresh_from_db()
    assert colleague.company_membership.company == member.company
    client.force_login(CompanyUserFactory())
    assert client.get(url).status_code == 404


# --- Roles -------------------------------------------------------------------------------------


def role_data(**overrides) -> dict:
    data = {
        "title": "백엔드 개발 인턴",
        "track": Role.Track.RECRUIT_LINKED,
        "intake": kernel.open_intake().pk,
        "job_category": kernel.job_category().pk,
        "duties": "API 개발",
        "min_career_years": "0",
        "work_type": Role.WorkType.FULL_TIME,
        "weekly_hours": "40",
        "district": kernel.district().pk,
        "seats": "2",
    }
    data.update(overrides)
    return data


def test_a_role_is_drafted_then_published_then_closed(client, member):
    response = client.post(reverse("companies:role-create"), role_data())
    role = Role.objects.get(company=member.company)
    assert response.url == reverse("companies:role-manage", args=[role.pk])
    assert role.status == Role.Status.DRAFT
    client.post(reverse("companies:role-publish", args=[role.pk]))
    role.refresh_from_db()
    assert role.status == Role.Status.PUBLISHED
    confirm = client.get(reverse("companies:role-close", args=[role.pk]))
    assert "기존 지원자, 면접 기록과 순위는 그대로 유지됩니다" in confirm.content.decode()
    role.refresh_from_db()
    assert role.status == Role.Status.PUBLISHED  # a GET changes nothing
    client.post(reverse("companies:role-close", args=[role.pk]))
    role.refresh_from_db()
    assert role.status == Role.Status.CLOSED


def test_the_role_form_explains_hours_that_do_not_fit(client, member):
    response = client.post(
        reverse("companies:role-create"), role_data(work_type="flexible", weekly_hours="40")
    )
    assert "유연근무 직무는 주 30~35시간" in response.content.decode()
    assert not Role.objects.exists()


def test_a_pending_company_sees_why_it_cannot_publish(client):
    membership = CompanyMembershipFactory(company__status=Company.Status.PENDING)
    client.force_login(membership.user)
    role = RoleFactory(company=membership.company, status=Role.Status.DRAFT)
    response = client.post(reverse("companies:role-publish", args=[role.pk]), follow=True)
    assert "서울시 담당자의 기업 승인 후에 게시할 수 있습니다" in response.content.decode()
    role.refresh_from_db()
    assert role.status == Role.Status.DRAFT


@pytest.mark.parametrize(
    "name",
    [
        "companies:role-manage",
        "companies:role-edit",
        "companies:role-close",
        "matching:role-ranking",
        "companies:role-publish",
    ],
)
def test_another_companys_role_is_not_found(client, member, name):
    other = RoleFactory()
    method = client.post if name == "companies:role-publish" else client.get
    assert method(reverse(name, args=[other.pk])).status_code == 404


# --- Candidates and consent --------------------------------------------------------------------


def test_candidates_show_only_what_she_consented_to_share(client, member):
    role = RoleFactory(company=member.company)
    quiet = ready_profile(name="김조용", phone="+821011112222")
    CertificateFactory(profile=quiet, name="컴퓨터활용능력 1급")
    open_one = ready_profile(name="이공개", phone="+821033334444")
    give_consents(open_one, items=("contact",))
    chosen_by(role, quiet)
    chosen_by(role, open_one)
    page = client.get(reverse("companies:role-manage", args=[role.pk])).content.decode()
    assert "김조용" in page and "컴퓨터활용능력 1급" in page
    assert "010-1111-2222" not in page and quiet.user.email not in page
    assert "010-3333-4444" in page and open_one.user.email in page
    assert "+8210" not in page  # shown in the national format, never as stored


def test_an_applicant_without_the_provision_consent_is_not_shown(client, member):
    role = RoleFactory(company=member.company)
    profile = ApplicantProfileFactory(name="박미동의")
    give_consents(profile, items=("collection",))
    application = chosen_by(role, profile)
    page = client.get(reverse("companies:role-manage", args=[role.pk])).content.decode()
    assert "박미동의" not in page
    url = reverse("matching:candidate", args=[role.pk, application.pk])
    assert client.get(url).status_code == 404


def test_applicants_of_other_roles_withdrawn_or_unsubmitted_are_never_shown(client, member):
    role = RoleFactory(company=member.company)
    elsewhere = chosen_by(RoleFactory(), ready_profile(name="최다른"))
    withdrawn = chosen_by(role, ready_profile(name="정취소"), status="withdrawn")
    draft = chosen_by(role, ready_profile(name="한작성"), status="draft")
    page = client.get(reverse("companies:role-manage", args=[role.pk])).content.decode()
    for name in ["최다른", "정취소", "한작성"]:
        assert name not in page
    for application in [elsewhere, withdrawn, draft]:
        url = reverse("matching:candidate", args=[role.pk, application.pk])
        assert client.get(url).status_code == 404


def test_an_invited_applicant_is_shown(client, member):
    role = RoleFactory(company=member.company)
    InterviewInvitationFactory(role=role, application__applicant=ready_profile(name="윤제안"))
    page = client.get(reverse("companies:role-manage", args=[role.pk])).content.decode()
    assert "윤제안" in page and "면접 제안 대상" in page


def test_another_company_cannot_reach_a_candidate_through_its_own_role(client, member):
    mine = RoleFactory(company=member.company)
    theirs = RoleFactory()
    application = chosen_by(theirs)
    url = reverse("matching:candidate", args=[mine.pk, application.pk])
    assert client.get(url).status_code == 404
    url = reverse("matching:candidate", args=[theirs.pk, application.pk])
    assert client.get(url).status_code == 404


def test_interview_result_and_ranking_through_the_pages(client, member):
    role = RoleFactory(company=member.company)
    first, second = chosen_by(role), chosen_by(role)
    base = "matching:candidate-interview"
    response = client.post(
        reverse(base, args=[role.pk, first.pk]),
        {"interview_at": "2026-12-01T10:00", "interview_place": "본사 회의실"},
    )
    assert response.status_code == 302
    for application in (first, second):
        client.post(
            reverse("matching:candidate-result", args=[role.pk, application.pk]),
            {"result": "pass", "note": "좋음"},
        )
    page = client.get(reverse("matching:role-ranking", args=[role.pk])).content.decode()
    assert "순위" in page
    client.post(
        reverse("matching:role-ranking", args=[role.pk]),
        {f"rank_{first.pk}": "2", f"rank_{second.pk}": "1"},
    )
    ranks = dict(CandidateEvaluation.objects.filter(role=role).values_list("application", "rank"))
    assert ranks == {first.pk: 2, second.pk: 1}
    same = client.post(
        reverse("matching:role-ranking", args=[role.pk]),
        {f"rank_{first.pk}": "1", f"rank_{second.pk}": "1"},
    )
    assert "같은 순위를 두 명에게 줄 수 없습니다" in same.content.decode()


def test_an_interview_without_place_or_link_is_explained(client, member):
    role = RoleFactory(company=member.company)
    application = chosen_by(role)
    response = client.post(
        reverse("matching:candidate-interview", args=[role.pk, application.pk]),
        {"interview_at": "2026-12-01T10:00"},
    )
    assert "면접 장소 또는 화상면접 링크" in response.content.decode()
    assert not CandidateEvaluation.objects.exists()


# --- Interns, hire, incentive ------------------------------------------------------------------


def test_contract_start_and_hire_through_the_pages(client, member):
    placement = PlacementFactory(role=RoleFactory(company=member.company))
    matched = timezone.make_aware(datetime(2024, 6, 24, 9))
    Placement.objects.filter(pk=placement.pk).update(created_at=matched)
    client.post(
        reverse("matching:intern-contract", args=[placement.pk]), {"contract_start": "2024-07-01"}
    )
    placement.refresh_from_db()
    assert (placement.status, placement.contract_start) == ("contracted", date(2024, 7, 1))
    client.post(
        reverse("matching:intern-hire", args=[placement.pk]),
        {"hired_on": "2024-10-01", "proof": pdf_upload("hire.pdf")},
    )
    claim = IncentiveClaim.objects.get(company=member.company)
    assert claim.status == IncentiveClaim.Status.SUBMITTED
    page = client.get(reverse("companies:dashboard")).content.decode()
    assert "3,000,000원" in page and "신청" in page


@pytest.mark.parametrize("name", ["matching:intern-contract", "matching:intern-hire"])
def test_another_companys_intern_is_not_found(client, member, name):
    placement = PlacementFactory(status=Placement.Status.CONTRACTED)
    assert client.get(reverse(name, args=[placement.pk])).status_code == 404


def test_a_company_user_without_a_company_is_sent_to_registration(client):
    client.force_login(CompanyUserFactory())
    response = client.get(reverse("companies:role-create"))
    assert response.url == reverse("companies:profile")


def test_applicants_cannot_use_company_pages(client):
    client.force_login(ApplicantUserFactory())
    assert client.get(reverse("companies:profile")).status_code == 403


# --- Public listings ---------------------------------------------------------------------------


def test_listings_show_only_verified_companies_and_count_their_open_roles(client):
    shown = RoleFactory(title="공개 직무", company__name="승인기업")
    RoleFactory(title="초안 직무", status=Role.Status.DRAFT, company=shown.company)
    RoleFactory(title="마감 직무", status=Role.Status.CLOSED, company=shown.company)
    RoleFactory(title="검토 직무", company__name="검토기업", company__status="pending")
    companies_page = client.get(reverse("companies:list")).content.decode()
    assert "승인기업" in companies_page and "검토기업" not in companies_page
    assert "모집 중인 직무 1개" in companies_page
    detail = client.get(reverse("companies:detail", args=[shown.company_id])).content.decode()
    assert reverse("matching:role-detail", args=[shown.pk]) in detail
    assert "초안 직무" not in detail and "마감 직무" not in detail
    pending = Company.objects.get(name="검토기업")
    assert client.get(reverse("companies:detail", args=[pending.pk])).status_code == 404


def test_company_filters_by_badge_and_district(client):
    CompanyFactory(name="가족친화기업", is_family_friendly=True, district=kernel.district("jongno"))
    CompanyFactory(name="보통기업")
    url = reverse("companies:list")
    assert "보통기업" not in client.get(url, {"badge": "family_friendly"}).content.decode()
    jongno = client.get(url, {"district": kernel.district("jongno").pk}).content.decode()
    assert "가족친화기업" in jongno and "보통기업" not in jongno


def test_the_dashboard_lists_only_the_companys_own_roles_interns_and_claims(client, member):
    from tests.factories.matching import IncentiveClaimFactory

    RoleFactory(title="남의 직무")
    theirs = PlacementFactory(role__title="남의 인턴 직무", application__applicant=ready_profile())
    claim = IncentiveClaimFactory(hire__placement=theirs)
    RoleFactory(company=member.company, title="우리 직무")
    page = client.get(reverse("companies:dashboard")).content.decode()
    assert "우리 직무" in page
    assert "남의 직무" not in page and "남의 인턴 직무" not in page
    assert "3,000,000원" not in page
    url = reverse("matching:hire-proof", args=[claim.hire_id])
    assert client.get(url).status_code == 404
