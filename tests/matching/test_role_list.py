"""The one public role list and role page: what "open" means, filters, the applicant's choose
button and gate, the former addresses, and a fixed number of queries."""

from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from companies.models import Company, Role
from matching import services
from tests.factories import kernel
from tests.factories.accounts import CompanyUserFactory
from tests.factories.applicants import ready_profile
from tests.factories.companies import CompanyFactory, RoleFactory
from tests.factories.courses import CourseFactory
from womenup.models import IntakeWindow, Program

pytestmark = pytest.mark.django_db

CHOOSE = "지망 목록에 담기"


@pytest.fixture
def intake():
    return kernel.open_intake()


@pytest.fixture
def me(client, intake):
    profile = ready_profile()
    client.force_login(profile.user)
    return profile


def listed_titles(client, **query) -> list[str]:
    response = client.get(reverse("matching:role-list"), query)
    assert response.status_code == 200
    return [role.title for role in response.context["page"].object_list]


# --- One meaning of "open": on the list exactly when choice_add accepts it ---------------------


def intake_in_state(state: str) -> IntakeWindow:
    today = timezone.localdate()
    days = {
        "open": (-30, 60),
        "opens today": (0, 10),
        "closes today": (-10, 0),
        "closed": (-60, -1),
        "not yet open": (1, 30),
    }[state.removesuffix(", another intake open")]
    if state.endswith(", another intake open"):
        kernel.open_intake()  # the program takes applications, through another intake
    return IntakeWindow.objects.create(
        program=kernel.program(),
        label=state,
        opens_on=today + timedelta(days=days[0]),
        closes_on=today + timedelta(days=days[1]),
    )


INTAKE_STATES = [
    "open", "opens today", "closes today", "closed", "not yet open",
    "closed, another intake open", "not yet open, another intake open",
]  # fmt: skip


@pytest.mark.parametrize("intake_state", INTAKE_STATES)
@pytest.mark.parametrize("status", [Role.Status.DRAFT, Role.Status.PUBLISHED, Role.Status.CLOSED])
@pytest.mark.parametrize("program_active", [True, False])
@pytest.mark.parametrize("company_status", [Company.Status.VERIFIED, Company.Status.PENDING])
def test_a_role_is_on_the_list_exactly_when_an_applicant_can_choose_it(
    client, intake_state, status, program_active, company_status
):
    role = RoleFactory(
        title="확인할 직무",
        status=status,
        intake=intake_in_state(intake_state),
        company=CompanyFactory(status=company_status),
    )
    Program.objects.filter(code="seoul-internship").update(is_active=program_active)
    listed = role.title in listed_titles(client)
    try:
        application = services.choice_add(applicant=ready_profile(), role=role)
    except ValidationError as error:
        assert "지금 모집 중이 아닙니다" in error.messages[0]
        chosen = False
    else:
        assert application.intake_id == role.intake_id  # her application of the role's intake
        chosen = True
    assert listed == chosen
    expected = (
        status == Role.Status.PUBLISHED
        and company_status == Company.Status.VERIFIED
        and program_active
        and intake_state in ("open", "opens today", "closes today")
    )
    assert listed == expected


def test_the_detail_page_says_when_a_published_role_is_not_open(client, me):
    role = RoleFactory(intake=intake_in_state("closed, another intake open"))
    page = client.get(reverse("matching:role-detail", args=[role.pk])).content.decode()
    assert "지금은 접수 기간이 아닙니다." in page and CHOOSE not in page
    response = client.post(reverse("matching:choice-add", args=[role.pk]), follow=True)
    assert "지금 모집 중이 아닙니다" in response.content.decode()


def test_drafts_closed_roles_and_pending_companies_have_no_public_page(client, intake):
    for role in (
        RoleFactory(status=Role.Status.DRAFT),
        RoleFactory(status=Role.Status.CLOSED),
        RoleFactory(company=CompanyFactory(status=Company.Status.PENDING)),
    ):
        assert client.get(reverse("matching:role-detail", args=[role.pk])).status_code == 404


# --- Filters (one FilterSet: companies.filters.RoleFilter) --------------------------------------


def test_filters_and_search(client, intake):
    wanted = RoleFactory(
        title="찾는 직무", track=Role.Track.RECRUIT_LINKED,
        job_category=kernel.job_category("design"), district=kernel.district("gangnam"),
        work_type="flexible", weekly_hours=35, company=CompanyFactory(is_family_friendly=True),
    )  # fmt: skip
    RoleFactory(title="다른 분야", job_category=kernel.job_category("sales"))
    RoleFactory(title="다른 지역", district=kernel.district("jongno"))
    RoleFactory(title="전일제 디자인", job_category=kernel.job_category("design"))
    query = {
        "track": "recruit_linked",
        "job_category": kernel.job_category("design").pk,
        "district": kernel.district("gangnam").pk,
        "work_type": "flexible",
        "badge": "family_friendly",
    }
    assert listed_titles(client, **query) == [wanted.title]
    assert listed_titles(client, q="찾는") == [wanted.title]
    assert listed_titles(client, badge="innobiz") == []
    assert "전일제 디자인" in listed_titles(client, work_type="full_time")


# --- The choose button and the gate: for applicants, not for others ------------------------------


