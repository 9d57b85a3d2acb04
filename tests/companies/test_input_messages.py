"""Company pages: implausible input is refused with a Korean sentence at the field."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from companies import business_number
from companies.models import Role
from tests.companies.test_views import registration_data, role_data
from tests.factories import kernel
from tests.factories.companies import CompanyMembershipFactory
from tests.kernel.form_posts import forms_of, post_back

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(client):
    membership = CompanyMembershipFactory()
    client.force_login(membership.user)
    return membership


def test_a_role_with_no_seat_is_refused_at_the_field_in_korean(client, member):
    response = client.post(reverse("companies:role-create"), role_data(seats="0"))
    form = response.context["form"]
    assert form.errors["seats"] == ["채용 인원은 1명 이상으로 입력해 주세요."]
    assert not form.non_field_errors()
    html = response.content.decode()
    assert "role_has_a_seat" not in html and "위반" not in html
    assert not Role.objects.filter(company=member.company).exists()


def _role_errors(client, **overrides):
    response = client.post(reverse("companies:role-create"), role_data(**overrides))
    assert response.status_code == 200, "a refused role is shown again, not saved"
    return response.context["form"].errors


def test_a_track_that_does_not_fit_the_intake_is_refused_at_the_intake(client, member):
    errors = _role_errors(client, track=Role.Track.SOCIAL_IMPACT)
    assert "소셜임팩트형 직무를 받지 않습니다" in errors["intake"][0]
    assert not Role.objects.filter(company=member.company).exists()


@pytest.mark.parametrize(
    ("start", "sentence"),
    [
        (lambda today, intake: today - timedelta(days=1), "오늘("),
        (lambda today, intake: date(2020, 3, 2), "사이의 날짜를 입력해 주세요"),
        (lambda today, intake: intake.closes_on + timedelta(days=400), "마감 후 6개월"),
    ],
    ids=["yesterday", "2020", "long-after-the-intake"],
)
def test_an_implausible_start_date_is_refused_at_the_field(client, member, start, sentence):
    intake = kernel.open_intake()
    day = start(timezone.localdate(), intake)
    errors = _role_errors(client, start_date=day.isoformat())
    assert sentence in errors["start_date"][0]
    assert not Role.objects.filter(company=member.company).exists()


def test_a_start_date_within_the_intake_is_kept(client, member):
    intake = kernel.open_intake()
    day = max(intake.opens_on, timezone.localdate()) + timedelta(days=7)
    client.post(reverse("companies:role-create"), role_data(start_date=day.isoformat()))
    assert Role.objects.get(company=member.company).start_date == day


def test_the_admin_role_form_applies_the_same_rules(staff_client):
    company = CompanyMembershipFactory().company
    data = role_data(track=Role.Track.SOCIAL_IMPACT, status=Role.Status.DRAFT)
    data["company"] = company.pk
    response = staff_client.post(reverse("admin:companies_role_add"), data)
    assert response.status_code == 200
    assert "소셜임팩트형 직무를 받지 않습니다" in str(response.context["adminform"].form.errors)
    assert not Role.objects.filter(company=company).exists()


def test_the_admin_shows_the_business_number_as_printed_and_takes_it_so(staff_client):
    company = CompanyMembershipFactory().company
    listing = staff_client.get(reverse("admin:companies_company_changelist")).content.decode()
    assert business_number.formatted(company.business_number) in listing
    url = reverse("admin:companies_company_change", args=[company.pk])
    form = next(f for f in forms_of(staff_client.get(url).content.decode()) if "name" in f.names())
    shown = next(item.value for item in form.inputs if item.name == "business_number")
    assert shown == business_number.formatted(company.business_number)
    response = post_back(staff_client, url, form, business_number="220-81-62517")
    assert response.status_code == 200
    company.refresh_from_db()
    assert company.business_number == "2208162517"


def test_the_company_contact_number_is_checked_and_stored_in_e164(client, member):
    company = member.company
    data = registration_data(contact_phone="02-000-0000")
    data.pop("business_number")
    response = client.post(reverse("companies:profile"), data)
    assert (
        "전화번호 형식이 올바르지 않습니다" in response.context["form"].errors["contact_phone"][0]
    )
    data["contact_phone"] = "02-2133-7000"
    client.post(reverse("companies:profile"), data)
    company.refresh_from_db()
    assert company.contact_phone.as_e164 == "+82221337000"
    page = client.get(reverse("companies:profile")).content.decode()
    assert 'value="02-2133-7000"' in page
