"""Every site form and every admin add/change form, posted with hostile input: no server error
and no change to the database.

Each page is fetched as the persona the access matrix lets in (tests/access), its forms are
read from the HTML, and hypothesis replaces one field per example: text with NUL bytes and
control characters (also 100,000 characters long), numbers far outside any column, choices
that do not exist, text or an HTML file where a file is expected, and impossible dates.
"""

import pytest
from django.contrib import admin
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.access.test_access_matrix import table
from tests.factories.accounts import staff_with_mfa
from tests.kernel.form_posts import (
    FUZZ_SETTINGS,
    changed_tables,
    fingerprint,
    forms_of,
    post_back,
)
from tests.kernel.test_form_dates_fuzz import HOSTILE_DATES

pytestmark = pytest.mark.django_db

PROJECT_APPS = ("womenup", "applicants", "companies", "courses", "matching")
TEXT_KINDS = {"text", "email", "url", "tel", "password", "search", "textarea", "hidden"}
NUMBER_KINDS = {"number"}
CHOICE_KINDS = {"select", "select-multiple", "radio"}
DATE_KINDS = {"date", "datetime-local", "month", "time"}
NOT_FUZZED = {"csrfmiddlewaretoken"}

with_nul = st.builds(
    lambda before, after: f"{before}\x00{after}", st.text(max_size=20), st.text(max_size=20)
)
HOSTILE_TEXT = st.one_of(
    with_nul,
    st.just("가" * 100_000 + "\x00"),
    st.just("".join(chr(code) for code in range(32))),
)
HOSTILE_NUMBERS = st.sampled_from(
    [
        "-1",
        "-99999999999999999999",
        "99999999999999999999",
        "2147483648",
        "1e400",
        "NaN",
        "Infinity",
        "1.5",
        "0x1F",
        "1\x00",
        "숫자",
    ]
)
HOSTILE_CHOICES = st.sampled_from(["999999999", "-1", "\x00", "x" * 10_000, "' OR 1=1 --"])


def hostile_file():
    return st.sampled_from(
        [
            "이것은 파일이 아닙니다",
            SimpleUploadedFile("empty.pdf", b""),
            SimpleUploadedFile("page.pdf", b"<html><script>alert(1)</script></html>"),
            SimpleUploadedFile("a" * 300 + ".exe", b"MZ\x90\x00"),
        ]
    )


def strategy_for(kind: str, classes: str):
    if "vDateField" in classes or kind in DATE_KINDS:
        return st.sampled_from(HOSTILE_DATES)
    if kind in TEXT_KINDS:
        return HOSTILE_TEXT
    if kind in NUMBER_KINDS:
        return HOSTILE_NUMBERS
    if kind in CHOICE_KINDS:
        return HOSTILE_CHOICES
    if kind == "file":
        return hostile_file()
    return None


def leaves_the_session(form) -> bool:
    return form.action in (reverse("account_logout"), reverse("set_language"))


def fuzz_page(client, url: str, *, examples: int = 15) -> int:
    """Post each form of the page with one hostile field per example; returns the field count."""
    response = client.get(url)
    if response.status_code != 200:
        return 0
    targets = [
        (form, item.name, strategy)
        for form in forms_of(response.content.decode())
        if not leaves_the_session(form)
        for item in form.inputs
        if item.name not in NOT_FUZZED
        and "__prefix__" not in item.name  # an admin inline's blank template
        and (strategy := strategy_for(item.kind, item.classes)) is not None
    ]
    if not targets:
        return 0

    @settings(max_examples=examples, **FUZZ_SETTINGS)
    @given(data=st.data())
    def check(data):
        form, name, strategy = data.draw(st.sampled_from(targets))
        value = data.draw(strategy)
        if hasattr(value, "seek"):
            value.seek(0)
        before = fingerprint()
        answer = post_back(client, url, form, **{name: value})
        assert answer.status_code < 500, (url, name, repr(value)[:80])
        assert not changed_tables(before), (url, name, repr(value)[:80])

    check()
    return len(targets)


