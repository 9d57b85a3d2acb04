"""Dates a person types stay within a plausible range, and extreme ones never break a page."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from companies.models import CandidateEvaluation
from matching.models import Placement
from tests.factories.accounts import CompanyUserFactory, staff_with_mfa
from tests.factories.applicants import ready_profile
from tests.factories.companies import CompanyMembershipFactory, RoleFactory
from tests.factories.courses import CourseFactory, InstitutionFactory, institution_staff
from tests.factories.matching import (
    ApplicationChoiceFactory,
    InternshipApplicationFactory,
    PlacementFactory,
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
        "companies:candidate-interview", kwargs={"pk": role.pk, "application_id": application.pk}
    )
    response = client.post(
        interview, {"interview_at": "0001-01-01T00:00", "interview_place": "본사"}
    )
    assert response.status_code == 200
    assert "사이의 날짜를 입력해 주세요" in response.content.decode()
    assert not CandidateEvaluation.objects.filter(interview_at__isnull=False).exists()
    pages = [
        reverse("companies:role-manage", kwargs={"pk": role.pk}),
        reverse("companies:candidate", kwargs={"pk": role.pk, "application_id": application.pk}),
        reverse("companies:role-ranking", kwargs={"pk": role.pk}),
    ]
    assert [client.get(page).status_code for page in pages] == [200, 200, 200]
    when = (timezone.localtime() + timedelta(days=3)).strftime("%Y-%m-%dT%H:%M")
    response = client.post(interview, {"interview_at": when, "interview_place": "본사"})
    assert response.status_code == 302
    client.force_login(staff_with_mfa(is_superuser=True))
    assert client.get(reverse("admin:companies_candidateevaluation_changelist")).status_code == 200


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
    contract = reverse("companies:intern-contract", kwargs={"pk": placement.pk})
    response = client.post(contract, {"contract_start": "9999-12-31"})
    assert response.status_code == 200
    placement.refresh_from_db()
    assert placement.contract_start is None
    Placement.objects.filter(pk=placement.pk).update(
        status=Placement.Status.CONTRACTED, contract_start=date(9999, 12, 31)
    )
    hire = reverse("companies:intern-hire", kwargs={"pk": placement.pk})
    assert client.get(hire).status_code == 200
    from tests.factories.applicants import pdf_upload

    response = client.post(
        hire, {"hired_on": timezone.localdate().isoformat(), "proof": pdf_upload()}
    )
    assert response.status_code == 200
