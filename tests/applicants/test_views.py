"""Applicant pages: wiring, refusals shown, and nobody reaches another applicant's data."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from applicants import services
from applicants.models import CareerEntry, Consent, Document
from tests.factories import kernel
from tests.factories.accounts import CompanyUserFactory, StaffUserFactory
from tests.factories.applicants import (
    PDF_BYTES,
    ApplicantProfileFactory,
    DocumentFactory,
    give_consents,
    pdf_upload,
    ready_profile,
)
from tests.factories.companies import CompanyMembershipFactory, RoleFactory
from tests.factories.matching import ApplicationChoiceFactory, InternshipApplicationFactory
from womenup.models import PersonalDataAccess
from womenup.payments.services import ledger_entry_approve, ledger_entry_correct

pytestmark = pytest.mark.django_db


@pytest.fixture
def me(client):
    profile = ready_profile()
    client.force_login(profile.user)
    return profile


@pytest.mark.parametrize(
    "name",
    ["applicants:profile", "applicants:qualifications", "applicants:consents",
     "applicants:documents", "applicants:allowance", "applicants:dashboard"],
)  # fmt: skip
def test_anonymous_visitors_are_sent_to_login(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_profile_form_saves_and_normalizes_the_phone(client, me):
    response = client.post(
        reverse("applicants:profile"),
        {
            "name": "박지민",
            "phone": "010-2222-3333",
            "residence_city": kernel.seoul().pk,
            "residence_district": kernel.district("gwanak").pk,
            "desired_job_categories": [kernel.job_category("design").pk],
        },
    )
    assert response.status_code == 302
    me.refresh_from_db()
    assert me.phone == "+821022223333"
    assert me.residence_district.code == "gwanak"


def test_profile_form_shows_the_phone_refusal_and_changes_nothing(client, me):
    response = client.post(reverse("applicants:profile"), {"name": "박지민", "phone": "12345"})
    assert response.status_code == 200
    assert "전화번호 형식이 올바르지 않습니다" in response.content.decode()
    me.refresh_from_db()
    assert me.name != "박지민"


def test_the_profile_page_tells_what_is_missing(client):
    profile = ApplicantProfileFactory(phone="")
    client.force_login(profile.user)
    page = client.get(reverse("applicants:profile")).content.decode()
    assert "아직 입력하지 않은 항목" in page and "휴대전화" in page


def test_consent_form_records_each_item(client, me):
    client.post(reverse("applicants:consents"), {"collection": "on", "provision": "on"})
    assert set(
        Consent.objects.filter(profile=me, withdrawn_at__isnull=True).values_list("item", flat=True)
    ) == {"collection", "provision"}
    client.post(
        reverse("applicants:consents"), {"collection": "on", "provision": "on", "marketing": "on"}
    )
    assert Consent.objects.filter(profile=me, item="marketing", withdrawn_at__isnull=True).exists()


def test_consent_page_shows_notice_text_and_version(client, me):
    page = client.get(reverse("applicants:consents")).content.decode()
    assert "고지문 버전 2024.1" in page
    assert "주민등록번호는 수집하지 않습니다" in page


def test_qualification_add_and_delete(client, me):
    response = client.post(
        reverse("applicants:qualification-add", args=["certificate"]),
        {
            "certificate-name": "GTQ 1급",
            "certificate-issuer": "KPC",
            "certificate-acquired_on": "2019-05-01",
        },
    )
    assert response.status_code == 302
    assert me.certificates.get().name == "GTQ 1급"
    entry = me.career_entries.get()
    client.post(reverse("applicants:qualification-delete", args=["career", entry.pk]))
    assert not CareerEntry.objects.filter(pk=entry.pk).exists()


def test_a_disguised_upload_is_refused_with_its_message(client, me):
    response = client.post(
        reverse("applicants:documents"),
        {"kind": "resume", "file": SimpleUploadedFile("resume.pdf", b"MZ\x90\x00 program")},
    )
    assert response.status_code == 200
    assert "PDF, PNG, JPEG 파일만 올릴 수 있습니다" in response.content.decode()
    assert not Document.objects.exists()


def test_an_upload_is_listed_and_downloadable_by_its_owner(client, me):
    client.post(
        reverse("applicants:documents"),
        {"kind": "resume", "file": SimpleUploadedFile("내 이력서.pdf", PDF_BYTES)},
    )
    document = Document.objects.get(profile=me)
    response = client.get(reverse("applicants:document-download", args=[document.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF_BYTES
    assert "attachment" in response["Content-Disposition"]


def test_documents_are_not_under_a_public_url(client, me):
    document = DocumentFactory(profile=me)
    assert client.get("/media/" + document.file.name).status_code == 404


# --- Nobody reaches another applicant's data -----------------------------------------------------


@pytest.fixture
def hers():
    profile = ready_profile()
    return {"profile": profile, "document": DocumentFactory(profile=profile)}


def test_another_applicants_document_is_404(client, me, hers):
    document = hers["document"]
    assert (
        client.get(reverse("applicants:document-download", args=[document.pk])).status_code == 404
    )
    response = client.post(reverse("applicants:document-delete", args=[document.pk]))
    assert response.status_code == 404
    assert Document.objects.filter(pk=document.pk).exists()


def test_another_applicants_qualification_is_404(client, me, hers):
    entry = hers["profile"].career_entries.get()
    response = client.post(reverse("applicants:qualification-delete", args=["career", entry.pk]))
    assert response.status_code == 404
    assert CareerEntry.objects.filter(pk=entry.pk).exists()


def test_my_profile_page_never_shows_hers(client, me, hers):
    page = client.get(reverse("applicants:profile")).content.decode()
    assert hers["profile"].name not in page
    assert me.name in page


# --- Companies and staff ------------------------------------------------------------------------


def test_companies_download_candidates_files_elsewhere(client, hers):
    """Candidates' files are served by ``matching:candidate-document`` (tests/matching)."""
    kernel.open_intake()
    membership = CompanyMembershipFactory()
    application = InternshipApplicationFactory(applicant=hers["profile"], status="submitted")
    ApplicationChoiceFactory(application=application, role=RoleFactory(company=membership.company))
    client.force_login(membership.user)
    url = reverse("applicants:document-download", args=[hers["document"].pk])
    assert client.get(url).status_code == 404
    client.force_login(CompanyUserFactory())
    assert client.get(url).status_code == 404