def build_everything(world) -> None:
    """Every object the access rows build, and one of each model admin shows besides."""
    from tests.factories import applicants, courses, matching

    for row in table().values():
        if row.kwargs:
            row.kwargs(world)
    applicants.CertificateFactory()
    applicants.CompletedTrainingFactory()
    courses.AttendanceFactory()
    courses.CourseCertificateFactory()
    courses.FollowUpFactory()
    matching.ScreeningResultFactory()
    matching.IncentiveClaimFactory()
    matching.CandidateEvaluationFactory()


def admin_form_urls() -> list[str]:
    """The add page and one change page of every model our apps register in admin."""
    urls = []
    for model in sorted(admin.site._registry, key=lambda model: model._meta.label):
        meta = model._meta
        if meta.app_label not in PROJECT_APPS:
            continue
        urls.append(reverse(f"admin:{meta.app_label}_{meta.model_name}_add"))
        first = model.objects.order_by("pk").first()
        if first is not None:
            urls.append(
                reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[first.pk])
            )
    return urls


SITE_PAGES = {
    "applicant": [
        ("applicants:profile", None),
        ("applicants:qualifications", None),
        ("applicants:documents", None),
        ("applicants:allowance", None),
        ("applicants:consents", None),
        ("courses:detail", "course_code"),
        ("matching:role-detail", "company_role"),
        ("matching:application-detail", "application_pk"),
    ],
    "company": [
        ("companies:profile", None),
        ("companies:dashboard", None),
        ("companies:members", None),
        ("companies:role-create", None),
        ("companies:role-edit", "role_kwargs"),
        ("matching:role-ranking", "role_kwargs"),
        ("matching:candidate", "candidate_kwargs"),
        ("matching:intern-contract", "placement"),
        ("matching:intern-hire", "placement"),
    ],
    "anonymous": [
        ("account_signup", None),
        ("account_login", None),
        ("account_reset_password", None),
    ],
}


def _kwargs(world, name):
    from tests.access import rows_applicants, rows_companies, rows_courses, rows_matching

    builders = {
        "course_code": rows_courses.course_code,
        "company_role": lambda w: {"pk": rows_applicants.company_role(w).pk},
        "application_pk": rows_matching.application_pk,
        "role_kwargs": rows_companies.role_kwargs,
        "candidate_kwargs": rows_companies.candidate_kwargs,
        "placement": lambda w: {"pk": rows_companies.placement(w).pk},
    }
    return builders[name](world) if name else {}


@pytest.mark.parametrize("persona", sorted(SITE_PAGES))
def test_site_forms_survive_hostile_input(client, world, persona):
    build_everything(world)
    if persona != "anonymous":
        client.force_login(getattr(world, persona))
    fuzzed = {
        name: fuzz_page(client, reverse(name, kwargs=_kwargs(world, kwargs)))
        for name, kwargs in SITE_PAGES[persona]
    }
    assert sum(fuzzed.values()) > 0, fuzzed


def test_admin_forms_survive_hostile_input(client, world):
    build_everything(world)
    client.force_login(staff_with_mfa(is_superuser=True))
    fuzzed = {url: fuzz_page(client, url, examples=6) for url in admin_form_urls()}
    assert len([url for url, count in fuzzed.items() if count]) >= 20, fuzzed


def test_a_tampered_inline_count_does_not_break_the_company_admin(client, world):
    from tests.access.rows_companies import companies, proof_kwargs

    company = companies(world)
    proof_kwargs(world)  # the company has a badge proof: the inline shows a row
    client.force_login(staff_with_mfa(is_superuser=True))
    url = reverse("admin:companies_company_change", args=[company.pk])
    [form] = [form for form in forms_of(client.get(url).content.decode()) if "name" in form.names()]
    before = fingerprint()
    response = post_back(client, url, form, **{"badge_proofs-INITIAL_FORMS": "2\x00"})
    assert response.status_code == 200
    assert not changed_tables(before)
