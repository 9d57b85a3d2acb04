"""The next step of an internship application follows its state, for every status there is.

``internship_step`` is walked over every combination of the application's status, the
screening outcome, an invitation's status, the interview result and a placement's status: a
new status value without a sentence fails here. The dashboard tests below replay the reported
defect: an open interview offer asked her to wait for one, and accepting it changed nothing.
"""

import itertools
from datetime import date, datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from applicants.next_steps import next_step
from matching.models import (
    CandidateEvaluation,
    InternshipApplication,
    InterviewInvitation,
    Placement,
    ScreeningResult,
)
from matching.next_steps import InternshipState, InterviewState, PlacementState, internship_step
from tests.factories import kernel
from tests.factories.applicants import ready_profile
from tests.factories.matching import (
    CandidateEvaluationFactory,
    InternshipApplicationFactory,
    InterviewInvitationFactory,
    PlacementFactory,
    ScreeningResultFactory,
)

NOW = datetime(2024, 7, 3, 10, 0, tzinfo=timezone.get_default_timezone())
WAITING = "기업의 면접 제안을 기다립니다"

OTHERS = list(
    itertools.product(
        [None, *ScreeningResult.Outcome.values],
        [None, *InterviewInvitation.Status.values],
        [None, *CandidateEvaluation.Result.values],
        [None, *Placement.Status.values],
    )
)


def state(status, screening=None, invitation=None, result=None, placement=None, at=None):
    interviews = ()
    if invitation is not None:
        interviews = (
            InterviewState(invitation, "테스트기업", "데이터 분석", at=at, place="본사 3층",
                           result=result),
        )  # fmt: skip
    placements = ()
    if placement is not None:
        placements = (PlacementState(placement, "테스트기업", "데이터 분석", date(2024, 7, 1)),)
    return InternshipState(7, status, screening, interviews, placements)


@pytest.mark.parametrize("status", InternshipApplication.Status.values)
def test_every_state_has_one_next_step(status):
    """Each application status against every screening, invitation, result and placement."""
    for screening, invitation, result, placement in OTHERS:
        _check(status, screening, invitation, result, placement)


def _check(status, screening, invitation, result, placement):
    step = internship_step(state(status, screening, invitation, result, placement), now=NOW)
    assert step.text.strip()
    assert bool(step.url) == bool(step.action)
    live_placement = placement is not None and placement != Placement.Status.CANCELLED
    in_pool = status not in ("draft", "withdrawn") and not live_placement
    if in_pool and status != "matched" and screening == "pass" and invitation == "invited":
        # the reported defect: an offer on screen must be answered, not waited for
        assert step.urgent and WAITING not in step.text and "#invitations-7" in step.url
    if in_pool and screening == "pass" and invitation == "accepted" and status != "matched":
        assert WAITING not in step.text and not step.urgent
    if status in ("draft", "withdrawn"):
        assert not step.applied
    else:
        assert step.applied


@pytest.mark.parametrize("status", Placement.Status.values)
def test_every_placement_status_reads_as_itself(status):
    step = internship_step(state("matched", "pass", "accepted", "pass", status), now=NOW)
    expected = {
        "awaiting_contract": "근로계약 시작일을 정하면",
        "contracted": "인턴으로 근무 중입니다 (계약 시작일 2024-07-01부터 3개월)",
        "completed": "인턴십을 마쳤습니다",
        "cancelled": "매칭이 취소되었습니다",
    }
    assert expected[status] in step.text


def test_an_accepted_interview_moves_from_unscheduled_to_scheduled_to_done():
    unscheduled = internship_step(state("screened", "pass", "accepted"), now=NOW)
    assert "면접 제안을 수락했습니다. 기업이 면접 일정을 정하면" in unscheduled.text
    soon = NOW + timedelta(days=2)
    scheduled = internship_step(state("screened", "pass", "accepted", "pending", at=soon), now=NOW)
    assert "면접: 2024-07-05 10:00, 본사 3층" in scheduled.text
    earlier = NOW - timedelta(hours=1)
    past = internship_step(state("screened", "pass", "accepted", "pending", at=earlier), now=NOW)
    assert "면접을 마쳤습니다" in past.text
    recorded = internship_step(state("screened", "pass", "accepted", "fail", at=soon), now=NOW)
    assert "면접을 마쳤습니다" in recorded.text


