"""Staff import past participations from a spreadsheet: a dry-run preview, row-level errors,
nothing saved until every row is right; the imported history blocks in screening."""

import re
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from applicants.models import ParticipationRecord
from applicants.selectors import applicant_facts
from tests.factories.applicants import ApplicantProfileFactory

pytestmark = pytest.mark.django_db

IMPORT_URL = "admin:applicants_participationrecord_import"
PROCESS_URL = "admin:applicants_participationrecord_process_import"


def upload(client, text: str):
    page = client.get(reverse(IMPORT_URL)).content.decode()
    csv_choice = re.search(r'<option value="(\w+)"[^>]*>csv</option>', page, re.IGNORECASE)
    return client.post(
        reverse(IMPORT_URL),
        {
            "format": csv_choice[1],
            "import_file": SimpleUploadedFile("history.csv", text.encode(), "text/csv"),
        },
    )


def confirm(client, preview):
    form = preview.context["confirm_form"]
    return client.post(reverse(PROCESS_URL), {**form.initial}, follow=True)


@pytest.fixture
def people():
    return (
        ApplicantProfileFactory(user__email="kim@example.kr"),
        ApplicantProfileFactory(user__email="lee@example.kr"),
    )


def test_a_clean_sheet_is_previewed_then_imported(staff_client, people):
    kim, lee = people
    sheet = (
        "email,program,started_on,ended_on,note\n"
        "kim@example.kr,gm-0123-jobs,2026-01-01,2026-05-31,광명시 명단\n"
        "LEE@example.kr,gm-youth-intern,2025-02-01,2025-12-31,\n"
    )
    preview = upload(staff_client, sheet)

    assert preview.status_code == 200
    assert "confirm_form" in preview.context  # the dry run: shown, not saved
    assert not ParticipationRecord.objects.exists()

    confirm(staff_client, preview)

    assert sorted(
        ParticipationRecord.objects.values_list("profile_id", "program__code", "started_on")
    ) == sorted(
        [(kim.pk, "gm-0123-jobs", date(2026, 1, 1)), (lee.pk, "gm-youth-intern", date(2025, 2, 1))]
    )
    assert applicant_facts(kim).participation_records == (
        ("gm-0123-jobs", date(2026, 1, 1), date(2026, 5, 31)),
    )


def test_importing_the_same_sheet_twice_changes_nothing(staff_client, people):
    sheet = (
        "email,program,started_on,ended_on,note\n"
        "kim@example.kr,gm-0123-jobs,2026-01-01,2026-05-31,\n"
    )
    confirm(staff_client, upload(staff_client, sheet))
    confirm(staff_client, upload(staff_client, sheet))
    assert ParticipationRecord.objects.count() == 1


def test_bad_rows_are_reported_on_their_row_and_nothing_is_saved(staff_client, people):
    sheet = (
        "email,program,started_on,ended_on,note\n"
        "kim@example.kr,gm-0123-jobs,2026-01-01,2026-05-31,\n"
        "nobody@example.kr,gm-0123-jobs,2026-01-01,2026-05-31,\n"
        "kim@example.kr,no-such-programme,2026-01-01,2026-05-31,\n"
        "kim@example.kr,gm-0123-jobs,2026-13-01,2026-05-31,\n"
        "lee@example.kr,gm-0123-jobs,2026-06-01,2026-05-31,\n"
    )
    preview = upload(staff_client, sheet)
    page = preview.content.decode()

    assert "confirm_form" not in preview.context  # nothing to confirm while rows are wrong
    assert "이 이메일(nobody@example.kr)로 가입한 참여자가 없습니다." in page
    assert "사업 코드 no-such-programme에 해당하는 사업이 없습니다." in page
    assert "YYYY-MM-DD" in page and "2026-13-01" in page
    result = preview.context["result"]
    unreadable = [number for number, _errors in result.row_errors()]  # a cell cannot be read
    invalid = [row.number for row in result.invalid_rows]  # the record itself is wrong
    assert (sorted(unreadable), invalid) == ([2, 3, 4], [5])
    assert not ParticipationRecord.objects.exists()


def test_a_period_ending_before_it_starts_is_named_on_its_row(staff_client, people):
    sheet = (
        "email,program,started_on,ended_on,note\n"
        "kim@example.kr,gm-0123-jobs,2026-01-01,2026-05-31,\n"
        "lee@example.kr,gm-0123-jobs,2026-06-01,2026-05-31,\n"
    )
    preview = upload(staff_client, sheet)
    assert [row.number for row in preview.context["result"].invalid_rows] == [2]
    assert "참여 종료일이 참여 시작일보다 빠릅니다." in preview.content.decode()
