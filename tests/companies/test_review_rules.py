"""Rules added after review: who downloads proofs, incentive timing, re-verification, role
edits, re-filing a rejected claim, and bad query-string input."""

from datetime import date, datetime, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.urls import reverse
from django.utils import timezone

from companies import selectors, services
from companies.models import BadgeProof, Company, Role
from matching import selectors as matching_selectors
from matching import services as matching_services
from matching.models import IncentiveClaim, Placement
from tests.factories import kernel
from tests.factories.accounts import (
    CompanyUserFactory,
    StaffUserFactory,
    UserFactory,
    give_totp,
)
from tests.factories.applicants import PDF_BYTES, pdf_upload
from tests.factories.companies import CompanyMembershipFactory, RoleFactory
from tests.factories.matching import (
    ApplicationChoiceFactory,
    HireConfirmationFactory,
    IncentiveClaimFactory,
    PlacementFactory,
)
from womenup.models import User

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(client):
    membership = CompanyMembershipFactory()
    client.force_login(membership.user)
    return membership


def institution_staff():
    staff = UserFactory(account_type=User.AccountType.INSTITUTION, is_staff=True)
    give_totp(staff)
    return staff


def matched(placement, day: date):
    """Pretend the weekly match made the placement on that day."""
    created = timezone.make_aware(datetime(day.year, day.month, day.day, 9))
    Placement.objects.filter(pk=placement.pk).update(created_at=created)
    placement.refresh_from_db()
    return placement


# --- 1. Only city staff download every company's proofs ----------------------------------------


def badge_proof(company):
    from django.core.files.base import ContentFile

    proof = BadgeProof(
        company=company,
        badge="innobiz",
        original_name="innobiz.pdf",
        content_type="application/pdf",
        size=len(PDF_BYTES),
    )
    proof.file.save("innobiz.pdf", ContentFile(PDF_BYTES), save=False)
    proof.save()
    return proof


def test_institution_staff_cannot_download_company_proofs(client):
    hire = HireConfirmationFactory()
    proof = badge_proof(hire.company)
    staff = institution_staff()
    assert not selectors.badge_proofs_for_user(staff).exists()
    assert not matching_selectors.hires_for_user(staff).exists()
    client.force_login(staff)
    assert client.get(reverse("companies:proof-download", args=[proof.pk])).status_code == 404
    assert client.get(reverse("matching:hire-proof", args=[hire.pk])).status_code == 404


def test_city_staff_still_download_every_companys_proofs(client, staff):
    hire = HireConfirmationFactory()
    proof = badge_proof(hire.company)
    assert client.get(reverse("companies:proof-download", args=[proof.pk])).status_code == 200
    assert client.get(reverse("matching:hire-proof", args=[hire.pk])).status_code == 200


# --- 2. The incentive is claimed only after a real internship ----------------------------------


def test_a_contract_cannot_start_before_the_match():
    placement = matched(PlacementFactory(), date(2024, 7, 1))
    with pytest.raises(ValidationError, match="매칭일\\(2024-07-01\\) 이후여야"):
        matching_services.placement_contract_confirm(
            placement=placement, contract_start=date(2024, 6, 30)
        )
    placement = matching_services.placement_contract_confirm(
        placement=placement, contract_start=date(2024, 7, 1)
    )
    assert placement.contract_start == date(2024, 7, 1)


def test_the_contract_start_is_frozen_once_the_hire_is_confirmed():
    placement = matched(PlacementFactory(), date(2024, 6, 24))
    matching_services.placement_contract_confirm(
        placement=placement, contract_start=date(2024, 7, 1)
    )
    matching_services.hire_confirm(
        placement=placement,
        user=CompanyUserFactory(),
        hired_on=date(2024, 10, 1),
        proof=pdf_upload("hire.pdf"),
    )
    with pytest.raises(ValidationError, match="계약 시작일을 바꿀 수 없습니다"):
        matching_services.placement_contract_confirm(
            placement=placement, contract_start=date(2024, 6, 24)
        )
    placement.refresh_from_db()
    assert placement.contract_start == date(2024, 7, 1)


def test_a_hire_is_refused_while_the_internship_runs():
    placement = PlacementFactory(
        status=Placement.Status.CONTRACTED, contract_start=date(2026, 9, 1)
    )
    with pytest.raises(ValidationError, match="인턴 기간이 끝난 뒤\\(2026-12-01 이후\\)"):
        matching_services.hire_confirm(
            placement=placement,
            user=CompanyUserFactory(),
            hired_on=date(2026, 12, 1),
            proof=pdf_upload(),
            today=date(2026, 11, 30),
        )
    assert not IncentiveClaim.objects.exists()