def role_page(client, role) -> str:
    response = client.get(reverse("matching:role-detail", args=[role.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_an_applicant_gets_the_choose_button_and_the_gate(client, me):
    open_role = RoleFactory()
    page = role_page(client, open_role)
    assert CHOOSE in page and reverse("matching:choice-add", args=[open_role.pk]) in page
    assert 'data-testid="role-gate"' not in page
    gated = RoleFactory(
        track=Role.Track.IT_TRAINING_LINKED,
        required_course=CourseFactory(title="디지털 마케팅 직무교육"),
    )
    page = role_page(client, gated)
    assert 'data-testid="role-gate"' in page
    assert "디지털 마케팅 직무교육을 수료한 분만 지원할 수 있습니다." in page
    assert CHOOSE not in page
    response = client.post(reverse("matching:choice-add", args=[gated.pk]), follow=True)
    assert "수료한 분만 지원할 수 있습니다" in response.content.decode()
    listing = client.get(reverse("matching:role-list")).content.decode()
    assert listing.count('data-testid="role-gate"') == 1


def test_a_chosen_role_says_so_instead_of_offering_the_button_again(client, me):
    role = RoleFactory()
    client.post(reverse("matching:choice-add", args=[role.pk]))
    page = role_page(client, role)
    assert "이미 지망 목록에 담았습니다." in page and CHOOSE not in page
    assert "지망 목록에 담음" in client.get(reverse("matching:role-list")).content.decode()


@pytest.mark.parametrize("who", ["anonymous", "company"])
def test_others_get_neither_the_button_nor_the_gate(client, intake, who):
    if who == "company":
        client.force_login(CompanyUserFactory())
    gated = RoleFactory(
        track=Role.Track.IT_TRAINING_LINKED, required_course=CourseFactory(title="직무교육")
    )
    for role in (RoleFactory(), gated):
        page = role_page(client, role)
        assert CHOOSE not in page and 'data-testid="role-gate"' not in page
        if who == "anonymous":
            assert "로그인하고 지원하기" in page
        else:
            assert "인턴십 지원은 참여자 계정으로만 할 수 있습니다." in page
    listing = client.get(reverse("matching:role-list")).content.decode()
    assert 'data-testid="role-gate"' not in listing


# --- The former addresses redirect permanently -------------------------------------------------


def test_the_former_list_redirects_permanently_with_its_filters(client, intake):
    query = "track=recruit_linked&work_type=flexible&badges=is_innobiz&badges=is_venture&page=2"
    response = client.get(f"/internship/roles/?{query}")
    assert response.status_code == 301
    location = urlsplit(response.headers["Location"])
    assert location.path == reverse("matching:role-list") == "/roles/"
    assert parse_qs(location.query) == {
        "track": ["recruit_linked"],
        "work_type": ["flexible"],
        "badge": ["innobiz"],
        "page": ["2"],
    }
    bare = client.get("/internship/roles/")
    assert (bare.status_code, bare.headers["Location"]) == (301, "/roles/")


def test_the_former_role_page_redirects_permanently(client, intake):
    role = RoleFactory()
    response = client.get(f"/internship/roles/{role.pk}/?from=mail")
    assert response.status_code == 301
    assert response.headers["Location"] == f"/roles/{role.pk}/?from=mail"


# --- A fixed number of queries at two sizes ----------------------------------------------------

LIST_QUERIES_ANONYMOUS = 5  # menu, the two filter option lists, count, page
# + session, user, her profile, her facts (3), the programs' gate rules, her chosen roles
LIST_QUERIES_APPLICANT = 15  # with her participation history (imported, placed)
# Warm: the page of roles and its count come from the cache (womenup.pagination.cached_page),
# and so do the menu and the filter bar.
LIST_QUERIES_APPLICANT_WARM = 10


def some_roles(count: int) -> None:
    course = CourseFactory()
    for index in range(count):
        gated = index % 2 == 1
        RoleFactory(
            track=Role.Track.IT_TRAINING_LINKED if gated else Role.Track.RECRUIT_LINKED,
            required_course=course if gated else None,
            company=CompanyFactory(is_innobiz=gated),
        )


@pytest.mark.parametrize("count", [2, 24])
def test_list_queries_anonymous(client, django_assert_num_queries, intake, count):
    some_roles(count)
    with django_assert_num_queries(LIST_QUERIES_ANONYMOUS):
        response = client.get(reverse("matching:role-list"), {"work_type": "full_time"})
    assert len(response.context["page"].object_list) == min(count, 20)


@pytest.mark.parametrize("count", [2, 24])
def test_list_queries_applicant(client, django_assert_num_queries, me, count):
    some_roles(count)
    with django_assert_num_queries(LIST_QUERIES_APPLICANT):
        response = client.get(reverse("matching:role-list"), {"work_type": "full_time"})
    assert len(response.context["page"].object_list) == min(count, 20)
    with django_assert_num_queries(LIST_QUERIES_APPLICANT_WARM):
        response = client.get(reverse("matching:role-list"), {"work_type": "full_time"})
    assert len(response.context["page"].object_list) == min(count, 20)
    assert response.context["page"].paginator.num_pages == (2 if count > 20 else 1)
