"""Public pages are cached fragments keyed by data versions (womenup/cache.py).

A change made by the service that changes the data is visible on the next request; the pages
answer with Redis gone (rendered afresh); a warm page runs fewer queries, the same number at
two data sizes.
"""

import pytest
from django.conf import settings as django_settings
from django.contrib import admin
from django.test import RequestFactory
from django.urls import reverse

from companies import services as company_services
from companies.models import Role
from courses import services as course_services
from courses.models import Course
from matching import services as matching_services
from tests.factories import kernel
from tests.factories.accounts import StaffUserFactory
from tests.factories.applicants import ready_profile
from tests.factories.companies import CompanyFactory, RoleFactory
from tests.factories.courses import CourseFactory, JobCentreFactory, counsellor
from tests.redis_server import RedisServer
from womenup.cache import PROGRAMS, data_version, data_version_bump
from womenup.models import Program

pytestmark = pytest.mark.django_db


def page(client, url: str, **query) -> str:
    response = client.get(url, query)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def intake():
    return kernel.open_intake()


def admin_renames(program: Program, name: str) -> None:
    """Staff rename a programme in admin: the row and admin's history entry."""
    Program.objects.filter(pk=program.pk).update(name=name)
    request = RequestFactory().post("/admin/")
    request.user = StaffUserFactory()
    admin.site._registry[Program].log_change(request, program, [{"changed": {"fields": ["name"]}}])


# --- A change is visible at once -----------------------------------------------------------------


def test_data_version_changes_when_bumped_and_only_then():
    first = data_version(PROGRAMS)
    assert data_version(PROGRAMS) == first
    data_version_bump(PROGRAMS)
    assert data_version(PROGRAMS) != first


def test_role_list_shows_a_closed_role_gone_at_once(client, intake):
    role = RoleFactory(title="캐시 확인 직무")
    assert "캐시 확인 직무" in page(client, reverse("matching:role-list"))
    assert "캐시 확인 직무" in page(client, reverse("matching:role-list"))  # from the cache
    company_services.role_close(role=role)
    assert "캐시 확인 직무" not in page(client, reverse("matching:role-list"))


def test_companies_list_and_page_show_a_rejected_company_gone_at_once(client, intake):
    company = CompanyFactory(name="캐시확인기업")
    RoleFactory(company=company)
    assert "캐시확인기업" in page(client, reverse("companies:list"))
    assert "캐시확인기업" in page(client, reverse("companies:list"))
    assert "모집 중인 직무 1개" in page(client, reverse("companies:list"))
    role = RoleFactory(company=company, status="draft")
    company_services.role_publish(role=role)
    assert "모집 중인 직무 2개" in page(client, reverse("companies:list"))
    company_services.company_reject(company=company, staff=StaffUserFactory(), reason="서류 미비")
    assert "캐시확인기업" not in page(client, reverse("companies:list"))
    assert client.get(reverse("companies:detail", args=[company.pk])).status_code == 404


def test_catalogue_shows_the_seat_taken_at_once(client):
    course = CourseFactory(seats=20)
    assert "남은 자리 20석" in page(client, reverse("courses:catalogue"))
    assert "남은 자리 20석" in page(client, reverse("courses:catalogue"))
    course_services.enrollment_apply(
        course=course, applicant=ready_profile(), motivation="다시 일하고 싶습니다."
    )
    assert "남은 자리 19석" in page(client, reverse("courses:catalogue"))


def test_catalogue_shows_the_waitlist_and_its_end_at_once(client):
    course = CourseFactory(seats=1)
    first, second = ready_profile(), ready_profile()
    course_services.enrollment_apply(course=course, applicant=first, motivation="배우고 싶습니다.")
    assert "대기 0명" in page(client, reverse("courses:catalogue"))
    waiting = course_services.enrollment_apply(
        course=course, applicant=second, motivation="배우고 싶습니다."
    )
    assert "대기 1명" in page(client, reverse("courses:catalogue"))
    course_services.enrollment_withdraw(enrollment=waiting)
    assert "대기 0명" in page(client, reverse("courses:catalogue"))


def test_role_page_is_gone_at_once_when_the_role_closes(client, intake):
    role = RoleFactory(title="닫힐 직무")
    url = reverse("matching:role-detail", args=[role.pk])
    assert "닫힐 직무" in page(client, url)
    assert "닫힐 직무" in page(client, url)  # from the cache
    company_services.role_close(role=role)
    assert client.get(url).status_code == 404


