"""Exports from admin lists: a reason first, then the file (CSV or XLSX), one access-log row;
phones and birth dates masked without the unmasked-export permission; formulas neutralised."""

import csv
import io
from datetime import date

import openpyxl
import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from companies.models import Company
from tests.factories.accounts import StaffUserFactory, give_totp
from tests.factories.applicants import ApplicantProfileFactory
from tests.factories.companies import CompanyFactory, RoleFactory
from tests.factories.courses import EnrollmentFactory, institution_staff
from tests.factories.matching import InternshipApplicationFactory, PlacementFactory
from womenup.models import PersonalDataAccess
from womenup.privacy.exports import formula_neutralised

pytestmark = pytest.mark.django_db

CSV_FORMAT, XLSX_FORMAT = "0", "1"
REASON = "7월 인턴 임금 지원 정산 자료 제출"


def export_url(model: str, app: str) -> str:
    return reverse(f"admin:{app}_{model}_export")


def export(client, model="applicantprofile", app="applicants", *, fmt=CSV_FORMAT, **extra):
    data = {"format": fmt, "reason": REASON, "resource": "0", **extra}
    return client.post(export_url(model, app) + extra.pop("query", ""), data)


def read_csv(response) -> list[list[str]]:
    text = b"".join(response.streaming_content if response.streaming else [response.content])
    assert text.startswith("\ufeff".encode())  # Excel needs the byte-order mark for Korean
    return list(csv.reader(io.StringIO(text.decode("utf-8-sig"))))


def read_xlsx(response) -> list[list]:
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


def staff_who_may_view(*codenames: str, unmasked: bool = False):
    """City staff who are not superusers: only the permissions named."""
    user = StaffUserFactory(is_superuser=False)
    names = [*codenames, *(["export_unmasked"] if unmasked else [])]
    user.user_permissions.set(Permission.objects.filter(codename__in=names))
    give_totp(user)
    return user


def exports_logged():
    return PersonalDataAccess.objects.filter(action=PersonalDataAccess.Action.EXPORT)


def test_the_list_offers_an_export_that_keeps_its_filters(client, staff):
    url = reverse("admin:companies_company_changelist") + "?status__exact=pending"

    html = client.get(url).content.decode()

    assert 'id="export-link"' in html
    assert f'href="{export_url("company", "companies")}?status__exact=pending"' in html


def test_the_export_page_asks_for_format_and_reason(client, staff):
    page = client.get(export_url("applicantprofile", "applicants"))

    html = page.content.decode()
    assert page.status_code == 200
    assert 'name="reason"' in html and 'id="export-submit"' in html
    assert "CSV" in html and "XLSX" in html
    assert not exports_logged().exists()


@pytest.mark.parametrize("reason", ["", "   ", "확인"])
def test_no_file_without_a_reason(client, staff, reason):
    ApplicantProfileFactory()

    response = export(client, reason=reason)

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert "내보내는 이유를 구체적으로" in response.content.decode() or (
        "필수 항목입니다" in response.content.decode()
    )
    assert not exports_logged().exists()


def test_a_csv_export_masks_phone_and_birth_date_and_logs_its_reason(client):
    ApplicantProfileFactory(name="김하나", phone="+821012345678", birth_date=date(1985, 5, 20))
    staff = staff_who_may_view("view_applicantprofile")
    client.force_login(staff)

    response = export(client)

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"].endswith('.csv"')
    header, row = read_csv(response)
    assert header[:5] == ["번호", "이름", "이메일", "휴대전화", "생년월일"]
    assert row[1:5][0] == "김하나"
    assert row[3:5] == ["010-****-5678", "1985-**-**"]
    access = exports_logged().get()
    assert (access.actor, access.subject, access.reason) == (staff, None, REASON)
    assert access.target == "참여자 프로필 내보내기 (1건, CSV, 휴대전화·생년월일 가림)"


def test_the_unmasked_permission_exports_phone_and_birth_date_whole(client):
    ApplicantProfileFactory(phone="+821012345678", birth_date=date(1985, 5, 20))
    client.force_login(staff_who_may_view("view_applicantprofile", unmasked=True))

    page = client.get(export_url("applicantprofile", "applicants")).content.decode()
    _header, row = read_csv(export(client))

    assert "가려지지 않은 원본" in page
    assert row[3:5] == ["010-1234-5678", "1985-05-20"]
    assert exports_logged().get().target.endswith("(1건, CSV, 원본)")