def test_a_hire_date_in_the_future_is_refused():
    placement = PlacementFactory(
        status=Placement.Status.CONTRACTED, contract_start=date(2026, 7, 1)
    )
    with pytest.raises(
        ValidationError, match="정규직 채용일\\(2026-12-15\\)이 아직 오지 않았습니다"
    ):
        matching_services.hire_confirm(
            placement=placement,
            user=CompanyUserFactory(),
            hired_on=date(2026, 12, 15),
            proof=pdf_upload(),
            today=date(2026, 12, 1),
        )
    claim = matching_services.hire_confirm(
        placement=placement,
        user=CompanyUserFactory(),
        hired_on=date(2026, 12, 1),
        proof=pdf_upload(),
        today=date(2026, 12, 1),
    )
    assert claim.status == IncentiveClaim.Status.SUBMITTED


# --- 3. A verified company that edits its eligibility goes back to review ----------------------


def details_of(company, **overrides) -> services.CompanyDetails:
    values = {
        "name": company.name,
        "representative": company.representative,
        "address": company.address,
        "district": company.district,
        "regular_employees": company.regular_employees,
        "is_sme": company.is_sme,
        "contact_name": company.contact_name,
        "contact_phone": company.contact_phone,
        "contact_email": company.contact_email,
        "description": company.description,
        "badges": frozenset(),
    }
    return services.CompanyDetails(**{**values, **overrides})


def verified_company():
    company = CompanyMembershipFactory().company
    company.verified_at = timezone.now()
    company.save()
    return company


@pytest.mark.parametrize(
    "change",
    [
        {"district": "gwangmyeong"},
        {"regular_employees": 3},
        {"is_sme": False},
        {"badges": frozenset({"venture"})},
    ],
)
def test_changing_eligibility_or_badges_needs_verification_again(change):
    company = verified_company()
    role = RoleFactory(company=company)
    if "district" in change:
        change = {"district": kernel.district("haan-dong", city="gwangmyeong")}
    company = services.company_update(company=company, details=details_of(company, **change))
    company.refresh_from_db()
    assert (company.status, company.verified_at) == (Company.Status.PENDING, None)
    role.refresh_from_db()
    assert role.status == Role.Status.PUBLISHED
    draft = RoleFactory(company=company, status=Role.Status.DRAFT)
    with pytest.raises(ValidationError, match="서울시 담당자의 기업 승인 후에 게시할 수 있습니다"):
        services.role_publish(role=draft)


def test_other_edits_keep_the_company_verified():
    company = verified_company()
    company = services.company_update(
        company=company, details=details_of(company, description="새 소개", contact_name="박담당")
    )
    company.refresh_from_db()
    assert company.status == Company.Status.VERIFIED


def test_the_profile_page_says_that_verification_is_needed_again(client):
    membership = CompanyMembershipFactory()
    client.force_login(membership.user)
    company = membership.company
    data = {
        "name": company.name,
        "representative": company.representative,
        "address": company.address,
        "district": company.district_id,
        "regular_employees": "30",
        "is_sme": "on",
        "contact_name": company.contact_name,
        "contact_phone": company.contact_phone,
        "contact_email": company.contact_email,
    }
    response = client.post(reverse("companies:profile"), data, follow=True)
    assert "서울시 담당자의 재승인이 필요합니다" in response.content.decode()
    company.refresh_from_db()
    assert company.status == Company.Status.PENDING


# --- 4. Role edits that would break matched interns or candidates' choices ----------------------


def role_details_of(role, **overrides) -> services.RoleDetails:
    values = {
        "title": role.title,
        "track": role.track,
        "job_category": role.job_category,
        "description": role.description,
        "duties": role.duties,
        "required_qualifications": role.required_qualifications,
        "preferred_qualifications": role.preferred_qualifications,
        "min_career_years": role.min_career_years,
        "work_type": role.work_type,
        "weekly_hours": role.weekly_hours,
        "remote_allowed": role.remote_allowed,
        "district": role.district,
        "seats": role.seats,
        "start_date": role.start_date,
        "intake": role.intake,
        "required_course": role.required_course,
    }
    return services.RoleDetails(**{**values, **overrides})


def test_seats_cannot_go_below_the_matched_interns():
    role = RoleFactory(seats=3)
    PlacementFactory.create_batch(2, role=role)
    PlacementFactory(role=role, status=Placement.Status.CANCELLED)
    with pytest.raises(ValidationError, match="매칭된 인턴이 2명이므로"):
        services.role_update(role=role, details=role_details_of(role, seats=1))
    role = services.role_update(role=role, details=role_details_of(role, seats=2))
    assert role.seats == 2


