"""The four staff groups the migrations create, and the boundary each one draws in admin.

프로그램 담당자 run the programmes but neither approve payments, read the access log nor hand
themselves permissions; 지급 승인자 approve payments and see nothing else; 감사 담당자 read the
access log and nothing else; 운영기관 담당자 see their own institution's courses only.
"""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from applicants import services as applicant_services
from tests.factories import kernel
from tests.factories.accounts import StaffUserFactory, UserFactory, give_totp
from tests.factories.applicants import (
    ApplicantProfileFactory,
    DocumentFactory,
    give_consents,
    pdf_upload,
)
from tests.factories.courses import CourseFactory, InstitutionFactory, institution_staff
from womenup.accounts.permissions import (
    AUDITOR_GROUP,
    INSTITUTION_STAFF_GROUP,
    PAYMENT_APPROVER_GROUP,
    PROGRAMME_STAFF_GROUP,
    STAFF_GROUPS,
    is_city_staff,
)
from womenup.models import LedgerEntry, User

pytestmark = pytest.mark.django_db

ACCESS_LOG = reverse("admin:womenup_personaldataaccess_changelist")
PROFILES = reverse("admin:applicants_applicantprofile_changelist")
PAYMENTS = reverse("admin:womenup_ledgerentry_changelist")
COMPANIES = reverse("admin:companies_company_changelist")


