"""Company journey services: registration, eligibility, verification, colleagues, roles."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from companies import services
from companies.eligibility import CompanyFacts, company_ineligibility_reasons
from companies.models import Company, CompanyInvitation, CompanyMembership, Role
from tests.factories import kernel
from tests.factories.accounts import ApplicantUserFactory, CompanyUserFactory, StaffUserFactory
from tests.factories.applicants import PNG_BYTES, pdf_upload
from tests.factories.companies import CompanyFactory, CompanyMembershipFactory, RoleFactory
from tests.factories.courses import CourseFactory
from tests.factories.matching import ApplicationChoiceFactory
from tests.mail import sent_to
from womenup.models import IntakeWindow

pytestmark = pytest.mark.django_db


def details(**overrides) -> services.CompanyDetails:
    values = {
        "name": "주식회사 새봄",
        "representative": "박대표",
        "address": "월드컵북로 400",
        "district": kernel.district("mapo"),
        "regular_employees": 8,
        "is_sme": True,
        "contact_name": "최담당",
        "contact_phone": "02-2133-7000",
        "contact_email": "hr@saebom.example.kr",
        "badges": frozenset({"innobiz", "women_owned"}),
    }
    return services.CompanyDetails(**{**values, **overrides})


def role_details(**overrides) -> services.RoleDetails:
    values = {
        "title": "마케팅 인턴",
        "track": Role.Track.RECRUIT_LINKED,
        "job_category": kernel.job_category("marketing"),
        "description": "",
        "duties": "SNS 운영",
        "required_qualifications": "",
        "preferred_qualifications": "",
        "min_career_years": 1,
        "work_type": Role.WorkType.FULL_TIME,
        "weekly_hours": 40,
        "remote_allowed": False,
        "district": kernel.district("mapo"),
        "seats": 2,
        "start_date": None,
        "intake": kernel.open_intake(),
        "required_course": None,
    }
    return services.RoleDetails(**{**values, **overrides})


def messages_of(excinfo) -> str:
    return " ".join(excinfo.value.messages)


# --- Eligibility -------------------------------------------------------------------------------


def test_a_seoul_sme_with_five_employees_qualifies():
    assert company_ineligibility_reasons(CompanyFacts("seoul", 5, True)) == []


@pytest.mark.parametrize(
    ("facts", "expected"),
    [
        (CompanyFacts("gwangmyeong", 10, True), "서울시에 소재한 기업만"),
        (CompanyFacts(None, 10, True), "소재지 자치구를 골라 주세요."),
        (CompanyFacts("seoul", 4, True), "상시근로자가 5명 이상이어야 합니다 (입력: 4명)"),
        (CompanyFacts("seoul", None, True), "상시근로자 수를 입력해 주세요."),
        (CompanyFacts("seoul", 30, False), "중소기업만 참여할 수 있습니다"),
    ],
)
def test_each_unmet_condition_gives_its_reason(facts, expected):
    reasons = company_ineligibility_reasons(facts)
    assert len(reasons) == 1
    assert expected in reasons[0]


def test_all_reasons_at_once():
    assert len(company_ineligibility_reasons(CompanyFacts("gwangmyeong", 1, False))) == 3


# --- Registration ------------------------------------------------------------------------------


def test_register_creates_a_pending_company_owned_by_the_user():
    user = CompanyUserFactory()
    company = services.company_register(user=user, number="120-81-47521", details=details())
    assert company.status == Company.Status.PENDING
    assert company.business_number == "1208147521"
    assert company.is_innobiz and company.is_women_owned and not company.is_venture
    assert CompanyMembership.objects.get(user=user).is_owner


def test_an_ineligible_company_can_still_register_as_pending():
    user = CompanyUserFactory()
    company = services.company_register(
        user=user, number="1208147521", details=details(regular_employees=2, is_sme=False)
    )
    assert company.status == Company.Status.PENDING


def test_register_refuses_a_wrong_check_digit():
    with pytest.raises(ValidationError) as excinfo:
        services.company_register(user=CompanyUserFactory(), number="1208147520", details=details())
    assert "사업자등록번호가 올바르지 않습니다" in messages_of(excinfo)
    assert not Company.objects.exists()


def test_register_refuses_a_number_that_is_not_ten_digits():
    with pytest.raises(ValidationError) as excinfo:
        services.company_register(user=CompanyUserFactory(), number="12-34", details=details())
    assert "숫자 10자리" in messages_of(excinfo)


def test_register_refuses_a_duplicate_number():
    CompanyFactory(business_number="1208147521")
    with pytest.raises(ValidationError) as excinfo:
        services.company_register(user=CompanyUserFactory(), number="1208147521", details=details())
    assert "이미 등록된 사업자등록번호" in messages_of(excinfo)


def test_register_is_for_company_accounts_without_a_company():
    with pytest.raises(ValidationError, match="기업 회원만"):
        services.company_register(
            user=ApplicantUserFactory(), number="1208147521", details=details()
        )
    member = CompanyMembershipFactory().user
    with pytest.raises(ValidationError, match="이미 소속된 기업"):
        services.company_register(user=member, number="1208147521", details=details())


def test_editing_a_rejected_company_sends_it_back_to_review():
    company = CompanyFactory(status=Company.Status.REJECTED, rejection_reason="증빙 부족")
    services.company_update(company=company, details=details(name="새 이름"))
    company.refresh_from_db()
    assert (company.status, company.rejection_reason, company.name) == ("pending", "", "새 이름")


# --- Verification ------------------------------------------------------------------------------


def test_verify_and_notify_members():
    membership = CompanyMembershipFactory(company__status=Company.Status.PENDING)
    staff = StaffUserFactory()
    company = services.company_verify(company=membership.company, staff=staff)
    assert company.status == Company.Status.VERIFIED and company.verified_at
    assert company.reviewed_by == staff
    [message] = sent_to(membership.user.email)
    assert "승인" in message.subject


def test_verifying_twice_is_refused():
    with pytest.raises(ValidationError, match="이미 승인된 기업"):
        services.company_verify(company=CompanyFactory(), staff=StaffUserFactory())


def test_rejection_needs_a_reason_and_closes_published_roles():
    role = RoleFactory()
    with pytest.raises(ValidationError, match="반려 사유를 입력해 주세요"):
        services.company_reject(company=role.company, staff=StaffUserFactory(), reason="  ")
    services.company_reject(company=role.company, staff=StaffUserFactory(), reason="서울 외 소재")
    role.refresh_from_db()
    assert role.company.status == Company.Status.REJECTED
    assert role.status == Role.Status.CLOSED


# --- Badge proofs ------------------------------------------------------------------------------


def test_badge_proof_accepts_a_real_png():
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("cert.png", PNG_BYTES, content_type="image/png")
    proof = services.badge_proof_upload(company=CompanyFactory(), badge="venture", upload=upload)
    assert proof.content_type == "image/png"
    assert proof.file.name.startswith(f"company-proofs/{proof.company_id}/")


def test_badge_proof_checks_content_not_the_name():
    fake = pdf_upload("cert.pdf", content=b"MZ this is a program, not a PDF")
    with pytest.raises(ValidationError, match="PDF, PNG, JPEG 파일만"):
        services.badge_proof_upload(company=CompanyFactory(), badge="venture", upload=fake)


def test_badge_proof_refuses_a_file_over_the_limit(settings):
    settings.UPLOAD_MAX_BYTES = 10
    with pytest.raises(ValidationError, match="파일이 너무 큽니다"):
        services.badge_proof_upload(company=CompanyFactory(), badge="innobiz", upload=pdf_upload())


def test_badge_proof_refuses_an_unknown_badge():
    with pytest.raises(ValidationError, match="인증 종류를 선택"):
        services.badge_proof_upload(company=CompanyFactory(), badge="gold", upload=pdf_upload())


# --- Colleagues --------------------------------------------------------------------------------


def test_owner_invites_a_colleague_through_the_outbox():
    owner = CompanyMembershipFactory()
    invitation = services.invitation_create(
        company=owner.company,
        invited_by=owner.user,
        email="Colleague@Company.example.kr",
        site_url="https://portal.example.kr/",
    )
    assert invitation.email == "colleague@company.example.kr"
    [message] = sent_to("colleague@company.example.kr")
    link = f"https://portal.example.kr/company/invitations/{invitation.token}/"
    assert f"\n{link}\n" in message.body  # on its own line


def test_only_the_owner_invites_and_not_twice():
    owner = CompanyMembershipFactory()
    colleague = CompanyMembershipFactory(company=owner.company, is_owner=False)
    with pytest.raises(ValidationError, match="대표 담당자만"):
        services.invitation_create(
            company=owner.company, invited_by=colleague.user, email="a@b.kr", site_url="/"
        )
    services.invitation_create(
        company=owner.company, invited_by=owner.user, email="a@b.kr", site_url="/"
    )
    with pytest.raises(ValidationError, match="아직 수락되지 않았습니다"):
        services.invitation_create(
            company=owner.company, invited_by=owner.user, email="A@b.kr", site_url="/"
        )
    with pytest.raises(ValidationError, match="이미 이 기업의 담당자"):
        services.invitation_create(
            company=owner.company,
            invited_by=owner.user,
            email=colleague.user.email,
            site_url="/",
        )


def test_the_invited_company_user_accepts_and_becomes_a_member():
    owner = CompanyMembershipFactory()
    user = CompanyUserFactory(email="new@company.example.kr")
    invitation = services.invitation_create(
        company=owner.company, invited_by=owner.user, email=user.email, site_url="/"
    )
    membership = services.invitation_accept(invitation=invitation, user=user)
    assert membership.company == owner.company and not membership.is_owner
    with pytest.raises(ValidationError, match="이미 수락된 초대"):
        services.invitation_accept(invitation=invitation, user=user)


def test_accepting_needs_the_invited_address_and_a_company_account():
    owner = CompanyMembershipFactory()
    invitation = CompanyInvitation.objects.create(
        company=owner.company, email="right@example.kr", invited_by=owner.user
    )
    with pytest.raises(ValidationError, match="right@example.kr 로 보낸 것"):
        services.invitation_accept(invitation=invitation, user=CompanyUserFactory())
    with pytest.raises(ValidationError, match="기업 회원 계정"):
        services.invitation_accept(
            invitation=invitation, user=ApplicantUserFactory(email="right@example.kr")
        )


# --- The posting state machine -----------------------------------------------------------------


def test_a_new_role_is_a_draft_whose_program_follows_the_intake():
    role = services.role_create(company=CompanyFactory(), details=role_details())
    assert role.status == Role.Status.DRAFT
    assert role.program.code == "seoul-internship"


def test_the_intake_must_belong_to_a_program_of_the_roles_track():
    with pytest.raises(ValidationError, match="직무를 받지 않습니다"):
        services.role_create(
            company=CompanyFactory(),
            details=role_details(track=Role.Track.SOCIAL_IMPACT, intake=kernel.open_intake()),
        )


def test_a_pending_company_prepares_but_cannot_publish():
    company = CompanyFactory(status=Company.Status.PENDING)
    role = services.role_create(company=company, details=role_details())
    with pytest.raises(ValidationError) as excinfo:
        services.role_publish(role=role)
    assert "서울시 담당자의 기업 승인 후에 게시할 수 있습니다" in messages_of(excinfo)
    role.refresh_from_db()
    assert role.status == Role.Status.DRAFT


def test_a_verified_company_publishes_in_an_open_intake():
    role = services.role_create(company=CompanyFactory(), details=role_details())
    role = services.role_publish(role=role)
    assert role.status == Role.Status.PUBLISHED and role.published_at


def test_publishing_outside_the_intake_window_is_refused():
    today = timezone.localdate()
    closed = IntakeWindow.objects.create(
        program=kernel.program(),
        label="지난 회차",
        opens_on=today - timedelta(days=60),
        closes_on=today - timedelta(days=1),
    )
    role = services.role_create(company=CompanyFactory(), details=role_details(intake=closed))
    with pytest.raises(ValidationError) as excinfo:
        services.role_publish(role=role)
    assert "접수 기간이 아닙니다" in messages_of(excinfo)


def test_it_training_roles_need_their_course_to_publish():
    intake = kernel.open_intake("seoul-project-it")
    company = CompanyFactory()
    role = services.role_create(
        company=company,
        details=role_details(track=Role.Track.IT_TRAINING_LINKED, intake=intake),
    )
    with pytest.raises(ValidationError) as excinfo:
        services.role_publish(role=role)
    assert "필수 수료 과정을 지정해야 합니다" in messages_of(excinfo)
    role.required_course = CourseFactory()
    role.save()
    assert services.role_publish(role=role).status == Role.Status.PUBLISHED


@pytest.mark.parametrize(
    ("work_type", "hours", "expected"),
    [
        (Role.WorkType.FULL_TIME, 35, "전일제 직무는 주 40시간"),
        (Role.WorkType.FLEXIBLE, 40, "유연근무 직무는 주 30~35시간"),
        (Role.WorkType.FLEXIBLE, 29, "유연근무 직무는 주 30~35시간"),
    ],
)
def test_weekly_hours_must_fit_the_work_type(work_type, hours, expected):
    with pytest.raises(ValidationError, match=expected):
        services.role_create(
            company=CompanyFactory(), details=role_details(work_type=work_type, weekly_hours=hours)
        )
    if 30 <= hours <= 40:  # outside 30..40 the database refuses the row itself
        role = RoleFactory(status=Role.Status.DRAFT, work_type=work_type, weekly_hours=hours)
        with pytest.raises(ValidationError, match=expected):
            services.role_publish(role=role)


def test_flexible_work_of_thirty_to_thirty_five_hours_publishes():
    role = services.role_create(
        company=CompanyFactory(),
        details=role_details(work_type=Role.WorkType.FLEXIBLE, weekly_hours=32),
    )
    assert services.role_publish(role=role).status == Role.Status.PUBLISHED


def test_only_drafts_publish_and_only_published_roles_close():
    role = RoleFactory()
    with pytest.raises(ValidationError, match="작성 중인 직무만 게시"):
        services.role_publish(role=role)
    with pytest.raises(ValidationError, match="모집 중인 직무만 마감"):
        services.role_close(role=RoleFactory(status=Role.Status.DRAFT))


def test_closing_early_keeps_the_candidates():
    choice = ApplicationChoiceFactory()
    role = services.role_close(role=choice.role)
    assert role.status == Role.Status.CLOSED and role.closed_at
    assert role.choices.count() == 1
    with pytest.raises(ValidationError, match="마감된 직무는 수정할 수 없습니다"):
        services.role_update(role=role, details=role_details())
    with pytest.raises(ValidationError, match="작성 중인 직무만 게시"):
        services.role_publish(role=role)