def test_an_xlsx_export_holds_formulas_as_text(client, staff):
    ApplicantProfileFactory(name='=HYPERLINK("http://evil.example","클릭")')
    ApplicantProfileFactory(name="@SUM(A1:A9)")

    response = export(client, fmt=XLSX_FORMAT)

    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    names = sorted(sheet.cell(row=row, column=2).value for row in (2, 3))
    assert names == ['\'=HYPERLINK("http://evil.example","클릭")', "'@SUM(A1:A9)"]
    assert {sheet.cell(row=row, column=2).data_type for row in (2, 3)} == {"s"}
    assert exports_logged().get().target.endswith("(2건, XLSX, 원본)")


@pytest.mark.parametrize(
    "value, expected",
    [
        ("=1+1", "'=1+1"),
        ("+82 cmd", "'+82 cmd"),
        ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("-300000", "-300000"),
        ("-12.5", "-12.5"),
        ("김하나", "김하나"),
        ("", ""),
        (-300000, -300000),
        (None, None),
    ],
)
def test_formula_starts_are_neutralised_and_numbers_kept(value, expected):
    assert formula_neutralised(value) == expected


def test_a_csv_cell_starting_with_a_formula_is_neutralised(client, staff):
    CompanyFactory(name="-2+3+cmd|' /C calc'!A0", contact_name="\t=1", representative="+김")

    _header, row = read_csv(export(client, "company", "companies"))

    assert row[1] == "'-2+3+cmd|' /C calc'!A0"
    assert row[5] == "'+김"
    assert row[9] == "'\t=1"


def test_the_export_follows_the_lists_filters(client, staff):
    CompanyFactory(status=Company.Status.PENDING, name="검토 중 기업")
    CompanyFactory(status=Company.Status.VERIFIED, name="승인 기업")
    url = export_url("company", "companies") + "?status__exact=pending"

    response = client.post(url, {"format": CSV_FORMAT, "reason": REASON, "resource": "0"})

    rows = read_csv(response)
    assert [row[1] for row in rows[1:]] == ["검토 중 기업"]
    assert rows[1][3] == "검토 중"
    assert exports_logged().get().target.startswith("참여기업 내보내기 (1건")


@pytest.mark.parametrize(
    "factory, model, app",
    [
        (ApplicantProfileFactory, "applicantprofile", "applicants"),
        (InternshipApplicationFactory, "internshipapplication", "matching"),
        (CompanyFactory, "company", "companies"),
        (RoleFactory, "role", "companies"),
        (EnrollmentFactory, "enrollment", "courses"),
        (PlacementFactory, "placement", "matching"),
    ],
    ids=["applicants", "applications", "companies", "roles", "enrollments", "placements"],
)
@pytest.mark.parametrize("fmt", [CSV_FORMAT, XLSX_FORMAT], ids=["csv", "xlsx"])
def test_every_list_exports_in_both_formats_with_one_log_row(
    client, staff, factory, model, app, fmt
):
    factory()
    factory()

    response = export(client, model, app, fmt=fmt)

    assert response.status_code == 200
    rows = read_csv(response) if fmt == CSV_FORMAT else read_xlsx(response)
    assert len(rows) == 3
    assert all(isinstance(header, str) and header for header in rows[0])
    assert exports_logged().count() == 1


def test_institution_staff_export_only_their_own_institutions_enrollments(client):
    own = EnrollmentFactory(applicant__name="우리 기관 수강생")
    EnrollmentFactory(applicant__name="다른 기관 수강생")
    client.force_login(institution_staff(own.course.institution))

    rows = read_csv(export(client, "enrollment", "courses"))

    assert [row[3] for row in rows[1:]] == ["우리 기관 수강생"]
    assert rows[1][5].startswith("010-****-") and rows[1][6] == "1985-**-**"  # no permission


def test_staff_without_the_view_permission_cannot_export(client):
    ApplicantProfileFactory()
    client.force_login(staff_who_may_view("view_company"))

    assert export(client).status_code == 403
    assert not exports_logged().exists()


@pytest.mark.parametrize("size", [2, 12])
def test_an_export_runs_a_fixed_number_of_queries(client, staff, django_assert_num_queries, size):
    for _ in range(size):
        InternshipApplicationFactory()
    client.get(reverse("admin:index"))  # session and permissions warmed up

    # session, user, MFA twice, the intake list filter (one query, with the programmes: see
    # womenup.admin_filters), the rows (one cursor), the access-log row
    with django_assert_num_queries(7):
        response = export(client, "internshipapplication", "matching")

    assert len(read_csv(response)) == size + 1


def test_the_export_page_and_a_history_page_read_in_english(client, staff, settings):
    company = CompanyFactory()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    export_page = client.get(export_url("company", "companies")).content.decode()
    history_page = client.get(
        reverse("admin:companies_company_history", args=[company.pk])
    ).content.decode()

    assert "Reason for the export" in export_page and "File type" in export_page
    assert "Change history: " in history_page and "What changed" in history_page
