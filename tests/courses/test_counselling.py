"""Job-centre counsellors: their clients only, acting for her with her recorded consent and
labelled everywhere, the claim link, notes for the centre only, outcomes in the KPI table."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from applicants import services as applicant_services
from applicants.models import AllowanceApplication, Document, ProxyConsent
from applicants.services import proxy_consent_record, proxy_consent_withdraw
from courses import kpi, services
from courses.models import (
    CounsellingClient,
    CounsellingNote,
    CounsellingOutcome,
    CounsellingSignUp,
    Enrollment,
)
from matching import services as matching_services
from matching.models import InternshipApplication
from tests.factories import kernel
from tests.factories.accounts import PASSWORD, staff_with_mfa
from tests.factories.applicants import ApplicantProfileFactory, pdf_upload, ready_profile
from tests.factories.companies import RoleFactory
from tests.factories.courses import (
    CounsellingClientFactory,
    CounsellingSessionFactory,
    CourseFactory,
    JobCentreFactory,
    counsellor,
)
from womenup.models import OutboxMessage, PersonalDataAccess, User

pytestmark = pytest.mark.django_db

LABEL = "상담사 김상담 대리 제출"


def consented_client(centre, by, **profile_kwargs) -> CounsellingClient:
    profile = ready_profile(**profile_kwargs)
    client = CounsellingClientFactory(centre=centre, profile=profile)
    proxy_consent_record(profile=profile, counsellor=by, method=ProxyConsent.Method.IN_PERSON)
    return client


# --- Centre A cannot see centre B's clients -------------------------------------------------------


def other_centres_urls(client_pk: int, document_pk: int, session_pk: int) -> list[tuple[str, str]]:
    pages = [
        ("get", reverse("courses:client-detail", args=[client_pk])),
        ("get", reverse("courses:client-profile", args=[client_pk])),
        ("post", reverse("courses:client-profile", args=[client_pk])),
        ("get", reverse("courses:client-documents", args=[client_pk])),
        ("post", reverse("courses:client-documents", args=[client_pk])),
        ("get", reverse("courses:client-document-download", args=[client_pk, document_pk])),
        ("get", reverse("courses:client-course", args=[client_pk])),
        ("post", reverse("courses:client-course", args=[client_pk])),
        ("get", reverse("courses:client-allowance", args=[client_pk])),
        ("post", reverse("courses:client-allowance", args=[client_pk])),
        ("get", reverse("matching:client-internship", args=[client_pk])),
        ("post", reverse("matching:client-internship", args=[client_pk])),
        ("post", reverse("courses:client-consent", args=[client_pk])),
        ("post", reverse("courses:client-claim-resend", args=[client_pk])),
        ("post", reverse("courses:client-note", args=[client_pk])),
        ("post", reverse("courses:client-outcome", args=[client_pk])),
        ("get", reverse("courses:session-detail", args=[session_pk])),
        ("post", reverse("courses:session-detail", args=[session_pk])),
    ]
    return pages


def test_a_counsellor_of_centre_a_gets_404_for_everything_of_centre_b(client, me, centre):
    mine = consented_client(centre, me)
    other_centre = JobCentreFactory()
    theirs = consented_client(other_centre, counsellor(other_centre))
    document = Document.objects.create(
        profile=theirs.profile, kind="resume", file="x.pdf", original_name="x.pdf", size=1
    )
    their_session = CounsellingSessionFactory(centre=other_centre)
    before = (
        Enrollment.objects.count(),
        AllowanceApplication.objects.count(),
        InternshipApplication.objects.count(),
        CounsellingNote.objects.count(),
        ProxyConsent.objects.count(),
        CounsellingSignUp.objects.count(),
    )

    listed = client.get(reverse("courses:client-list"))
    assert [c.pk for c in listed.context["page"]] == [mine.pk]
    assert theirs.profile.name not in listed.content.decode()
    wrong = []
    for method, url in other_centres_urls(theirs.pk, document.pk, their_session.pk):
        data = {"body": "x", "method": "phone", "confirmed": "on", "client": theirs.pk}
        response = client.get(url) if method == "get" else client.post(url, data)
        if response.status_code != 404:
            wrong.append(f"{method} {url}: {response.status_code}")
    assert not wrong, wrong
    assert before == (
        Enrollment.objects.count(),
        AllowanceApplication.objects.count(),
        InternshipApplication.objects.count(),
        CounsellingNote.objects.count(),
        ProxyConsent.objects.count(),
        CounsellingSignUp.objects.count(),
    )


def test_a_counsellor_cannot_sign_up_another_centres_client_to_her_session(client, me, centre):
    session = CounsellingSessionFactory(centre=centre)
    theirs = CounsellingClientFactory()
    response = client.post(
        reverse("courses:session-detail", args=[session.pk]), {"client": theirs.pk}
    )
    assert response.status_code == 200  # the choice is not offered: a form error
    assert not CounsellingSignUp.objects.exists()


@pytest.mark.parametrize("who", ["applicant", "institution_staff", "unlisted_counsellor"])
def test_only_counsellors_reach_the_counsellor_pages(client, centre, who):
    from tests.factories.accounts import ApplicantUserFactory
    from tests.factories.courses import institution_staff

    if who == "applicant":
        user = ApplicantUserFactory()
    elif who == "institution_staff":
        user = institution_staff(centre)
    else:  # an institution account never made a counsellor
        user = User.objects.create_user(
            email="x@example.kr", password=PASSWORD, account_type=User.AccountType.INSTITUTION
        )
    client.force_login(user)
    assert client.get(reverse("courses:client-list")).status_code == 403


# --- Acting for her needs her recorded consent ----------------------------------------------------


def test_every_on_behalf_submission_is_refused_without_her_consent(centre):
    me = counsellor(centre)
    profile = ready_profile()
    CounsellingClientFactory(centre=centre, profile=profile)
    kernel.open_intake()
    kernel.open_intake("seoul-allowance")
    role = RoleFactory()
    course = CourseFactory()
    attempts = [
        lambda: services.enrollment_apply(
            course=course, applicant=profile, motivation="듣고 싶습니다.", submitted_by=me
        ),
        lambda: applicant_services.allowance_apply(
            profile=profile, job_search_plan="계획", submitted_by=me
        ),
        lambda: applicant_services.document_upload(
            profile=profile, kind="resume", upload=pdf_upload(), submitted_by=me
        ),
        lambda: applicant_services.profile_update(profile=profile, filled_by=me, name="바뀐 이름"),
        lambda: matching_services.application_submit_for_client(
            applicant=profile, counsellor=me, roles=[role]
        ),
    ]
    for attempt in attempts:
        with pytest.raises(ValidationError, match="대리 신청 동의"):
            attempt()
    profile.refresh_from_db()
    assert profile.name != "바뀐 이름"
    assert not Enrollment.objects.exists()
    assert not AllowanceApplication.objects.exists()
    assert not Document.objects.exists()
    assert not InternshipApplication.objects.exists()


def test_after_she_withdraws_her_consent_the_counsellor_is_refused(client, me, centre):
    target = consented_client(centre, me)
    proxy_consent_withdraw(profile=target.profile)
    course = CourseFactory()
    response = client.post(
        reverse("courses:client-course", args=[target.pk]),
        {"course": course.pk, "motivation": "듣고 싶습니다."},
    )
    assert response.status_code == 200
    assert "대리 신청 동의가 기록되어 있지 않습니다" in response.content.decode()
    assert not Enrollment.objects.exists()


def test_the_consent_records_who_how_and_when(client, me, centre):
    target = CounsellingClientFactory(centre=centre)
    response = client.post(
        reverse("courses:client-consent", args=[target.pk]), {"method": "phone", "confirmed": "on"}
    )
    assert response.status_code == 302
    consent = ProxyConsent.objects.get(profile=target.profile)
    assert (consent.collected_by, consent.method) == (me, "phone")
    assert timezone.now() - consent.collected_at < timedelta(minutes=1)
    unconfirmed = CounsellingClientFactory(centre=centre)
    client.post(reverse("courses:client-consent", args=[unconfirmed.pk]), {"method": "phone"})
    assert not ProxyConsent.objects.filter(profile=unconfirmed.profile).exists()


# --- Labelled everywhere --------------------------------------------------------------------------


def test_a_course_application_for_her_is_labelled_on_her_dashboard_and_in_admin(client, me, centre):
    target = consented_client(centre, me)
    course = CourseFactory()
    response = client.post(
        reverse("courses:client-course", args=[target.pk]),
        {"course": course.pk, "motivation": "상담에서 관심을 보였습니다."},
    )
    assert response.status_code == 302
    enrollment = Enrollment.objects.get(applicant=target.profile)
    assert enrollment.submitted_by == me

    client.force_login(target.profile.user)
    assert LABEL in client.get(reverse("applicants:dashboard")).content.decode()

    client.force_login(staff_with_mfa())
    listing = client.get(reverse("admin:courses_enrollment_changelist")).content.decode()
    assert LABEL in listing
    detail = client.get(reverse("admin:courses_enrollment_change", args=[enrollment.pk]))
    assert LABEL in detail.content.decode()


def test_an_allowance_application_for_her_is_labelled_on_her_dashboard_and_in_admin(
    client, me, centre
):
    kernel.open_intake("seoul-allowance")
    target = consented_client(centre, me)
    response = client.post(
        reverse("courses:client-allowance", args=[target.pk]), {"job_search_plan": "회계 사무직"}
    )
    assert response.status_code == 302
    application = AllowanceApplication.objects.get(profile=target.profile)
    assert application.submitted_by == me

    client.force_login(target.profile.user)
    assert LABEL in client.get(reverse("applicants:dashboard")).content.decode()
    client.force_login(staff_with_mfa())
    listing = client.get(reverse("admin:applicants_allowanceapplication_changelist"))
    assert LABEL in listing.content.decode()
    detail = client.get(
        reverse("admin:applicants_allowanceapplication_change", args=[application.pk])
    )
    assert LABEL in detail.content.decode()


def test_an_internship_application_for_her_is_labelled_in_her_timeline_and_in_admin(
    client, me, centre
):
    kernel.open_intake()
    target = consented_client(centre, me)
    first, second = RoleFactory(), RoleFactory()
    response = client.post(
        reverse("matching:client-internship", args=[target.pk]),
        {"first": first.pk, "second": second.pk},
    )
    assert response.status_code == 302, response.content.decode()
    application = InternshipApplication.objects.get(applicant=target.profile)
    assert application.status == InternshipApplication.Status.SUBMITTED
    assert application.submitted_by == me
    assert list(application.choices.order_by("rank").values_list("role", flat=True)) == [
        first.pk,
        second.pk,
    ]

    client.force_login(target.profile.user)
    assert LABEL in client.get(reverse("applicants:dashboard")).content.decode()
    client.force_login(staff_with_mfa())
    listing = client.get(reverse("admin:matching_internshipapplication_changelist"))
    assert LABEL in listing.content.decode()
    detail = client.get(
        reverse("admin:matching_internshipapplication_change", args=[application.pk])
    )
    assert LABEL in detail.content.decode()


def test_her_own_submission_carries_no_label(client):
    kernel.open_intake()
    profile = ready_profile()
    role = RoleFactory()
    client.force_login(profile.user)
    client.post(reverse("matching:choice-add", args=[role.pk]))
    application = InternshipApplication.objects.get(applicant=profile)
    client.post(reverse("matching:application-submit", args=[application.pk]))
    application.refresh_from_db()
    assert application.submitted_by is None
    assert "대리 제출" not in client.get(reverse("applicants:dashboard")).content.decode()


def test_profile_and_documents_filled_for_her_are_labelled_until_she_saves_herself(
    client, me, centre
):
    target = consented_client(centre, me)
    client.post(
        reverse("courses:client-documents", args=[target.pk]),
        {"kind": "resume", "file": pdf_upload()},
    )
    document = Document.objects.get(profile=target.profile)
    assert document.submitted_by == me
    applicant_services.profile_update(
        profile=target.profile, filled_by=me, education_major="경영학"
    )
    client.force_login(target.profile.user)
    assert "상담사 김상담 대리 입력" in client.get(reverse("applicants:dashboard")).content.decode()
    assert LABEL in client.get(reverse("applicants:documents")).content.decode()
    applicant_services.profile_update(
        profile=target.profile, education_major="회계학"
    )  # she saves it herself
    assert "대리 입력" not in client.get(reverse("applicants:dashboard")).content.decode()


def test_she_sees_her_consent_and_can_withdraw_it_after_confirming(client, centre):
    target = consented_client(centre, counsellor(centre))
    client.force_login(target.profile.user)
    page = client.get(reverse("applicants:dashboard")).content.decode()
    assert "대면" in page and "김상담" in page
    confirm = client.get(reverse("applicants:proxy-consent-withdraw"))
    assert confirm.status_code == 200
    assert ProxyConsent.objects.filter(withdrawn_at__isnull=True).exists()
    client.post(reverse("applicants:proxy-consent-withdraw"))
    assert not ProxyConsent.objects.filter(withdrawn_at__isnull=True).exists()


# --- Access log -----------------------------------------------------------------------------------


def test_every_look_at_her_data_is_in_the_access_log(client, me, centre):
    target = consented_client(centre, me)
    client.get(reverse("courses:client-list"))
    client.get(reverse("courses:client-detail", args=[target.pk]))
    client.get(reverse("courses:client-documents", args=[target.pk]))
    rows = list(PersonalDataAccess.objects.filter(actor=me).order_by("pk"))
    assert [(row.subject, row.action, row.records) for row in rows] == [
        (None, "view", 1),
        (target.profile.user, "view", 1),
        (target.profile.user, "view", 1),
    ]


# --- Claiming the account -------------------------------------------------------------------------


def claim_link() -> str:
    message = OutboxMessage.objects.filter(template="courses/email/client_claim").latest("pk")
    return message.context["link"].split("testserver", 1)[-1]


def test_a_client_created_by_a_counsellor_claims_her_account_once(client, me, centre):
    response = client.post(
        reverse("courses:client-create"),
        {"name": "한소희", "email": "Sohee@Example.kr"},
    )
    created = CounsellingClient.objects.get()
    assert response.url == reverse("courses:client-detail", args=[created.pk])
    user = created.profile.user
    assert (user.email, user.has_usable_password(), created.claim_phone) == (
        "sohee@example.kr",
        False,
        "",
    )
    link = claim_link()
    assert created.claim_token_hash and link.split("/")[-2] not in created.claim_token_hash

    client.logout()
    assert client.get(link).status_code == 200
    password = "새비밀번호-2024-claim"
    response = client.post(link, {"new_password1": password, "new_password2": password})
    assert response.url == reverse("applicants:dashboard")
    user.refresh_from_db()
    assert user.check_password(password)
    assert user.emailaddress_set.get().verified
    client.logout()
    assert client.get(link).status_code == 404  # single use
    assert client.login(email="sohee@example.kr", password=password)


def test_an_expired_link_or_one_whose_email_changed_is_refused(client, me, centre):
    client.post(reverse("courses:client-create"), {"name": "한소희", "email": "so@example.kr"})
    created = CounsellingClient.objects.get()
    link = claim_link()
    token = link.rstrip("/").split("/")[-1]
    User.objects.filter(pk=created.profile.user_id).update(email="changed@example.kr")
    with pytest.raises(ValidationError):
        services.client_claim(token=token, password="새비밀번호-2024-claim")
    CounsellingClient.objects.filter(pk=created.pk).update(
        claim_expires_at=timezone.now() - timedelta(seconds=1)
    )
    client.logout()
    assert client.get(link).status_code == 404
    assert not User.objects.get(pk=created.profile.user_id).has_usable_password()


def test_resending_the_link_retires_the_old_one(client, me, centre):
    client.post(reverse("courses:client-create"), {"name": "한소희", "email": "so@example.kr"})
    created = CounsellingClient.objects.get()
    old = claim_link()
    client.post(reverse("courses:client-claim-resend", args=[created.pk]))
    new = claim_link()
    assert old != new
    assert services.client_for_claim(old.rstrip("/").split("/")[-1]) is None
    assert services.client_for_claim(new.rstrip("/").split("/")[-1]) == created


def test_an_email_that_already_has_an_account_makes_no_second_account(client, me):
    existing = ApplicantProfileFactory()
    users = User.objects.count()
    client.post(reverse("courses:client-create"), {"name": "중복", "email": existing.user.email})
    assert User.objects.count() == users
    assert not CounsellingClient.objects.exists()  # a request she answers (test_client_requests)


# --- Sessions, notes, outcomes --------------------------------------------------------------------


def test_a_one_to_one_session_has_one_seat_and_a_full_session_refuses(me, centre):
    session = services.counselling_session_create(
        centre=centre,
        counsellor=me,
        kind="individual",
        title="1:1 상담",
        starts_at=timezone.now() + timedelta(days=1),
        ends_at=timezone.now() + timedelta(days=1, hours=1),
        place="상담실 1",
        capacity=5,
    )
    assert session.capacity == 1
    first, second = CounsellingClientFactory(centre=centre), CounsellingClientFactory(centre=centre)
    services.counselling_sign_up(session=session, client=first, actor=me)
    with pytest.raises(ValidationError, match="정원"):
        services.counselling_sign_up(session=session, client=second, actor=me)
    sign_up = CounsellingSignUp.objects.get()
    services.counselling_sign_up_cancel(sign_up=sign_up)
    services.counselling_sign_up(session=session, client=second, actor=me)
    session.refresh_from_db()
    assert session.signed_up_count == 1


def test_notes_are_read_by_her_centres_counsellors_only(client, me, centre):
    target = consented_client(centre, me)
    colleague = counsellor(centre, first_name="동료")
    services.counselling_note_add(client=target, author=me, body="비밀 상담 내용 ABC")
    client.force_login(colleague)
    assert (
        "비밀 상담 내용 ABC"
        in client.get(reverse("courses:client-detail", args=[target.pk])).content.decode()
    )
    other = JobCentreFactory()
    client.force_login(counsellor(other))
    assert client.get(reverse("courses:client-detail", args=[target.pk])).status_code == 404
    client.force_login(target.profile.user)
    assert "비밀 상담 내용 ABC" not in client.get(reverse("applicants:dashboard")).content.decode()
    from django.contrib import admin

    assert CounsellingNote not in admin.site._registry
    with pytest.raises(ValidationError):
        services.counselling_note_add(client=target, author=counsellor(other), body="x")


def test_outcomes_feed_the_kpi_table(me, centre):
    clients = [CounsellingClientFactory(centre=centre) for _ in range(3)]
    today = timezone.localdate()
    for target, kind in zip(clients, ["course", "internship", "employed"], strict=True):
        services.counselling_outcome_record(
            client=target, counsellor=me, kind=kind, happened_on=today
        )
    services.counselling_outcome_record(
        client=clients[0], counsellor=me, kind="employed", happened_on=today
    )
    session = CounsellingSessionFactory(centre=centre)
    services.counselling_sign_up(session=session, client=clients[1], actor=me)
    table = kpi.counselling_table()
    assert table.rows[0] == [centre.name, 3, 1, 1, 1, 2]
    assert table.rows[-1][0] == "전체"
    assert CounsellingOutcome.objects.count() == 4


# --- Fixed number of queries ----------------------------------------------------------------------

# session, user, group, count, page, access-log row, requests to accounts, footer programmes
CLIENT_LIST_QUERIES = 8


@pytest.mark.parametrize("clients", [1, 15])
def test_the_client_list_runs_a_fixed_number_of_queries(
    client, django_assert_num_queries, me, centre, clients
):
    for _ in range(clients):
        consented_client(centre, me)
    with django_assert_num_queries(CLIENT_LIST_QUERIES):
        response = client.get(reverse("courses:client-list"))
    assert len(response.context["page"]) == clients


@pytest.mark.parametrize("sessions", [1, 6])
def test_her_counselling_section_runs_a_fixed_number_of_queries(
    django_assert_num_queries, centre, sessions
):
    from courses.dashboard import counselling_section

    me = counsellor(centre)
    target = consented_client(centre, me)
    for _ in range(sessions):
        services.counselling_sign_up(
            session=CounsellingSessionFactory(centre=centre), client=target, actor=me
        )
    CounsellingSessionFactory.create_batch(sessions, centre=centre)  # open to her
    with django_assert_num_queries(4):  # her clients, their sign-ups, open programmes, consent
        section = counselling_section(target.profile)
    assert len(section.context["clients"][0].sign_ups.all()) == sessions
    assert len(section.context["open_sessions"]) == sessions


def test_her_notes_go_when_she_is_anonymised_and_the_outcomes_stay(centre):
    from womenup.privacy.services import personal_data_purge

    me = counsellor(centre)
    target = consented_client(centre, me)
    services.counselling_note_add(client=target, author=me, body="상담 내용")
    services.counselling_outcome_record(
        client=target, counsellor=me, kind="employed", happened_on=timezone.localdate()
    )
    CounsellingNote.objects.update(written_at=timezone.now() - timedelta(days=4000))
    report = personal_data_purge(today=timezone.localdate())
    assert target.profile.user_id in [user_id for user_id, _day in report.applicants]
    assert not CounsellingNote.objects.exists()
    assert CounsellingClient.objects.get(pk=target.pk).claim_email == ""
    assert CounsellingOutcome.objects.filter(client=target).exists()


def test_she_joins_a_group_programme_of_her_centre_and_cancels_after_confirming(client, centre):
    target = consented_client(centre, counsellor(centre))
    mine = CounsellingSessionFactory(centre=centre, title="경력 설계 집단상담")
    elsewhere = CounsellingSessionFactory(title="다른 센터 프로그램")
    one_to_one = CounsellingSessionFactory(centre=centre, kind="individual", capacity=1)
    client.force_login(target.profile.user)
    page = client.get(reverse("applicants:dashboard")).content.decode()
    assert "경력 설계 집단상담" in page and "다른 센터 프로그램" not in page

    for session in (elsewhere, one_to_one):
        response = client.post(reverse("courses:my-session-sign-up", args=[session.pk]))
        assert response.status_code == 404
    client.post(reverse("courses:my-session-sign-up", args=[mine.pk]))
    sign_up = CounsellingSignUp.objects.get()
    assert (sign_up.session, sign_up.client, sign_up.submitted_by) == (mine, target, None)

    confirm = client.get(reverse("courses:my-sign-up-cancel", args=[sign_up.pk]))
    assert confirm.status_code == 200
    assert CounsellingSignUp.objects.get().cancelled_at is None
    client.post(reverse("courses:my-sign-up-cancel", args=[sign_up.pk]))
    assert CounsellingSignUp.objects.get().cancelled_at is not None
    mine.refresh_from_db()
    assert mine.signed_up_count == 0


def test_a_woman_who_is_no_centres_client_cannot_join(client):
    session = CounsellingSessionFactory()
    client.force_login(ApplicantProfileFactory().user)
    response = client.post(reverse("courses:my-session-sign-up", args=[session.pk]))
    assert response.status_code == 404
    assert not CounsellingSignUp.objects.exists()


def test_adding_a_site_account_to_a_job_centre_in_admin_makes_her_a_counsellor(client, centre):
    from tests.factories.accounts import UserFactory
    from womenup.accounts.permissions import is_counsellor

    user = UserFactory(account_type=User.AccountType.INSTITUTION, email="new@centre.kr")
    client.force_login(staff_with_mfa())
    response = client.post(
        reverse("admin:courses_institution_change", args=[centre.pk]),
        {
            "name_ko": centre.name,
            "name_en": "",
            "kind": "job_centre",
            "city": centre.city_id,
            "staff": [user.pk],
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    user.refresh_from_db()
    assert is_counsellor(user) and not user.is_staff
    assert list(services.selectors.centres_for_counsellor(user)) == [centre]
