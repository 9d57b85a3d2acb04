"""Interviews, rankings, contracts, hires and the employment incentive claim."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import timezone

from matching import selectors, services
from matching.models import CandidateEvaluation, IncentiveClaim, Placement
from tests.factories.accounts import CompanyUserFactory, StaffUserFactory
from tests.factories.applicants import ready_profile
from tests.factories.companies import RoleFactory
from tests.factories.matching import (
    ApplicationChoiceFactory,
    CandidateEvaluationFactory,
    IncentiveClaimFactory,
    InternshipApplicationFactory,
    InterviewInvitationFactory,
    PlacementFactory,
)
from tests.mail import sent_to
from womenup.models import Program
from womenup.money import INCENTIVE_KRW

pytestmark = pytest.mark.django_db


def chosen(role, **application_kwargs):
    """A consenting applicant's submitted application that chose the role."""
    application = InternshipApplicationFactory(applicant=ready_profile(), **application_kwargs)
    ApplicationChoiceFactory(application=application, role=role)
    return application


def passed(role, count):
    applications = [chosen(role) for _ in range(count)]
    for application in applications:
        services.evaluation_record_result(
            role=role, application_id=application.pk, result="pass", note=""
        )
    return applications


# --- Interviews --------------------------------------------------------------------------------


def test_scheduling_an_interview_tells_the_candidate():
    role = RoleFactory()
    application = chosen(role)
    when = timezone.now() + timedelta(days=3)
    evaluation = services.evaluation_schedule(
        role=role, application_id=application.pk, interview_at=when, interview_place="본사 3층"
    )
    assert evaluation.result == CandidateEvaluation.Result.PENDING
    [message] = sent_to(application.applicant.user.email)
    assert message.subject == f"[서울우먼업] 면접 일정 안내: {role.company.name}"
    assert f"일시: {timezone.localtime(when):%Y-%m-%d %H:%M}\n장소: 본사 3층\n" in message.body


def test_an_invited_applicant_can_be_interviewed_too():
    role = RoleFactory()
    invitation = InterviewInvitationFactory(role=role, application__applicant=ready_profile())
    evaluation = services.evaluation_schedule(
        role=role,
        application_id=invitation.application_id,
        interview_at=timezone.now(),
        video_link="https://meet.example.kr/abc",
    )
    assert evaluation.video_link == "https://meet.example.kr/abc"


def test_an_interview_needs_a_place_or_a_link():
    role = RoleFactory()
    with pytest.raises(ValidationError, match="면접 장소 또는 화상면접 링크"):
        services.evaluation_schedule(
            role=role, application_id=chosen(role).pk, interview_at=timezone.now()
        )


@pytest.mark.parametrize("case", ["other_role", "withdrawn", "draft", "no_consent"])
def test_only_the_roles_consenting_candidates_can_be_evaluated(case):
    role = RoleFactory()
    if case == "other_role":
        application = chosen(RoleFactory())
    elif case == "no_consent":
        application = InternshipApplicationFactory()  # profile without any consent
        ApplicationChoiceFactory(application=application, role=role)
    else:
        application = chosen(role, status=case)
    with pytest.raises(ValidationError, match="이 직무의 지원자나 면접 제안 대상이 아닙니다"):
        services.evaluation_record_result(role=role, application_id=application.pk, result="pass")


def test_result_is_pass_or_fail_and_failing_removes_the_rank():
    role = RoleFactory()
    [application] = passed(role, 1)
    services.ranking_set(role=role, application_ids=[application.pk])
    with pytest.raises(ValidationError, match="합격 또는 불합격"):
        services.evaluation_record_result(
            role=role, application_id=application.pk, result="pending"
        )
    evaluation = services.evaluation_record_result(
        role=role, application_id=application.pk, result="fail", note="경력 부족"
    )
    assert (evaluation.result, evaluation.rank, evaluation.note) == ("fail", None, "경력 부족")


# --- Rankings ----------------------------------------------------------------------------------


def test_ranking_orders_the_passed_candidates_and_replaces_the_old_one():
    role = RoleFactory()
    first, second, third = passed(role, 3)
    services.ranking_set(role=role, application_ids=[second.pk, first.pk, third.pk])
    assert selectors.rankings_for_roles([role.pk]) == {role.pk: [second.pk, first.pk, third.pk]}
    services.ranking_set(role=role, application_ids=[third.pk, second.pk])
    assert selectors.rankings_for_roles([role.pk]) == {role.pk: [third.pk, second.pk]}


def test_ranking_refuses_duplicates_and_candidates_who_did_not_pass():
    role = RoleFactory()
    [winner] = passed(role, 1)
    pending = chosen(role)
    with pytest.raises(ValidationError, match="두 번"):
        services.ranking_set(role=role, application_ids=[winner.pk, winner.pk])
    with pytest.raises(ValidationError, match="합격한 지원자만"):
        services.ranking_set(role=role, application_ids=[winner.pk, pending.pk])
    assert selectors.rankings_for_roles([role.pk]) == {role.pk: []}


def test_the_database_refuses_a_rank_without_a_pass_or_a_shared_rank():
    role = RoleFactory()
    with pytest.raises(IntegrityError):
        CandidateEvaluationFactory(role=role, result="fail", rank=1)


def test_the_database_refuses_two_candidates_on_one_rank():
    role = RoleFactory()
    CandidateEvaluationFactory(role=role, result="pass", rank=1)
    with pytest.raises(IntegrityError):
        CandidateEvaluationFactory(role=role, result="pass", rank=1)


