"""Dates a person types stay within a plausible range, and extreme ones never break a page."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from hypothesis import given, settings
from hypothesis import strategies as st

from matching.models import CandidateEvaluation, Placement
from tests.factories.accounts import CompanyUserFactory, staff_with_mfa
from tests.factories.applicants import ready_profile
from tests.factories.companies import CompanyMembershipFactory, RoleFactory
from tests.factories.courses import CourseFactory, InstitutionFactory, institution_staff
from tests.factories.matching import (
    ApplicationChoiceFactory,
    InternshipApplicationFactory,
    PlacementFactory,
)
from tests.kernel.form_posts import (
    FUZZ_SETTINGS,
    Input,
    changed_tables,
    fingerprint,
    forms_of,
    post_back,
    shows_an_error,
)

pytestmark = pytest.mark.django_db


def company_with_candidate():
    user = CompanyUserFactory()
    role = RoleFactory(company=CompanyMembershipFactory(user=user).company)
    application = InternshipApplicationFactory(applicant=ready_profile())
    ApplicationChoiceFactory(application=application, role=role)
    return user, role, application


def test_an_interview_in_year_one_is_refused_and_breaks_no_page(client):
    user, role, application = company_with_candidate()
    client.force_login(user)
    interview = reverse(
        "matching:candidate-interview", kwargs={"pk": role.pk, "application_id": application.pk}
    )
    response = client.post(
        interview, {"interview_at": "0001-01-01T00:00", "interview_place": "본사"}
    )
    assert response.status_code == 200
    assert "사이의 날짜를 입력해 주세요" in response.content.decode()
    assert not CandidateEvaluation.objects.filter(interview_at__isnull=False).exists()
    pages = [
        reverse("companies:role-manage", kwargs={"pk": role.pk}),
        reverse("matching:candidate", kwargs={"pk": role.pk, "application_id": application.pk}),
        reverse("matching:role-ranking", kwargs={"pk": role.pk}),
    ]
    assert [client.get(page).status_code for page in pages] == [200, 200, 200]
    when = (timezone.localtime() + timedelta(days=3)).strftime("%Y-%m-%dT%H:%M")
    response = client.post(interview, {"interview_at": when, "interview_place": "본사"})
    assert response.status_code == 302
    client.force_login(staff_with_mfa(is_superuser=True))
    assert client.get(reverse("admin:matching_candidateevaluation_changelist")).status_code == 200


def test_the_migration_clears_interview_times_python_cannot_read(client):
    import importlib

    from django.db import connection, migrations

    user, role, application = company_with_candidate()
    evaluation = CandidateEvaluation.objects.create(role=role, application=application)
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE matching_candidateevaluation SET interview_at = '0001-12-31 15:00:00+00 BC' "
            "WHERE id = %s",
            [evaluation.pk],
        )
    migration = importlib.import_module("matching.migrations.0011_typed_date_ranges").Migration
    [clear] = [op for op in migration.operations if isinstance(op, migrations.RunSQL)]
    with connection.cursor() as cursor:
        cursor.execute(clear.sql)
    evaluation.refresh_from_db()
    assert evaluation.interview_at is None
    client.force_login(user)
    page = reverse("matching:candidate", kwargs={"pk": role.pk, "application_id": application.pk})
    assert client.get(page).status_code == 200


def test_a_course_starting_in_year_one_is_refused_in_admin_and_stored_ones_break_no_page(client):
    institution = InstitutionFactory()
    course = CourseFactory(institution=institution)
    client.force_login(institution_staff(institution))
    change = reverse("admin:courses_course_change", args=[course.pk])
    form = client.get(change).context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None}
    data.update({"starts_on": "0001-01-01", "applications_open_on": ""})
    response = client.post(change, data)
    assert response.status_code == 200
    assert "사이의 날짜를 입력해 주세요" in response.content.decode()
    course.refresh_from_db()
    assert course.starts_on != date(1, 1, 1)
    # A row stored before the ranges existed must not break the public pages.
    type(course).objects.filter(pk=course.pk).update(
        starts_on=date(1, 1, 1), applications_open_on=None, applications_close_on=None
    )
    client.force_login(ready_profile().user)
    pages = [
        reverse("courses:catalogue"),
        reverse("courses:detail", kwargs={"code": course.code}),
    ]
    assert [client.get(page).status_code for page in pages] == [200, 200]
    apply = client.post(
        reverse("courses:apply", kwargs={"code": course.code}), {"motivation": "배우고 싶어요"}
    )
    assert apply.status_code == 400
    assert "접수 기간을 확인할 수 없습니다" in str(apply.context["form"].errors), apply.context[
        "form"
    ].errors


def test_a_contract_start_at_the_end_of_time_is_refused_and_the_hire_step_holds(client):
    user = CompanyUserFactory()
    company = CompanyMembershipFactory(user=user).company
    placement = PlacementFactory(role=RoleFactory(company=company))
    client.force_login(user)
    contract = reverse("matching:intern-contract", kwargs={"pk": placement.pk})
    response = client.post(contract, {"contract_start": "9999-12-31"})
    assert response.status_code == 200
    placement.refresh_from_db()
    assert placement.contract_start is None
    Placement.objects.filter(pk=placement.pk).update(
        status=Placement.Status.CONTRACTED, contract_start=date(9999, 12, 31)
    )
    hire = reverse("matching:intern-hire", kwargs={"pk": placement.pk})
    assert client.get(hire).status_code == 200
    from tests.factories.applicants import pdf_upload

    response = client.post(
        hire, {"hired_on": timezone.localdate().isoformat(), "proof": pdf_upload()}
    )
    assert response.status_code == 200


# --- Every typed date, driven with extreme values ------------------------------------------------

HOSTILE_DATES = [
    "0001-01-01",
    "9999-12-31",
    "10000-01-01",
    "-0001-01-01",
    "0000-00-00",
    "0001-01-01 BC",
    "1899-12-31",
    "1900-02-29",
    "2100-02-29",
    "2024-02-30",
    "2024-13-01",
    "31/12/9999",
    "9" * 40,
    "2024-01-01\x00",
    "today",
]


def hostile_dates():
    far = st.one_of(
        st.dates(max_value=date(1899, 12, 31)), st.dates(min_value=date(2100, 1, 1))
    ).map(date.isoformat)
    return st.one_of(st.sampled_from(HOSTILE_DATES), far)


def is_date_input(item: Input) -> bool:
    return item.kind in ("date", "datetime-local", "month") or "vDateField" in item.classes


def date_value(item: Input, day: str) -> str:
    return f"{day}T00:00" if item.kind == "datetime-local" else day


def fuzz_dates(client, url: str, *, expected: set[str] | None = None, examples: int = 15):
    """Post every date input of the page's forms with extreme values: an error, no change.

    A page the persona may not open (an admin without an add page) has nothing to post,
    unless ``expected`` names the inputs it must have.
    """
    response = client.get(url)
    if expected is None and response.status_code != 200:
        return set()
    assert response.status_code == 200, url
    targets = [
        (form, item)
        for form in forms_of(response.content.decode())
        for item in form.inputs
        if is_date_input(item) and "__prefix__" not in item.name  # an inline's blank template
    ]
    found = {item.name for _form, item in targets}
    assert expected is None or expected <= found, f"{url}: date inputs {found}"
    if not targets:
        return found

    @settings(max_examples=examples, **FUZZ_SETTINGS)
    @given(target=st.sampled_from(targets), day=hostile_dates())
    def check(target, day):
        form, item = target
        before = fingerprint()
        answer = post_back(client, url, form, **{item.name: date_value(item, day)})
        assert answer.status_code < 500, (url, item.name, day)
        assert not changed_tables(before), (url, item.name, day)
        assert shows_an_error(answer), (url, item.name, day)

    check()
    return found


def test_every_site_form_refuses_extreme_dates(client, world):
    from tests.access import rows_applicants, rows_companies

    rows_applicants.applicant_profile(world)
    rows_applicants.allowance_application(world)
    client.force_login(world.applicant)
    fuzz_dates(
        client,
        reverse("applicants:profile"),
        expected={"birth_date", "last_employment_end", "career_break_since"},
    )
    fuzz_dates(
        client,
        reverse("applicants:qualifications"),
        expected={"certificate-acquired_on", "training-completed_on"},
    )
    fuzz_dates(client, reverse("applicants:allowance"), expected={"month"})

    client.force_login(world.company)
    role = rows_companies.role(world)
    candidate = rows_companies.candidate_kwargs(world)
    placement = rows_companies.placement(world)
    fuzz_dates(client, reverse("companies:role-create"), expected={"start_date"})
    fuzz_dates(
        client, reverse("companies:role-edit", kwargs={"pk": role.pk}), expected={"start_date"}
    )
    fuzz_dates(client, reverse("matching:candidate", kwargs=candidate), expected={"interview_at"})
    contract = reverse("matching:intern-contract", kwargs={"pk": placement.pk})
    fuzz_dates(client, contract, expected={"contract_start"})
    Placement.objects.filter(pk=placement.pk).update(
        status=Placement.Status.CONTRACTED,
        contract_start=timezone.localdate() - timedelta(days=200),
    )
    hire = reverse("matching:intern-hire", kwargs={"pk": placement.pk})
    fuzz_dates(client, hire, expected={"hired_on"})


def test_every_admin_form_refuses_extreme_dates(client, world):
    from tests.kernel.test_forms_fuzz import admin_form_urls, build_everything

    build_everything(world)
    client.force_login(staff_with_mfa(is_superuser=True))
    seen = set()
    for url in admin_form_urls():
        seen |= {f"{url}:{name}" for name in fuzz_dates(client, url, examples=6)}
    for model, name in ADMIN_DATE_FIELDS.items():
        assert any(f"/{model}/" in key and key.endswith(name) for key in seen), (
            model,
            name,
        )


# Date fields people type in admin (a sample the admin test must have reached).
ADMIN_DATE_FIELDS = {
    "courses/course": "starts_on",
    "womenup/program": "opens_on",
    "womenup/livingwagerate": "valid_from",
    "courses/session": "held_on",
    "courses/coursecertificate": "obtained_on",
    "applicants/applicantprofile": "birth_date",
}


def test_a_range_moves_with_today_and_names_its_bounds(settings):
    from django.core.exceptions import ValidationError

    from womenup.dates import birth_date_range, days_after, programme_date_range

    assert birth_date_range.bounds(date(2024, 2, 29)) == (date(1930, 1, 1), date(2009, 2, 28))
    earliest, latest = programme_date_range.bounds()
    assert latest - earliest > timedelta(days=3600)
    with pytest.raises(ValidationError) as refused:
        programme_date_range(date(1, 1, 1))
    assert refused.value.messages == [f"{earliest}부터 {latest} 사이의 날짜를 입력해 주세요."]
    programme_date_range(timezone.now())  # a datetime is judged by its day
    assert days_after(date(1, 1, 1), -1) is None and days_after(None, 3) is None
