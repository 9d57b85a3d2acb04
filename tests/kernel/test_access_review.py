"""The auditor's access-log review: filters (who, whose, action, period) and the monthly page
of unusual volumes; programme staff cannot read either without the auditor permission."""

from datetime import datetime, timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone

from tests.factories.accounts import ApplicantUserFactory, UserFactory, give_totp
from tests.factories.applicants import ApplicantProfileFactory
from womenup.accounts.permissions import AUDITOR_GROUP, PROGRAMME_STAFF_GROUP
from womenup.models import PersonalDataAccess, User
from womenup.privacy.services import personal_data_access_record

pytestmark = pytest.mark.django_db

LOG = reverse("admin:womenup_personaldataaccess_changelist")
REVIEW = reverse("admin:womenup_personaldataaccess_review")
Action = PersonalDataAccess.Action
SEOUL = timezone.get_fixed_timezone(9 * 60)


def member_of(group: str) -> User:
    user = UserFactory(account_type=User.AccountType.CITY_STAFF, is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    give_totp(user)
    return user


@pytest.fixture
def auditor(client):
    user = member_of(AUDITOR_GROUP)
    client.force_login(user)
    return user


def logged(
    actor, *, at: datetime, action=Action.VIEW, subject=None, records=1, target="목록", reason=""
):
    row = personal_data_access_record(
        actor=actor, subject=subject, action=action, target=target, records=records, reason=reason
    )
    PersonalDataAccess.objects.filter(pk=row.pk).update(accessed_at=at)
    return row


def shown(client, **params) -> set[int]:
    response = client.get(LOG, params)
    assert response.status_code == 200
    return {row.pk for row in response.context["cl"].result_list}


def test_the_auditor_filters_by_who_whose_action_and_period(client, auditor):
    kim, lee = member_of(PROGRAMME_STAFF_GROUP), member_of(PROGRAMME_STAFF_GROUP)
    her = ApplicantUserFactory(email="her@example.kr")
    now = timezone.now()
    viewed = logged(kim, at=now, subject=her)
    exported = logged(kim, at=now, action=Action.EXPORT, records=40)
    old = logged(lee, at=now - timedelta(days=40), subject=her)
    assert shown(client, **{"actor__id__exact": kim.pk}) == {viewed.pk, exported.pk}
    assert shown(client, subject_email="HER@example.kr") == {viewed.pk, old.pk}
    assert shown(client, action__exact="export") == {exported.pk}
    assert shown(client, period="7d") == {viewed.pk, exported.pk}
    assert shown(client, period="7d", subject_email="her@example.kr") == {viewed.pk}
    page = client.get(LOG, {"period": "7d"}).content.decode()
    assert 'name="period" value="7d"' in page  # the e-mail filter keeps the other filters
    assert reverse("admin:womenup_personaldataaccess_review") in page


def test_the_monthly_review_lists_days_above_the_threshold(client, auditor, settings):
    settings.ACCESS_REVIEW_DAILY_RECORDS = 100
    busy, calm = member_of(PROGRAMME_STAFF_GROUP), member_of(PROGRAMME_STAFF_GROUP)
    day = datetime(2024, 7, 3, 10, 0, tzinfo=SEOUL)
    logged(busy, at=day, records=60)
    logged(
        busy,
        at=day + timedelta(hours=13, minutes=30),
        action=Action.EXPORT,
        records=50,
        target="참여자 내보내기 (50건, CSV)",
        reason="7월 정산 자료 제출",
    )  # 23:30 in Seoul: still 3 July
    logged(busy, at=day + timedelta(hours=14, minutes=30), records=500)  # 4 July, 00:30
    logged(calm, at=day, records=100)  # exactly the threshold: not unusual
    logged(calm, at=day, action=Action.CHANGE, records=1000)  # writes are not looks
    logged(busy, at=datetime(2024, 8, 1, 0, 10, tzinfo=SEOUL), records=900)  # next month

    response = client.get(REVIEW, {"month": "2024-07"})
    assert response.status_code == 200
    rows = [
        (row.day.isoformat(), row.actor_email, row.total)
        for row in response.context["unusual_days"]
    ]
    assert rows == [("2024-07-04", busy.email, 500), ("2024-07-03", busy.email, 110)]
    july_third = response.context["unusual_days"][1]
    assert (july_third.viewed, july_third.exported, july_third.downloaded) == (60, 50, 0)
    page = response.content.decode()
    assert "7월 정산" in page  # the export's reason is listed
    assert f"actor__id__exact={busy.pk}&amp;accessed_at__year=2024&amp;accessed_at__month=7" in page
    totals = {row["actor__email"]: row["records"] for row in response.context["totals"]}
    assert totals == {busy.email: 610, calm.email: 100}


def test_a_bad_month_is_refused_in_korean_and_this_month_is_shown(client, auditor):
    response = client.get(REVIEW, {"month": "2024-13"})
    assert response.status_code == 200
    assert "연도와 월로 입력해 주세요" in response.content.decode()
    assert response.context["month"] == timezone.localdate().replace(day=1)


@pytest.mark.parametrize("url", [LOG, REVIEW])
def test_programme_staff_cannot_read_the_log_even_with_its_view_permission(client, url):
    staff = member_of(PROGRAMME_STAFF_GROUP)
    staff.user_permissions.add(Permission.objects.get(codename="view_personaldataaccess"))
    client.force_login(staff)
    assert client.get(url).status_code == 403
    staff.groups.add(Group.objects.get(name=AUDITOR_GROUP))
    client.force_login(User.objects.get(pk=staff.pk))  # permissions are cached per user object
    assert client.get(url).status_code == 200


def test_a_list_page_logs_how_many_people_it_showed(client):
    staff = member_of(PROGRAMME_STAFF_GROUP)
    client.force_login(staff)
    ApplicantProfileFactory.create_batch(3)
    assert client.get(reverse("admin:applicants_applicantprofile_changelist")).status_code == 200
    row = PersonalDataAccess.objects.get(actor=staff)
    assert (row.action, row.subject, row.records) == (Action.VIEW, None, 3)


@pytest.mark.parametrize("people", [2, 12])
def test_the_review_runs_a_fixed_number_of_queries(
    client, auditor, people, django_assert_num_queries
):
    now = timezone.now()
    for _ in range(people):
        actor = member_of(PROGRAMME_STAFF_GROUP)
        logged(actor, at=now, records=500)
        logged(actor, at=now, action=Action.EXPORT, records=5, target="내보내기", reason="점검")
    with django_assert_num_queries(10):
        response = client.get(REVIEW)
    assert len(response.context["unusual_days"]) == people


@pytest.mark.parametrize("rows", [3, 30])
def test_the_log_list_runs_a_fixed_number_of_queries(
    client, auditor, rows, django_assert_num_queries
):
    staff = member_of(PROGRAMME_STAFF_GROUP)
    for _ in range(rows):
        logged(staff, at=timezone.now(), subject=ApplicantUserFactory())
    with django_assert_num_queries(13):
        response = client.get(LOG)
    assert len(response.context["cl"].result_list) == rows


def test_an_export_through_admin_counts_its_rows_in_the_review(client, settings):
    settings.ACCESS_REVIEW_DAILY_RECORDS = 2
    staff = member_of(PROGRAMME_STAFF_GROUP)
    client.force_login(staff)
    ApplicantProfileFactory.create_batch(3)
    export = reverse("admin:applicants_applicantprofile_export")
    response = client.post(export, {"format": "0", "reason": "7월 정산 자료", "resource": "0"})
    assert response.status_code == 200
    row = PersonalDataAccess.objects.get(actor=staff, action=Action.EXPORT)
    assert (row.records, row.reason) == (3, "7월 정산 자료")

    client.force_login(member_of(AUDITOR_GROUP))
    review = client.get(REVIEW)
    assert [(day.actor_email, day.exported) for day in review.context["unusual_days"]] == [
        (staff.email, 3)
    ]
    assert "7월 정산 자료" in review.content.decode()