def test_staff_downloads_are_logged(client, hers, staff):
    response = client.get(reverse("applicants:document-download", args=[hers["document"].pk]))
    assert response.status_code == 200
    record = PersonalDataAccess.objects.get()
    assert record.actor == staff and record.subject == hers["profile"].user
    assert record.action == PersonalDataAccess.Action.DOWNLOAD


def test_institution_staff_cannot_download(client, hers):
    from tests.factories.accounts import give_totp

    institution_staff = StaffUserFactory(account_type="institution", is_superuser=False)
    give_totp(institution_staff)
    client.force_login(institution_staff)
    url = reverse("applicants:document-download", args=[hers["document"].pk])
    assert client.get(url).status_code == 404


def test_the_owner_download_is_not_logged(client, me):
    document = DocumentFactory(profile=me)
    client.get(reverse("applicants:document-download", args=[document.pk]))
    assert not PersonalDataAccess.objects.exists()


# --- Allowance page -----------------------------------------------------------------------------


def test_allowance_apply_and_report_through_the_pages(client, me):
    kernel.open_intake("seoul-allowance")
    response = client.post(reverse("applicants:allowance"), {"job_search_plan": "디자인 직무 구직"})
    assert response.status_code == 302
    application = me.allowance_applications.get()
    from django.utils import timezone

    response = client.post(
        reverse("applicants:activity-report-submit", args=[application.pk]),
        {
            "month": timezone.localdate().strftime("%Y-%m"),
            "activities": "2곳 면접",
            "evidence": SimpleUploadedFile("면접확인.pdf", PDF_BYTES),
        },
    )
    assert response.status_code == 302
    assert application.reports.count() == 1
    page = client.get(reverse("applicants:allowance")).content.decode()
    assert "검토 중" in page


def test_allowance_refusal_is_shown(client):
    kernel.open_intake("seoul-allowance")
    profile = ApplicantProfileFactory(employment_status="employed")
    give_consents(profile)
    client.force_login(profile.user)
    response = client.post(reverse("applicants:allowance"), {"job_search_plan": "계획"})
    assert response.status_code == 200
    assert "재직 중" in response.content.decode()


def test_another_applicants_allowance_is_404(client, me):
    kernel.open_intake("seoul-allowance")
    other = ready_profile()
    from applicants.services import allowance_apply

    application = allowance_apply(profile=other, job_search_plan="계획")
    response = client.post(
        reverse("applicants:activity-report-submit", args=[application.pk]),
        {"month": "2024-06", "activities": "x", "evidence": SimpleUploadedFile("a.pdf", PDF_BYTES)},
    )
    assert response.status_code == 404
    assert not application.reports.exists()


def test_the_allowance_page_shows_what_the_ledger_pays_for_each_month(client, me):
    kernel.open_intake("seoul-allowance")
    application = services.allowance_apply(profile=me, job_search_plan="계획")
    report = services.activity_report_submit(
        application=application, month=timezone.localdate(), activities="지원", upload=pdf_upload()
    )
    staff = StaffUserFactory()
    payment = services.activity_report_accept(report=report, staff=staff)
    page = client.get(reverse("applicants:allowance")).content.decode()
    assert "300,000원</span> · 승인 대기" in page
    ledger_entry_approve(entry=payment, staff=staff)
    correction = ledger_entry_correct(entry=payment, amount_krw=200_000, reason="중복", staff=staff)
    ledger_entry_approve(entry=correction, staff=staff)
    page = client.get(reverse("applicants:allowance")).content.decode()
    assert "200,000원</span> · 지급 승인" in page
