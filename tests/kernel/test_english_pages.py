"""In English, the main pages show no Korean outside what people typed (names, company names,
role titles, …): the site's wording, the catalogue's texts (programmes, job categories,
districts, intakes, institutions, courses), choice labels, reasons and admin are English."""

import pytest
from django.conf import settings
from django.contrib import admin
from django.test import RequestFactory
from django.urls import reverse

from companies.models import Role
from courses.models import Course
from matching.models import InternshipApplication
from tests.factories.accounts import staff_with_mfa
from tests.kernel.english import korean_left, seeded_and_demo_data, typed_values
from womenup.models import City, District, Program, User

pytestmark = pytest.mark.django_db


@pytest.fixture
def english(client):
    seeded_and_demo_data()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def walk(client, paths) -> list[str]:
    allowed = typed_values()
    city_names = [name for city in City.objects.all() for name in (city.name, city.short_name)]
    found = []
    for path in paths:
        response = client.get(path, follow=True)
        assert response.status_code == 200, f"{path}: {response.status_code}"
        # The city admin lists and edits the Korean names beside the English ones.
        here = allowed + city_names if path.startswith("/admin/womenup/city/") else allowed
        found += [f"{path}: {words}" for words in korean_left(response.content.decode(), here)]
    return found


def self_check_answers() -> dict:
    seoul_mapo = District.objects.get(city__code="seoul", code="mapo")
    return {
        "residence_city": seoul_mapo.city_id,
        "residence_district": seoul_mapo.pk,
        "birth_date": "1985-05-20",
        "gender": "female",
        "employment_status": "unemployed",
        "qualifications": ["certificate"],
        "documents": ["resume"],
    }


def test_public_pages_are_english(english):
    role = Role.objects.filter(status=Role.Status.PUBLISHED).first()
    course = Course.objects.filter(selection_mode="institution_selects").first()
    paths = [
        reverse("home"),
        *[
            reverse("program-detail", args=[code])
            for code in Program.objects.values_list("code", flat=True)
        ],
        reverse("matching:role-list"),
        reverse("matching:role-detail", args=[role.pk]),
        reverse("companies:list"),
        reverse("companies:detail", args=[role.company_id]),
        reverse("courses:catalogue"),
        *[
            reverse("courses:detail", args=[code])
            for code in Course.objects.values_list("code", flat=True)
        ],
        course and reverse("courses:detail", args=[course.code]),
        reverse("matching:self-check"),
        reverse("account_login"),
        reverse("account_signup"),
    ]
    found = walk(english, [path for path in paths if path])
    response = english.post(reverse("matching:self-check"), self_check_answers())
    found += [
        f"self-check result: {w}" for w in korean_left(response.content.decode(), typed_values())
    ]
    assert not found, "\n".join(found)


def test_applicant_pages_are_english(english):
    english.force_login(User.objects.get(email="applicant1@demo.womenup.kr"))
    application = InternshipApplication.objects.get(
        applicant__user__email="applicant1@demo.womenup.kr"
    )
    role = Role.objects.filter(status=Role.Status.PUBLISHED).first()
    paths = [
        reverse("dashboard"),
        reverse("applicants:dashboard"),
        reverse("applicants:profile"),
        reverse("applicants:qualifications"),
        reverse("applicants:consents"),
        reverse("applicants:documents"),
        reverse("applicants:allowance"),
        reverse("matching:application-detail", args=[application.pk]),
        reverse("matching:role-list"),
        reverse("matching:role-detail", args=[role.pk]),
        reverse("courses:catalogue"),
        reverse("courses:detail", args=["python-entry"]),
        reverse("courses:detail", args=["cloud-fullstack"]),
    ]
    found = walk(english, paths)
    assert not found, "\n".join(found)


def test_company_pages_are_english(english):
    english.force_login(User.objects.get(email="company1@demo.womenup.kr"))
    role = Role.objects.get(company__memberships__user__email="company1@demo.womenup.kr")
    application = InternshipApplication.objects.get(
        applicant__user__email="applicant1@demo.womenup.kr"
    )
    paths = [
        reverse("dashboard"),
        reverse("companies:dashboard"),
        reverse("companies:profile"),
        reverse("companies:eligibility-check"),
        reverse("companies:members"),
        reverse("companies:role-create"),
        reverse("companies:role-manage", args=[role.pk]),
        reverse("companies:role-edit", args=[role.pk]),
        reverse("matching:role-ranking", args=[role.pk]),
        reverse("matching:candidate", args=[role.pk, application.pk]),
    ]
    found = walk(english, paths)
    assert not found, "\n".join(found)


def admin_pages(staff) -> list[str]:
    """Every admin list of our apps and a change form of its first row (or the add form)."""
    request = RequestFactory().get("/admin/")
    request.user = staff
    pages = [reverse("admin:index")]
    for model, model_admin in admin.site._registry.items():
        info = (model._meta.app_label, model._meta.model_name)
        pages.append(reverse("admin:{}_{}_changelist".format(*info)))
        row = model._default_manager.order_by("pk").first()
        if row is not None:
            pages.append(reverse("admin:{}_{}_change".format(*info), args=[row.pk]))
        elif model_admin.has_add_permission(request):
            pages.append(reverse("admin:{}_{}_add".format(*info)))
    return pages


def test_admin_is_english_for_staff(english):
    staff = staff_with_mfa()
    english.force_login(staff)
    found = walk(english, admin_pages(staff))
    assert not found, "\n".join(found)