def test_an_unknown_status_is_refused_loudly():
    with pytest.raises(ValueError):
        internship_step(state("archived"), now=NOW)


# --- On her dashboard ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_an_offer_asks_for_an_answer_and_accepting_it_changes_the_next_step(client):
    kernel.open_intake()
    profile = ready_profile()
    client.force_login(profile.user)
    application = InternshipApplicationFactory(
        applicant=profile, status=InternshipApplication.Status.SCREENED
    )
    ScreeningResultFactory(application=application)
    invitation = InterviewInvitationFactory(application=application)

    page = client.get(reverse("applicants:dashboard")).content.decode()
    assert "면접 제안 1건이 왔습니다. 아래에서 수락하거나 거절해 주세요." in page
    assert f'id="invitations-{application.pk}"' in page
    assert WAITING not in page

    client.post(reverse("matching:invitation-respond", args=[invitation.pk]), {"answer": "accept"})
    page = client.get(reverse("applicants:dashboard")).content.decode()
    assert "면접 제안을 수락했습니다. 기업이 면접 일정을 정하면" in page
    assert WAITING not in page and "1건이 왔습니다" not in page

    when = timezone.now() + timedelta(days=3)
    CandidateEvaluationFactory(
        role=invitation.role, application=application, interview_at=when, interview_place="본사"
    )
    page = client.get(reverse("applicants:dashboard")).content.decode()
    assert f"면접: {timezone.localtime(when):%Y-%m-%d %H:%M}, 본사" in page


@pytest.mark.django_db
def test_the_registered_builder_reads_the_prefetched_application(django_assert_num_queries):
    from matching.selectors import applications_for_applicant

    application = InternshipApplicationFactory()
    PlacementFactory(application=application, status="contracted", contract_start=date(2024, 7, 1))
    fetched = list(applications_for_applicant(application.applicant))
    with django_assert_num_queries(0):
        step = next_step(fetched[0])
    assert "인턴으로 근무 중입니다" in step.text


def test_a_model_without_a_builder_is_refused():
    from applicants.models import Document

    with pytest.raises(LookupError):
        next_step(Document())


# --- Reordering a submitted application ---------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("ran", [False, True], ids=["before-the-batch", "after-the-batch"])
def test_reordering_a_submitted_application_says_which_batch_counts(client, ran):
    from matching.batch import week_key
    from matching.models import MatchingRun
    from tests.factories.matching import ApplicationChoiceFactory

    kernel.open_intake()
    profile = ready_profile()
    client.force_login(profile.user)
    application = InternshipApplicationFactory(applicant=profile)
    first = ApplicationChoiceFactory(application=application, rank=1)
    ApplicationChoiceFactory(application=application, rank=2)
    week = week_key(timezone.localdate())
    if ran:
        MatchingRun.objects.create(week=week, status="finished", triggered_by="test")
    response = client.post(
        reverse("matching:choice-move", args=[application.pk]),
        {"role": first.role_id, "direction": "down"},
        follow=True,
    )
    page = response.content.decode()
    assert "제출한 신청서의 지망 순위를 바꾸었습니다." in page
    if ran:
        assert f"이번 주 서류심사·매칭({week})은 이미 실행되어" in page
        assert f"이번 주 서류심사·매칭({week})은 이미 실행되었습니다." in page
    else:
        assert f"이번 주 서류심사·매칭({week})은 아직 실행되지 않아" in page
        assert f"이번 주 서류심사·매칭({week})은 아직 실행되지 않았습니다." in page
    assert [c.role_id for c in application.choices.order_by("rank")][1] == first.role_id
