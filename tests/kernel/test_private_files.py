"""Every private upload goes through one model, one path factory and one store helper
(``womenup/privacy/private_files.py``)."""

import re

import pytest
from django.db.migrations.writer import MigrationWriter

from applicants import services as applicant_services
from applicants.models import ActivityReport, Document
from companies import services as company_services
from companies.models import BadgeProof
from matching.models import HireConfirmation
from tests.factories.applicants import ApplicantProfileFactory, pdf_upload
from tests.factories.companies import CompanyFactory
from womenup.privacy.private_files import PrivateUpload, private_upload_path

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", [Document, ActivityReport, BadgeProof, HireConfirmation])
def test_each_private_file_is_a_private_upload_with_the_one_path_factory(model):
    assert issubclass(model, PrivateUpload)
    assert isinstance(model._meta.get_field("file").upload_to, private_upload_path)


def test_the_path_factory_survives_a_migration_round_trip():
    path = private_upload_path("company-proofs", owner="company_id")
    text, imports = MigrationWriter.serialize(path)
    assert (
        text
        == "womenup.privacy.private_files.private_upload_path('company-proofs', owner='company_id')"
    )
    assert eval(text, {"womenup": __import__("womenup.privacy.private_files")}) == path
    assert path != private_upload_path("company-hires", owner="company_id")


def test_stored_under_the_owner_with_a_random_name_and_the_original_name_kept():
    profile = ApplicantProfileFactory()
    document = applicant_services.document_upload(
        profile=profile, kind="resume", upload=pdf_upload("내 이력서.pdf")
    )
    company = CompanyFactory()
    proof = company_services.badge_proof_upload(
        company=company, badge="innobiz", upload=pdf_upload("인증서.pdf")
    )

    assert re.fullmatch(
        rf"applicant-documents/{profile.pk}/[0-9a-f]{{32}}\.pdf", document.file.name
    )
    assert re.fullmatch(rf"company-proofs/{company.pk}/[0-9a-f]{{32}}\.pdf", proof.file.name)
    assert (document.original_name, document.content_type) == ("내 이력서.pdf", "application/pdf")
    assert document.size == proof.size == len(pdf_upload().read())
    assert document.uploaded_at is not None