@pytest.mark.parametrize("roles_count", [1, 8])
def test_rankings_for_roles_is_one_query(django_assert_num_queries, roles_count):
    roles = [RoleFactory() for _ in range(roles_count)]
    for role in roles:
        applications = passed(role, 2)
        services.ranking_set(role=role, application_ids=[a.pk for a in applications])
    with django_assert_num_queries(1):
        rankings = selectors.rankings_for_roles([role.pk for role in roles])
    assert all(len(ids) == 2 for ids in rankings.values())


# --- Contract, hire, incentive -----------------------------------------------------------------


def test_confirming_the_contract_start_starts_the_internship():
    placement = PlacementFactory()
    start = timezone.localdate() + timedelta(days=7)
    placement = services.placement_contract_confirm(placement=placement, contract_start=start)
    assert placement.status == Placement.Status.CONTRACTED
    assert placement.contract_start == start


def test_a_cancelled_placement_cannot_be_contracted():
    placement = PlacementFactory(status=Placement.Status.CANCELLED)
    with pytest.raises(ValidationError, match="계약 대기 중인 인턴만"):
        services.placement_contract_confirm(placement=placement, contract_start=date(2024, 7, 1))


def test_internship_end_is_three_months_later():
    assert services.internship_end(date(2024, 7, 1)) == date(2024, 10, 1)
    assert services.internship_end(date(2024, 11, 30)) == date(2025, 2, 28)


def contracted(start=date(2024, 7, 1)):
    return PlacementFactory(status=Placement.Status.CONTRACTED, contract_start=start)


def test_a_hire_after_the_internship_creates_an_incentive_claim():
    from tests.factories.applicants import pdf_upload

    placement = contracted()
    claim = services.hire_confirm(
        placement=placement,
        user=CompanyUserFactory(),
        hired_on=date(2024, 10, 1),
        proof=pdf_upload("contract.pdf"),
    )
    assert claim.amount_krw == INCENTIVE_KRW == 3_000_000
    assert claim.status == IncentiveClaim.Status.SUBMITTED
    assert claim.company == placement.role.company
    assert claim.hire.content_type == "application/pdf"


def test_the_incentive_is_the_amount_of_the_companys_city_programme():
    from tests.factories.applicants import pdf_upload

    incentive = Program.objects.get(code="seoul-incentive")
    incentive.figures = {**incentive.figures, "amount_krw": 2_500_000}
    incentive.save(update_fields=["figures"])
    placement = contracted()
    claim = services.hire_confirm(
        placement=placement,
        user=CompanyUserFactory(),
        hired_on=date(2024, 10, 1),
        proof=pdf_upload("contract.pdf"),
    )
    assert claim.amount_krw == 2_500_000


def test_a_hire_is_refused_before_the_internship_ends_or_twice():
    from tests.factories.applicants import pdf_upload

    placement = contracted()
    with pytest.raises(ValidationError, match="인턴 종료일\\(2024-10-01\\) 이후"):
        services.hire_confirm(
            placement=placement,
            user=CompanyUserFactory(),
            hired_on=date(2024, 9, 30),
            proof=pdf_upload(),
        )
    services.hire_confirm(
        placement=placement, user=CompanyUserFactory(), hired_on=date(2024, 10, 2),
        proof=pdf_upload(),
    )  # fmt: skip
    with pytest.raises(ValidationError, match="이미 확인되었습니다"):
        services.hire_confirm(
            placement=placement,
            user=CompanyUserFactory(),
            hired_on=date(2024, 10, 2),
            proof=pdf_upload(),
        )


def test_a_hire_needs_a_contracted_intern_and_a_real_proof():
    from tests.factories.applicants import pdf_upload

    with pytest.raises(ValidationError, match="근로계약을 확정한 인턴만"):
        services.hire_confirm(
            placement=PlacementFactory(),
            user=CompanyUserFactory(),
            hired_on=date(2025, 1, 1),
            proof=pdf_upload(),
        )
    with pytest.raises(ValidationError, match="PDF, PNG, JPEG 파일만"):
        services.hire_confirm(
            placement=contracted(),
            user=CompanyUserFactory(),
            hired_on=date(2025, 1, 1),
            proof=pdf_upload("proof.pdf", content=b"plain text"),
        )


def test_approving_a_claim_makes_it_final():
    claim = IncentiveClaimFactory()
    staff = StaffUserFactory()
    claim = services.incentive_claim_approve(claim=claim, staff=staff)
    assert (claim.status, claim.decided_by) == (IncentiveClaim.Status.APPROVED, staff)
    with pytest.raises(ValidationError, match="처리된 신청은 바꿀 수 없습니다"):
        services.incentive_claim_reject(claim=claim, staff=staff, reason="재검토")
    with pytest.raises(ValidationError, match="처리된 신청은 바꿀 수 없습니다"):
        services.incentive_claim_approve(claim=claim, staff=staff)


def test_rejecting_a_claim_needs_a_reason():
    claim = IncentiveClaimFactory()
    with pytest.raises(ValidationError, match="반려 사유"):
        services.incentive_claim_reject(claim=claim, staff=StaffUserFactory(), reason="")
    claim = services.incentive_claim_reject(
        claim=claim, staff=StaffUserFactory(), reason="4대보험 가입 증빙 필요"
    )
    assert claim.status == IncentiveClaim.Status.REJECTED


def test_the_database_refuses_a_decision_without_who_and_when():
    with pytest.raises(IntegrityError):
        IncentiveClaimFactory(status=IncentiveClaim.Status.APPROVED)