def test_company_page_shows_a_published_role_at_once(client, intake):
    company = CompanyFactory(name="게시확인기업")
    RoleFactory(company=company, title="먼저 올린 직무")
    url = reverse("companies:detail", args=[company.pk])
    assert "먼저 올린 직무" in page(client, url)
    assert "먼저 올린 직무" in page(client, url)
    role = RoleFactory(company=company, status="draft", title="새로 올린 직무")
    assert "새로 올린 직무" not in page(client, url)
    company_services.role_publish(role=role)
    assert "새로 올린 직무" in page(client, url)


def test_course_page_shows_the_seat_taken_at_once(client):
    course = CourseFactory(seats=20)
    url = reverse("courses:detail", args=[course.code])
    assert "남은 자리 20석" in page(client, url)
    assert "남은 자리 20석" in page(client, url)
    course_services.enrollment_apply(
        course=course, applicant=ready_profile(), motivation="다시 일하고 싶습니다."
    )
    assert "남은 자리 19석" in page(client, url)


def test_an_unknown_role_or_course_stays_a_404_once_cached(client, intake):
    for url in (reverse("matching:role-detail", args=[987654]), "/courses/no-such-course/"):
        assert client.get(url).status_code == 404
        assert client.get(url).status_code == 404  # the miss is kept, and still a 404


def test_admin_bulk_deletion_renews_the_public_pages(client, staff):
    """Deleting several selected rows in admin logs them in one bulk insert (no signal): the
    pages are renewed all the same."""
    courses = [CourseFactory(title="지울 과정 하나"), CourseFactory(title="지울 과정 둘")]
    detail = reverse("courses:detail", args=[courses[0].code])
    assert "지울 과정 하나" in page(client, reverse("courses:catalogue"))
    assert "지울 과정 하나" in page(client, detail)
    response = client.post(
        reverse("admin:courses_course_changelist"),
        {"action": "delete_selected", "_selected_action": [c.pk for c in courses], "post": "yes"},
        follow=True,  # and its message is shown
    )
    assert response.status_code == 200
    assert not Course.objects.filter(pk__in=[c.pk for c in courses]).exists()
    catalogue = page(client, reverse("courses:catalogue"))
    assert "지울 과정 하나" not in catalogue and "지울 과정 둘" not in catalogue
    assert client.get(detail).status_code == 404


def test_admin_delete_view_renews_the_public_pages(client, staff, intake):
    role = RoleFactory(title="관리자가 지울 직무")
    url = reverse("matching:role-detail", args=[role.pk])
    assert "관리자가 지울 직무" in page(client, reverse("matching:role-list"))
    assert "관리자가 지울 직무" in page(client, url)
    delete = reverse("admin:companies_role_delete", args=[role.pk])
    assert client.post(delete, {"post": "yes"}, follow=True).status_code == 200  # its message
    assert not Role.objects.filter(pk=role.pk).exists()
    assert "관리자가 지울 직무" not in page(client, reverse("matching:role-list"))
    assert client.get(url).status_code == 404


def test_home_programme_page_and_menu_show_a_programme_renamed_in_admin_at_once(client):
    program = kernel.program()
    detail = reverse("program-detail", args=[program.code])
    for url in (reverse("home"), detail, reverse("companies:list")):  # the menu on every page
        assert program.name in page(client, url)
        assert program.name in page(client, url)
    admin_renames(program, "새 이름의 인턴십")
    for url in (reverse("home"), detail, reverse("companies:list")):
        assert "새 이름의 인턴십" in page(client, url)


def test_cached_fragments_keep_the_visitors_language_and_login_state(client, intake):
    RoleFactory()
    korean = page(client, reverse("matching:role-list"))
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    english = page(client, reverse("matching:role-list"))
    assert korean != english
    assert 'lang="en"' in english and "Search" in english
    client.post(reverse("set_language"), {"language": "ko", "next": "/"})
    assert 'lang="ko"' in page(client, reverse("matching:role-list"))
    assert "회원가입하고 신청하기" in page(client, reverse("home"))
    client.force_login(ready_profile().user)
    assert "회원가입하고 신청하기" not in page(client, reverse("home"))


