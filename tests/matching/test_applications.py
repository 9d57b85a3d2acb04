"""The internship application: ranked choices, gates, submit, edit and withdraw, invitations."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from companies.models import Role
from courses.models import Course
from matching import selectors, services
from matching.models import ApplicationChoice, InternshipApplication, InterviewInvitation
from tests.factories import kernel
from tests.factories.applicants import ApplicantProfileFactory, complete_course, ready_profile
from tests.factories.companies import RoleFactory
from tests.factories.courses import CourseFactory
from tests.factories.matching import (
    InternshipApplicationFactory,
    InterviewInvitationFactory,
    ScreeningResultFactory,
)
from tests.mail import sent_to
from womenup.models import IntakeWindow

pytestmark = pytest.mark.django_db


@pytest.fixture
def intake():
    return kernel.open_intake()


@pytest.fixture
def roles(intake):
    return RoleFactory.create_batch(6)


def draft(profile, intake, roles=()):
    application = services.application_create(applicant=profile, intake=intake)
    if roles:
        services.choices_set(application=application, roles=roles)
    return application


def ranked(application):
    return list(application.choices.order_by("rank").values_list("role_id", flat=True))


def test_choices_are_ranked_in_the_given_order(intake, roles):
    application = draft(ready_profile(), intake, [roles[2], roles[0], roles[1]])
    assert ranked(application) == [roles[2].pk, roles[0].pk, roles[1].pk]


def test_at_most_five_choices_by_default(intake, roles):
    application = draft(ready_profile(), intake)
    with pytest.raises(ValidationError) as error:
        services.choices_set(application=application, roles=roles)
    assert error.value.messages == ["지망 직무는 최대 5개까지 고를 수 있습니다."]


def test_the_limit_is_configurable(settings, intake, roles):
    settings.INTERNSHIP_MAX_CHOICES = 2
    application = draft(ready_profile(), intake)
    with pytest.raises(ValidationError, match="최대 2개"):
        services.choices_set(application=application, roles=roles[:3])


def test_the_same_role_twice_is_refused(intake, roles):
    application = draft(ready_profile(), intake)
    with pytest.raises(ValidationError, match="같은 직무를 두 번"):
        services.choices_set(application=application, roles=[roles[0], roles[0]])


def test_closed_roles_cannot_be_chosen(intake):
    closed = RoleFactory(status=Role.Status.CLOSED)
    application = draft(ready_profile(), intake)
    with pytest.raises(ValidationError, match="지금 모집 중이 아닙니다"):
        services.choices_set(application=application, roles=[closed])


def test_roles_of_another_program_are_refused(intake):
    other = RoleFactory(intake=kernel.open_intake("seoul-project-social"))
    application = draft(ready_profile(), intake)
    with pytest.raises(ValidationError, match="모집 회차별로 따로 신청"):
        services.choices_set(application=application, roles=[other])


def test_roles_of_another_intake_of_the_same_program_are_refused(intake):
    """An application is per intake: a role of a second open intake of the program goes to
    the application of that intake, never into this one."""
    today = timezone.localdate()
    second = IntakeWindow.objects.create(
        program=intake.program, label="2차", opens_on=today, closes_on=today + timedelta(days=9)
    )
    other = RoleFactory(intake=second)
    application = draft(ready_profile(), intake)
    with pytest.raises(ValidationError, match="모집 회차별로 따로 신청"):
        services.choices_set(application=application, roles=[other])
    assert services.choice_add(applicant=application.applicant, role=other).intake == second


def test_one_application_per_intake(intake, roles):
    profile = ready_profile()
    first = services.choice_add(applicant=profile, role=roles[0])
    second = services.choice_add(applicant=profile, role=roles[1])
    assert first.pk == second.pk
    assert ranked(second) == [roles[0].pk, roles[1].pk]
    assert InternshipApplication.objects.filter(applicant=profile).count() == 1


def test_adding_a_role_twice_is_refused(intake, roles):
    profile = ready_profile()
    services.choice_add(applicant=profile, role=roles[0])
    with pytest.raises(ValidationError, match="이미 지망 목록에 있습니다"):
        services.choice_add(applicant=profile, role=roles[0])


def test_moving_and_removing_choices(intake, roles):
    application = draft(ready_profile(), intake, roles[:3])
    services.choice_move(application=application, role=roles[2], offset=-1)
    assert ranked(application) == [roles[0].pk, roles[2].pk, roles[1].pk]
    services.choice_remove(application=application, role=roles[0])
    assert ranked(application) == [roles[2].pk, roles[1].pk]
    assert list(application.choices.order_by("rank").values_list("rank", flat=True)) == [1, 2]


def test_submitting_needs_a_choice(intake):
    application = draft(ready_profile(), intake)
    with pytest.raises(ValidationError, match="하나 이상 골라"):
        services.application_submit(application=application)


def test_submitting_needs_the_required_consents(intake, roles):
    application = draft(
        ApplicantProfileFactory(desired_work_type="flexible", never_employed=True),
        intake,
        roles[:1],
    )
    with pytest.raises(ValidationError) as error:
        services.application_submit(application=application)
    assert error.value.messages[0].startswith("제출하려면 다음 동의가 필요합니다")
    assert "지원한 기업에 개인정보 제공" in error.value.messages[0]


def test_submitting_needs_a_complete_profile(intake, roles):
    profile = ready_profile()
    profile.phone = ""
    profile.save()
    application = draft(profile, intake, roles[:1])
    with pytest.raises(ValidationError, match="프로필에서 다음 항목을 채워 주세요: 휴대전화"):
        services.application_submit(application=application)


def test_submit_then_edit_until_screening(intake, roles):
    application = draft(ready_profile(), intake, roles[:3])
    submitted = services.application_submit(application=application)
    assert submitted.status == InternshipApplication.Status.SUBMITTED
    assert submitted.submitted_at is not None
    [message] = sent_to(application.applicant.user.email)
    assert message.subject == "[서울우먼업] 인턴십 신청이 접수되었습니다"
    assert f"\n1. {roles[0].title}\n2. {roles[1].title}\n3. {roles[2].title}\n" in message.body
    services.choices_set(application=submitted, roles=[roles[3], roles[0]])
    assert ranked(submitted) == [roles[3].pk, roles[0].pk]
    with pytest.raises(ValidationError, match="이미 제출한 신청"):
        services.application_submit(application=submitted)
    with pytest.raises(ValidationError, match="모두 빼려면 신청을 취소"):
        services.choices_set(application=submitted, roles=[])


def test_declining_optional_items_never_blocks_submission(intake, roles):
    from applicants.services import consent_withdraw

    profile = ready_profile()
    for item in ("contact", "marketing"):
        consent_withdraw(profile=profile, item=item)
    application = draft(profile, intake, roles[:1])
    assert services.application_submit(application=application).submitted_at is not None


def test_once_screened_nothing_changes(intake, roles):
    application = draft(ready_profile(), intake, roles[:2])
    services.application_submit(application=application)
    ScreeningResultFactory(application=application)
    message = "주간 서류심사가 시작되어 더 이상 수정하거나 취소할 수 없습니다"
    with pytest.raises(ValidationError, match=message):
        services.choices_set(application=application, roles=[roles[1]])
    with pytest.raises(ValidationError, match=message):
        services.application_withdraw(application=application)
    assert ranked(application) == [roles[0].pk, roles[1].pk]


def test_withdraw_and_come_back(intake, roles):
    profile = ready_profile()
    application = draft(profile, intake, roles[:2])
    services.application_submit(application=application)
    withdrawn = services.application_withdraw(application=application)
    assert withdrawn.status == InternshipApplication.Status.WITHDRAWN
    assert withdrawn.withdrawn_at is not None
    with pytest.raises(ValidationError, match="취소한 신청입니다"):
        services.choices_set(application=withdrawn, roles=roles[:1])
    reopened = services.choice_add(applicant=profile, role=roles[2])
    assert reopened.pk == application.pk
    assert reopened.status == InternshipApplication.Status.DRAFT


def test_an_application_outside_the_intake_is_refused():
    from datetime import date

    from womenup.models import IntakeWindow

    past = IntakeWindow.objects.create(
        program=kernel.program(), label="지난 회차", opens_on=date(2020, 1, 1),
        closes_on=date(2020, 2, 1),
    )  # fmt: skip
    with pytest.raises(ValidationError, match="접수 기간이 아닙니다"):
        services.application_create(applicant=ready_profile(), intake=past)


# --- Gates: IT-training-linked and social-impact roles -----------------------------------------


def test_it_training_roles_need_the_linked_course(intake):
    course = CourseFactory(title="백엔드 개발 직무교육")
    role = RoleFactory(track=Role.Track.IT_TRAINING_LINKED, required_course=course)
    profile = ready_profile()
    gate = selectors.role_gate(role, selectors_facts(profile))
    assert not gate.allowed
    assert [reason.as_json() for reason in gate.reasons] == [
        {
            "code": "course_completion.fail",
            "params": {"courses": [course.code], "label": "백엔드 개발 직무교육"},
        }
    ]
    with pytest.raises(ValidationError) as error:
        services.choice_add(applicant=profile, role=role)
    assert error.value.messages == [
        f"'{role.title}' 직무에 지원할 수 없습니다: 백엔드 개발 직무교육을 수료한 분만 지원할 수 "
        "있습니다."
    ]
    complete_course(profile, course)
    assert selectors.role_gate(role, selectors_facts(profile)).allowed
    services.choice_add(applicant=profile, role=role)


def test_social_impact_roles_need_the_pre_training():
    intake = kernel.open_intake("seoul-project-social")
    role = RoleFactory(track=Role.Track.SOCIAL_IMPACT, intake=intake, work_type="flexible")
    profile = ready_profile()
    with pytest.raises(ValidationError, match="소셜임팩트 사전교육\\(1주\\)을 먼저 이수해야"):
        services.choice_add(applicant=profile, role=role)
    pre_training = CourseFactory(
        code="social-impact-pretraining", track=Course.Track.PRE_TRAINING, title="사전교육"
    )
    complete_course(profile, pre_training)
    application = services.choice_add(applicant=profile, role=role)
    assert application.intake == intake


def test_recruit_linked_roles_have_no_gate(intake, roles):
    assert selectors.role_gate(roles[0], None).allowed


def test_a_gate_is_checked_again_on_submit(intake):
    course = CourseFactory()
    role = RoleFactory(track=Role.Track.IT_TRAINING_LINKED, required_course=course)
    profile = ready_profile()
    application = draft(profile, intake)
    ApplicationChoice.objects.create(application=application, role=role, rank=1)
    with pytest.raises(ValidationError, match="수료한 분만"):
        services.application_submit(application=application)


def selectors_facts(profile):
    from applicants.selectors import applicant_facts

    return applicant_facts(profile)


# --- Invitations ---------------------------------------------------------------------------------


def test_accepting_and_declining_an_invitation(intake):
    accepted = services.invitation_respond(invitation=InterviewInvitationFactory(), accept=True)
    assert accepted.status == InterviewInvitation.Status.ACCEPTED
    assert accepted.responded_at is not None
    declined = services.invitation_respond(invitation=InterviewInvitationFactory(), accept=False)
    assert declined.status == InterviewInvitation.Status.DECLINED


def test_an_invitation_is_answered_once(intake):
    invitation = InterviewInvitationFactory()
    services.invitation_respond(invitation=invitation, accept=True)
    with pytest.raises(ValidationError, match="이미 응답한 면접 제안입니다 \\(수락\\)"):
        services.invitation_respond(invitation=invitation, accept=False)


def test_a_withdrawn_application_cannot_answer(intake):
    application = InternshipApplicationFactory(status=InternshipApplication.Status.WITHDRAWN)
    invitation = InterviewInvitationFactory(application=application)
    with pytest.raises(ValidationError, match="취소한 신청의 면접 제안"):
        services.invitation_respond(invitation=invitation, accept=True)