def member_of(group: str) -> User:
    """A city-staff account (not a superuser) in one group, with TOTP set up."""
    user = UserFactory(account_type=User.AccountType.CITY_STAFF, is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    give_totp(user)
    return user


def group_permissions(name: str) -> set[str]:
    group = Group.objects.get(name=name)
    return {
        f"{app}.{codename}"
        for app, codename in group.permissions.values_list("content_type__app_label", "codename")
    }


@pytest.fixture
def pending_payment() -> LedgerEntry:
    kernel.open_intake("seoul-allowance")
    profile = ApplicantProfileFactory()
    give_consents(profile)
    application = applicant_services.allowance_apply(profile=profile, job_search_plan="지원 계획")
    report = applicant_services.activity_report_submit(
        application=application, month=timezone.localdate(), activities="3곳", upload=pdf_upload()
    )
    return applicant_services.activity_report_accept(report=report, staff=StaffUserFactory())


def approve_in_admin(client, payment) -> None:
    client.post(
        PAYMENTS,
        {"action": "approve_payments", "_selected_action": [payment.pk], "confirm": "yes"},
        follow=True,
    )
    payment.refresh_from_db()


def test_the_migrations_create_the_four_groups():
    assert set(Group.objects.filter(name__in=STAFF_GROUPS).values_list("name", flat=True)) == set(
        STAFF_GROUPS
    )


def test_programme_staff_hold_every_programme_model_but_no_payment_or_log_power():
    granted = group_permissions(PROGRAMME_STAFF_GROUP)
    for permission in [
        "applicants.change_applicantprofile",
        "companies.change_company",
        "courses.change_course",
        "matching.change_screeningresult",
        "matching.change_incentiveclaim",
        "womenup.change_livingwagerate",
        "django_celery_beat.change_periodictask",
        "womenup.view_ledgerentry",
    ]:
        assert permission in granted
    for permission in [
        "womenup.approve_payments",
        "womenup.view_personaldataaccess",
        "womenup.review_access_log",
        "womenup.change_user",
        "womenup.export_unmasked",
    ]:
        assert permission not in granted


def test_auditors_hold_the_access_log_only():
    assert group_permissions(AUDITOR_GROUP) == {
        "womenup.view_personaldataaccess",
        "womenup.review_access_log",
    }


def test_payment_approvers_hold_payment_permissions_only():
    assert group_permissions(PAYMENT_APPROVER_GROUP) == {
        "womenup.view_ledgerentry",
        "womenup.approve_payments",
    }


def test_programme_staff_work_in_admin_but_cannot_read_the_access_log(client):
    client.force_login(member_of(PROGRAMME_STAFF_GROUP))
    assert client.get(reverse("admin:index")).status_code == 200
    assert client.get(PROFILES).status_code == 200
    assert client.get(COMPANIES).status_code == 200
    assert client.get(ACCESS_LOG).status_code == 403


def test_programme_staff_cannot_approve_a_payment_through_admin(client, pending_payment):
    client.force_login(member_of(PROGRAMME_STAFF_GROUP))
    page = client.get(PAYMENTS)
    assert page.status_code == 200
    assert b"approve_payments" not in page.content  # the action is not offered
    approve_in_admin(client, pending_payment)
    assert pending_payment.status == LedgerEntry.Status.PENDING


def test_programme_staff_cannot_give_themselves_another_group(client):
    user = member_of(PROGRAMME_STAFF_GROUP)
    client.force_login(user)
    change = reverse("admin:womenup_user_change", args=[user.pk])
    assert client.get(change).status_code == 200  # read-only view
    auditors = Group.objects.get(name=AUDITOR_GROUP)
    response = client.post(change, {"email": user.email, "groups": [auditors.pk]})
    assert response.status_code == 403
    assert not user.groups.filter(name=AUDITOR_GROUP).exists()


def test_payment_approvers_approve_through_admin_and_see_no_applicant(client, pending_payment):
    client.force_login(member_of(PAYMENT_APPROVER_GROUP))
    approve_in_admin(client, pending_payment)
    assert pending_payment.status == LedgerEntry.Status.APPROVED
    assert client.get(PROFILES).status_code == 403
    assert client.get(ACCESS_LOG).status_code == 403


def test_auditors_read_the_access_log_and_nothing_else(client, pending_payment):
    auditor = member_of(AUDITOR_GROUP)
    client.force_login(auditor)
    assert client.get(ACCESS_LOG).status_code == 200
    for url in [PROFILES, PAYMENTS, COMPANIES]:
        assert client.get(url).status_code == 403
    approve_in_admin(client, pending_payment)
    assert pending_payment.status == LedgerEntry.Status.PENDING


def test_only_programme_staff_download_applicants_files_on_the_site(client):
    document = DocumentFactory()
    url = reverse("applicants:document-download", args=[document.pk])
    for group, expected in [
        (AUDITOR_GROUP, 404),
        (PAYMENT_APPROVER_GROUP, 404),
        (PROGRAMME_STAFF_GROUP, 200),
    ]:
        user = member_of(group)
        assert is_city_staff(user) is (group == PROGRAMME_STAFF_GROUP)
        client.force_login(user)
        assert client.get(url).status_code == expected, group


def test_institution_staff_see_their_own_courses_only(client):
    own, other = InstitutionFactory(), InstitutionFactory()
    own_course, other_course = CourseFactory(institution=own), CourseFactory(institution=other)
    staff = institution_staff(own)
    assert staff.groups.filter(name=INSTITUTION_STAFF_GROUP).exists()
    client.force_login(staff)
    assert (
        client.get(reverse("admin:courses_course_change", args=[own_course.pk])).status_code == 200
    )
    other_page = client.get(reverse("admin:courses_course_change", args=[other_course.pk]))
    assert other_page.status_code in (302, 403)
    for url in [ACCESS_LOG, PROFILES, PAYMENTS, COMPANIES]:
        assert client.get(url).status_code == 403


@pytest.mark.parametrize(
    "group, links",
    [
        (PROGRAMME_STAFF_GROUP, {"kpi", "ledger-months"}),
        (PAYMENT_APPROVER_GROUP, {"ledger-months"}),
        (AUDITOR_GROUP, {"access-review"}),
    ],
)
def test_the_admin_home_links_each_group_to_its_own_pages(client, group, links):
    client.force_login(member_of(group))
    html = client.get(reverse("admin:index")).content.decode()
    shown = {key for key in ("kpi", "ledger-months", "access-review") if f'id="link-{key}"' in html}
    assert shown == links