def test_an_applicant_still_sees_her_own_marks_on_the_role_list(client, intake):
    RoleFactory(title="담을 직무")
    page(client, reverse("matching:role-list"))  # cached for visitors
    profile = ready_profile()
    client.force_login(profile.user)
    role = RoleFactory(title="내가 담은 직무")
    matching_services.choice_add(applicant=profile, role=role)
    assert "지망 목록에 담음" in page(client, reverse("matching:role-list"))


# --- Redis down: pages render afresh ------------------------------------------------------------


@pytest.fixture
def redis(settings):
    server = RedisServer()
    server.start()
    settings.CACHES = {
        "default": {
            **django_settings.CACHES["default"],
            "LOCATION": server.url,
            "OPTIONS": {**django_settings.CACHES["default"]["OPTIONS"], "RETRY_AFTER": 1},
        }
    }
    yield server
    server.close()


PUBLIC_PAGES = [
    ("home", []),
    ("matching:role-list", []),
    ("companies:list", []),
    ("courses:catalogue", []),
]


@pytest.mark.parametrize("outage", ["kill", "freeze"])
def test_cached_pages_answer_with_redis_down_and_show_changes(client, intake, redis, outage):
    role = RoleFactory(title="장애 중 직무")
    course = CourseFactory(title="장애 중 과정")
    urls = [reverse(name, args=args) for name, args in PUBLIC_PAGES]
    urls.append(reverse("program-detail", args=[kernel.program().code]))
    urls.append(reverse("companies:detail", args=[role.company_id]))
    urls.append(reverse("matching:role-detail", args=[role.pk]))
    urls.append(reverse("courses:detail", args=[course.code]))
    urls.append(reverse("matching:self-check"))
    for url in urls:
        page(client, url)  # cached while Redis answers
    getattr(redis, outage)()
    try:
        for url in urls:
            page(client, url)
        assert "장애 중 직무" in page(client, reverse("matching:role-list"))
        company_services.role_close(role=role)  # its bump cannot reach Redis
        assert "장애 중 직무" not in page(client, reverse("matching:role-list"))
        assert client.get(reverse("matching:role-detail", args=[role.pk])).status_code == 404
        assert "장애 중 과정" in page(client, reverse("courses:catalogue"))
    finally:
        if outage == "freeze":
            redis.thaw()


# --- Queries: fewer when warm, the same at two sizes ---------------------------------------------

# A warm public page runs only what the cached fragments do not hold: the lists read their
# page lazily (womenup.pagination.lazy_page), the home page its programmes; a programme's page
# still looks the programme up (a 404 for an unknown code). Nothing else but Redis is asked.
WARM_QUERIES = {
    "home": 0,
    "program-detail": 1,
    "matching:role-list": 0,
    "companies:list": 0,
    "courses:catalogue": 0,
    # Detail pages keep their object too (womenup.cache.cached_object_or_404).
    "matching:role-detail": 0,
    "companies:detail": 0,
    "courses:detail": 0,
    "matching:self-check": 0,
}


def public_data(size: int) -> None:
    for index in range(size):
        company = CompanyFactory(is_innobiz=index % 2 == 0)
        RoleFactory(company=company)
        CourseFactory()


def url_of(name: str) -> str:
    args = {
        "program-detail": lambda: [kernel.program().code],
        "matching:role-detail": lambda: [RoleFactory().pk],
        "companies:detail": lambda: [CompanyFactory().pk],
        "courses:detail": lambda: [CourseFactory().code],
    }.get(name, list)()
    return reverse(name, args=args)


@pytest.mark.parametrize("size", [1, 6])
@pytest.mark.parametrize("name", list(WARM_QUERIES))
def test_warm_public_pages_run_a_fixed_number_of_queries(
    client, django_assert_num_queries, intake, size, name
):
    public_data(size)
    url = url_of(name)
    page(client, url)
    with django_assert_num_queries(WARM_QUERIES[name]):
        page(client, url)


def test_the_cached_menu_keeps_each_account_kinds_own_links(client):
    page(client, reverse("companies:list"))  # the visitors' menu, cached
    client.force_login(counsellor(JobCentreFactory()))
    assert reverse("courses:client-list") in page(client, reverse("companies:list"))
    client.force_login(ready_profile().user)
    assert reverse("courses:client-list") not in page(client, reverse("companies:list"))
