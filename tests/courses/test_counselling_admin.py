"""Counselling in admin and in the follow-up: read-only views scoped to the centre, with the
access log; an "employed" outcome recorded by a counsellor fills her due follow-ups."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from courses import services
from courses.models import CounsellingNote, Enrollment, FollowUp
from tests.factories.accounts import UserFactory, give_totp
from tests.factories.applicants import ApplicantProfileFactory
from tests.factories.courses import (
    CounsellingClientFactory,
    CounsellingSessionFactory,
    CourseFactory,
    FollowUpFactory,
    JobCentreFactory,
    counsellor,
    enrolled,
    institution_staff,
)
from womenup.accounts.permissions import PROGRAMME_STAFF_GROUP
from womenup.models import PersonalDataAccess, User

pytestmark = pytest.mark.django_db

ADMIN_PAGES = [
    "admin:courses_counsellingclient_changelist",
    "admin:courses_counsellingsession_changelist",
    "admin:courses_counsellingoutcome_changelist",
]


def programme_staff() -> User:
    user = UserFactory(account_type=User.AccountType.CITY_STAFF, is_staff=True)
    user.groups.add(Group.objects.get(name=PROGRAMME_STAFF_GROUP))
    give_totp(user)
    return user


@pytest.fixture
def two_centres():
    """Two job centres, each with a client (with an outcome and a sign-up) and a staff member."""
    worlds = []
    for name in ("가나다센터", "라마바센터"):
        centre = JobCentreFactory(name=name)
        me = counsellor(centre)
        client = CounsellingClientFactory(
            centre=centre, profile=ApplicantProfileFactory(name=f"{name} 참여자")
        )
        session = CounsellingSessionFactory(centre=centre, title=f"{name} 집단상담")
        services.counselling_sign_up(session=session, client=client, actor=me)
        outcome = services.counselling_outcome_record(
            client=client,
            counsellor=me,
            kind="course",
            happened_on=timezone.localdate(),
            detail=f"{name} 연계 과정",
        )
        services.counselling_note_add(client=client, author=me, body=f"{name} 비밀 상담 기록")
        worlds.append((centre, client, session, outcome, institution_staff(centre)))
    return worlds


def text(response) -> str:
    return response.content.decode()


@pytest.mark.parametrize("url_name", ADMIN_PAGES)
def test_programme_staff_read_every_centres_counselling(client, two_centres, url_name):
    client.force_login(programme_staff())
    page = text(client.get(reverse(url_name)))
    assert "가나다센터" in page and "라마바센터" in page
    assert "비밀 상담 기록" not in page


@pytest.mark.parametrize("url_name", ADMIN_PAGES)
def test_institution_staff_read_only_their_own_centre(client, two_centres, url_name):
    (*_, staff), _ = two_centres
    client.force_login(staff)
    page = text(client.get(reverse(url_name)))
    assert "가나다센터" in page and "라마바센터" not in page


def test_another_centres_rows_cannot_be_opened(client, two_centres):
    (*_, staff), (_, theirs, session, outcome, _) = two_centres
    client.force_login(staff)
    for name, pk in [
        ("counsellingclient", theirs.pk),
        ("counsellingsession", session.pk),
        ("counsellingoutcome", outcome.pk),
    ]:
        response = client.get(reverse(f"admin:courses_{name}_change", args=[pk]))
        assert response.status_code == 302
    assert not PersonalDataAccess.objects.filter(subject=theirs.profile.user).exists()


def test_the_views_are_read_only_logged_and_show_no_notes(client, two_centres):
    (_, mine, session, outcome, staff), _ = two_centres
    client.force_login(programme_staff())
    page = client.get(reverse("admin:courses_counsellingclient_change", args=[mine.pk]))
    assert page.status_code == 200
    assert "비밀 상담 기록" not in text(page)
    assert 'name="_save"' not in text(page)
    assert PersonalDataAccess.objects.filter(subject=mine.profile.user).count() == 1
    page = text(client.get(reverse("admin:courses_counsellingsession_change", args=[session.pk])))
    assert "가나다센터 참여자" in page  # the sign-ups
    client.get(reverse("admin:courses_counsellingoutcome_change", args=[outcome.pk]))
    assert PersonalDataAccess.objects.filter(subject=mine.profile.user).count() == 2
    changes = {"detail": "바뀐 내용"}
    url = reverse("admin:courses_counsellingoutcome_change", args=[outcome.pk])
    assert client.post(url, changes).status_code == 403
    assert client.get(reverse("admin:courses_counsellingclient_add")).status_code == 403
    assert CounsellingNote.objects.count() == 2


def test_notes_have_no_admin_page():
    from django.urls import NoReverseMatch

    with pytest.raises(NoReverseMatch):
        reverse("admin:courses_counsellingnote_changelist")


@pytest.mark.parametrize("url_name", ADMIN_PAGES)
@pytest.mark.parametrize("size", [1, 12])
def test_the_counselling_lists_run_a_fixed_number_of_queries(
    client, django_assert_num_queries, url_name, size
):
    centre = JobCentreFactory()
    me = counsellor(centre)
    for _ in range(size):
        target = CounsellingClientFactory(centre=centre)
        session = CounsellingSessionFactory(centre=centre, capacity=1)
        services.counselling_sign_up(session=session, client=target, actor=me)
        services.counselling_outcome_record(
            client=target, counsellor=me, kind="employed", happened_on=timezone.localdate()
        )
    client.force_login(institution_staff(centre))
    with django_assert_num_queries(COUNSELLING_LIST_QUERIES[url_name]):
        assert client.get(reverse(url_name)).status_code == 200


COUNSELLING_LIST_QUERIES = {
    "admin:courses_counsellingclient_changelist": 12,
    "admin:courses_counsellingsession_changelist": 14,
    "admin:courses_counsellingoutcome_changelist": 14,
}


# --- An "employed" outcome feeds the follow-up ------------------------------------------------


@pytest.fixture
def graduate():
    """A woman who completed a course 100 days ago, with her four follow-ups scheduled, and
    the centre counselling her."""
    today = timezone.localdate()
    profile = ApplicantProfileFactory(name="수료생")
    enrollment = enrolled(CourseFactory(), applicant=profile)
    Enrollment.objects.filter(pk=enrollment.pk).update(
        status=Enrollment.Status.COMPLETED, completed_on=today - timedelta(days=100)
    )
    for months, days_ago in [(1, 70), (3, 10)]:
        FollowUpFactory(
            enrollment=enrollment, months_after=months, due_on=today - timedelta(days=days_ago)
        )
    FollowUpFactory(enrollment=enrollment, months_after=6, due_on=today + timedelta(days=80))
    centre = JobCentreFactory()
    return CounsellingClientFactory(centre=centre, profile=profile), counsellor(centre)


def test_an_employed_outcome_records_her_due_follow_ups_since_she_found_work(graduate):
    target, me = graduate
    today = timezone.localdate()
    outcome = services.counselling_outcome_record(
        client=target,
        counsellor=me,
        kind="employed",
        happened_on=today - timedelta(days=30),
        detail="(주)우먼업",
    )
    by_month = {f.months_after: f for f in FollowUp.objects.all()}
    three = by_month[3]
    assert (three.outcome, three.employer, three.recorded_on) == ("employed", "(주)우먼업", today)
    assert (three.recorded_by, three.counselling_outcome) == (me, outcome)
    # at one month she had no work yet; six months is still to come
    assert by_month[1].outcome == "" and by_month[6].outcome == ""


def test_follow_ups_staff_recorded_and_other_outcomes_stay_as_they_are(graduate):
    target, me = graduate
    three = FollowUp.objects.get(months_after=3)
    services.follow_up_record(
        follow_up=three,
        outcome="job_seeking",
        actor=institution_staff(three.enrollment.course.institution),
    )
    day = timezone.localdate() - timedelta(days=80)
    services.counselling_outcome_record(
        client=target, counsellor=me, kind="internship", happened_on=day
    )
    assert not FollowUp.objects.exclude(outcome="").exclude(pk=three.pk).exists()
    services.counselling_outcome_record(
        client=target, counsellor=me, kind="employed", happened_on=day
    )
    assert FollowUp.objects.get(pk=three.pk).outcome == "job_seeking"
    assert FollowUp.objects.get(months_after=1).counselling_outcome is not None


def test_the_follow_up_list_shows_the_counselling_outcome(client, graduate):
    target, me = graduate
    day = timezone.localdate() - timedelta(days=30)
    services.counselling_outcome_record(
        client=target, counsellor=me, kind="employed", happened_on=day
    )
    client.force_login(programme_staff())
    page = text(client.get(reverse("admin:courses_followup_changelist")))
    assert f"취업 {day.isoformat()} (상담사 김상담)" in page