def other_intake():
    from womenup.models import IntakeWindow

    today = timezone.localdate()
    return IntakeWindow.objects.create(
        program=kernel.program(),
        label="다른 회차",
        opens_on=today - timedelta(days=5),
        closes_on=today + timedelta(days=20),
    )


def test_a_published_roles_track_and_intake_are_fixed():
    role = RoleFactory()
    with pytest.raises(ValidationError, match="유형과 모집 회차\\(사업\\)를 바꿀 수 없습니다"):
        services.role_update(role=role, details=role_details_of(role, intake=other_intake()))
    project = kernel.open_intake("seoul-project-it")
    with pytest.raises(ValidationError, match="유형과 모집 회차"):
        services.role_update(
            role=role,
            details=role_details_of(role, track=Role.Track.SOCIAL_IMPACT, intake=project),
        )
    role.refresh_from_db()
    assert (role.track, role.program) == (Role.Track.RECRUIT_LINKED, kernel.program())


def test_a_draft_chosen_by_an_applicant_keeps_its_intake_but_a_fresh_draft_may_change():
    chosen = RoleFactory(status=Role.Status.DRAFT, published_at=None)
    ApplicationChoiceFactory(role=chosen)
    with pytest.raises(ValidationError, match="유형과 모집 회차"):
        services.role_update(role=chosen, details=role_details_of(chosen, intake=other_intake()))
    fresh = RoleFactory(status=Role.Status.DRAFT, published_at=None)
    intake = other_intake()
    fresh = services.role_update(role=fresh, details=role_details_of(fresh, intake=intake))
    assert fresh.intake == intake


# --- 5. A rejected incentive claim may be filed again ------------------------------------------


def rejected_claim():
    claim = IncentiveClaimFactory()
    return matching_services.incentive_claim_reject(
        claim=claim, staff=StaffUserFactory(), reason="4대보험 가입 증빙 필요"
    )


def test_a_rejected_claim_is_filed_again_as_a_new_claim():
    rejected = rejected_claim()
    claim = matching_services.incentive_claim_refile(
        hire=rejected.hire, proof=pdf_upload("insurance.pdf")
    )
    assert claim.pk != rejected.pk
    assert claim.status == IncentiveClaim.Status.SUBMITTED
    assert claim.hire.original_name == "insurance.pdf"
    rejected.refresh_from_db()
    assert (rejected.status, rejected.rejection_reason) == (
        IncentiveClaim.Status.REJECTED,
        "4대보험 가입 증빙 필요",
    )


@pytest.mark.parametrize("status", ["submitted", "approved"])
def test_only_a_rejected_claim_may_be_filed_again(status):
    claim = IncentiveClaimFactory()
    if status == "approved":
        matching_services.incentive_claim_approve(claim=claim, staff=StaffUserFactory())
    with pytest.raises(ValidationError, match="반려된 신청만 새로 신청할 수 있습니다"):
        matching_services.incentive_claim_refile(hire=claim.hire, proof=pdf_upload())
    assert IncentiveClaim.objects.count() == 1


def test_the_database_allows_one_live_claim_per_hire():
    claim = IncentiveClaimFactory()
    with pytest.raises(IntegrityError):
        IncentiveClaimFactory(hire=claim.hire)


def test_the_dashboard_offers_filing_again_after_a_rejection(client, member):
    placement = PlacementFactory(
        role=RoleFactory(company=member.company),
        status=Placement.Status.CONTRACTED,
        contract_start=date(2024, 7, 1),
    )
    claim = IncentiveClaimFactory(hire__placement=placement)
    url = reverse("matching:intern-hire", args=[placement.pk])
    assert url not in client.get(reverse("companies:dashboard")).content.decode()
    matching_services.incentive_claim_reject(
        claim=claim, staff=StaffUserFactory(), reason="증빙 불명확"
    )
    page = client.get(reverse("companies:dashboard")).content.decode()
    assert url in page and "고용장려금 다시 신청" in page
    response = client.post(url, {"proof": pdf_upload("again.pdf")})
    assert response.status_code == 302
    statuses = list(
        IncentiveClaim.objects.filter(hire=claim.hire)
        .order_by("pk")
        .values_list("status", flat=True)
    )
    assert statuses == ["rejected", "submitted"]
    assert url not in client.get(reverse("companies:dashboard")).content.decode()


# --- 6. A bad district id in the live eligibility check ----------------------------------------


@pytest.mark.parametrize("district", ["abc", "1.5", "-", "99999999999999999999"])
def test_a_bad_district_id_is_treated_as_no_district(client, district):
    client.force_login(CompanyUserFactory())
    response = client.get(reverse("companies:eligibility-check"), {"district": district})
    assert response.status_code == 200
    assert "소재지 자치구를 골라 주세요." in response.content.decode()
