"""Uploads are checked by content and size, stored under MEDIA_ROOT, never under static."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from applicants import services
from applicants.models import Document
from tests.factories.applicants import PDF_BYTES, PNG_BYTES, ApplicantProfileFactory, pdf_upload

pytestmark = pytest.mark.django_db

JPEG_BYTES = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + b"\x00" * 64
EXE_BYTES = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 64


@pytest.mark.parametrize(
    ("name", "content", "mime"),
    [
        ("이력서.pdf", PDF_BYTES, "application/pdf"),
        ("자격증.PNG", PNG_BYTES, "image/png"),
        ("수료증.jpg", JPEG_BYTES, "image/jpeg"),
        ("경력증명.jpeg", JPEG_BYTES, "image/jpeg"),
    ],
)
def test_pdf_png_and_jpeg_are_accepted(name, content, mime):
    profile = ApplicantProfileFactory()
    document = services.document_upload(
        profile=profile, kind="resume", upload=SimpleUploadedFile(name, content)
    )
    assert document.content_type == mime
    assert document.original_name == name
    stored = Path(document.file.path)
    assert stored.is_relative_to(Path(settings.MEDIA_ROOT))
    assert not stored.is_relative_to(Path(settings.STATIC_ROOT))
    assert name not in stored.name  # random stored name; the original is kept in the row
    assert stored.read_bytes() == content


def test_a_program_renamed_to_pdf_is_refused():
    with pytest.raises(ValidationError) as error:
        services.document_upload(
            profile=ApplicantProfileFactory(),
            kind="resume",
            upload=SimpleUploadedFile("resume.pdf", EXE_BYTES),
        )
    assert error.value.messages == [
        "PDF, PNG, JPEG 파일만 올릴 수 있습니다. 파일 내용이 이 형식이 아닙니다."
    ]
    assert not Document.objects.exists()


def test_an_image_named_as_a_pdf_is_refused():
    with pytest.raises(ValidationError) as error:
        services.document_upload(
            profile=ApplicantProfileFactory(),
            kind="resume",
            upload=SimpleUploadedFile("resume.pdf", PNG_BYTES),
        )
    assert "파일 이름(resume.pdf)과 실제 내용(PNG)이 다릅니다" in error.value.messages[0]


def test_text_is_refused():
    with pytest.raises(ValidationError, match="PDF, PNG, JPEG 파일만"):
        services.document_upload(
            profile=ApplicantProfileFactory(),
            kind="resume",
            upload=SimpleUploadedFile("resume.txt", "안녕하세요".encode()),
        )


def test_files_over_the_limit_are_refused(settings):
    settings.UPLOAD_MAX_BYTES = 1024 * 1024
    big = PDF_BYTES + b"0" * (1024 * 1024)
    with pytest.raises(ValidationError) as error:
        services.document_upload(
            profile=ApplicantProfileFactory(), kind="resume", upload=pdf_upload(content=big)
        )
    assert "1MB 이하의 파일을 올려 주세요" in error.value.messages[0]


def test_the_default_limit_is_10_mb():
    from womenup.settings import base

    assert base.UPLOAD_MAX_BYTES == 10 * 1024 * 1024


def test_empty_files_are_refused():
    with pytest.raises(ValidationError, match="빈 파일"):
        services.document_upload(
            profile=ApplicantProfileFactory(), kind="resume", upload=pdf_upload(content=b"")
        )


def test_an_unknown_kind_is_refused():
    with pytest.raises(ValidationError, match="서류 종류"):
        services.document_upload(
            profile=ApplicantProfileFactory(), kind="passport", upload=pdf_upload()
        )


def test_deleting_a_document_removes_the_file(django_capture_on_commit_callbacks):
    document = services.document_upload(
        profile=ApplicantProfileFactory(), kind="resume", upload=pdf_upload()
    )
    path = Path(document.file.path)
    with django_capture_on_commit_callbacks(execute=True):
        services.document_delete(document=document)
    assert not path.exists()
    assert not Document.objects.exists()
