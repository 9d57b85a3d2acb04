"""Uploads that would run code are refused: PDF scripts and actions, files that are also web
pages, and (when ClamAV is configured) what ClamAV finds or cannot scan. Long names keep
their extension."""

import logging
import os
import shutil
import socket
import socketserver
import struct
import tempfile
import threading
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from applicants import services
from applicants.models import Document
from tests.factories.applicants import PDF_BYTES, PNG_BYTES, ApplicantProfileFactory, ready_profile
from womenup.privacy.uploads import upload_content_type

pytestmark = pytest.mark.django_db

JPEG_BYTES = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9"


def _pdf(*objects: bytes) -> bytes:
    """A small PDF with the given objects after its catalog (object 1)."""
    body = b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
    for number, obj in enumerate(objects, start=2):
        body += b"%d 0 obj " % number + obj + b" endobj\n"
    return body + b"trailer << /Root 1 0 R >>\n%%EOF\n"


def _stream(dictionary: bytes, content: bytes) -> bytes:
    return b"<< %s /Length %d >>\nstream\n%s\nendstream" % (dictionary, len(content), content)


def _object_stream(text: bytes) -> bytes:
    """Objects hidden in a compressed object stream, as PDF 1.5+ writers store them."""
    return _stream(b"/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode", zlib.compress(text))


def _check(content: bytes, name: str = "file.pdf") -> str:
    return upload_content_type(SimpleUploadedFile(name, content))


def _refusal(content: bytes, name: str = "file.pdf") -> ValidationError:
    with pytest.raises(ValidationError) as refused:
        _check(content, name)
    return refused.value


# --- PDF actions --------------------------------------------------------------------------------

SCRIPTED = {
    "javascript": _pdf(b"<< /Type /Action /S /JavaScript /JS (app.alert(1)) >>"),
    "open-action-js": _pdf(b"<< /OpenAction << /S /JavaScript /JS 3 0 R >> >>"),
    "launch": _pdf(b"<< /Type /Action /S /Launch /F (cmd.exe) >>"),
    "escaped-name": _pdf(b"<< /S /J#61vaScript /J#53 (app.alert(1)) >>"),
    "embedded-file": _pdf(_stream(b"/Type /EmbeddedFile", b"MZ\x90\x00")),
    "rich-media": _pdf(b"<< /Type /Annot /Subtype /RichMedia >>"),
    "xfa": _pdf(b"<< /AcroForm << /XFA 5 0 R >> >>"),
    "js-in-flate-object-stream": _pdf(
        _object_stream(b"3 0 << /Type /Action /S /JavaScript /JS (app.alert(1)) >>")
    ),
    "launch-in-flate-object-stream": _pdf(
        _object_stream(b"3 0 << /AA << /O << /S /Launch /F (calc.exe) >> >> >>")
    ),
}


@pytest.mark.parametrize("case", SCRIPTED)
def test_a_pdf_that_runs_something_is_refused(case):
    refusal = _refusal(SCRIPTED[case])
    assert refusal.code == "pdf_active"
    assert "자바스크립트" in refusal.messages[0]


def test_an_object_stream_that_cannot_be_read_is_refused():
    garbled = _stream(b"/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode", b"\x00not zlib")
    encoded = _stream(b"/Type /ObjStm /Filter [/ASCIIHexDecode /FlateDecode]", b"2F4A53")
    for content in (_pdf(garbled), _pdf(encoded)):
        assert _refusal(content).code == "pdf_unreadable"


def test_javascript_words_inside_ordinary_streams_do_not_count():
    """Page content and images are not where a reader looks for actions."""
    page = _stream(b"/Filter /FlateDecode", zlib.compress(b"BT (/JS /Launch) Tj ET"))
    image = _stream(b"/Type /XObject /Subtype /Image", b"\x00/JS\x00/Launch\x00")
    clean = _pdf(page, image, _object_stream(b"3 0 << /Type /Page /Parent 2 0 R >>"))
    assert _check(clean) == "application/pdf"


# --- Two types at once --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "name"),
    [
        (PNG_BYTES + b"<html><script>alert(1)</script></html>", "photo.png"),
        (JPEG_BYTES[:-2] + b"<!DOCTYPE html><p>hi" + JPEG_BYTES[-2:], "photo.jpg"),
        (PNG_BYTES + b"<SVG onload=alert(1)>", "photo.png"),
        (PDF_BYTES + b"<html><body><iframe src=x></iframe></body></html>", "resume.pdf"),
        (_pdf(b"<< /S /URI /URI (JavaScript:alert(1)) >>"), "resume.pdf"),
    ],
    ids=["png-html-script", "jpeg-doctype", "png-svg", "pdf-html-tail", "pdf-javascript-uri"],
)
def test_a_file_that_is_also_a_web_page_is_refused(content, name):
    refusal = _refusal(content, name)
    assert refusal.code == "markup"
    assert "HTML" in refusal.messages[0]


@pytest.mark.parametrize(
    ("content", "name", "mime"),
    [
        (PDF_BYTES, "resume.pdf", "application/pdf"),
        (PNG_BYTES, "photo.png", "image/png"),
        (JPEG_BYTES, "photo.jpg", "image/jpeg"),
        (PNG_BYTES + b"<svgs are not tags", "photo.png", "image/png"),
    ],
    ids=["pdf", "png", "jpeg", "png-with-lookalike-bytes"],
)
def test_clean_files_are_accepted(content, name, mime):
    assert _check(content, name) == mime


# --- Long names ---------------------------------------------------------------------------------


def test_a_300_character_name_is_stored_with_its_extension():
    profile = ApplicantProfileFactory()
    long_name = "가" * 296 + ".pdf"
    document = services.document_upload(
        profile=profile, kind="resume", upload=SimpleUploadedFile(long_name, PDF_BYTES)
    )
    document.refresh_from_db()
    assert document.original_name.endswith(".pdf") and len(document.original_name) <= 200
    assert document.original_name.startswith("가" * 100)
    assert document.file.name.endswith(".pdf")


# --- ClamAV -------------------------------------------------------------------------------------

EICAR_MARK = b"EICAR-STANDARD-ANTIVIRUS-TEST-FILE"


class _Clamd(socketserver.StreamRequestHandler):
    """Speaks clamd's INSTREAM protocol: finds the EICAR test string, passes the rest."""

    def handle(self):
        assert self.rfile.read(10) == b"zINSTREAM\0"
        received = b""
        while size := struct.unpack("!L", self.rfile.read(4))[0]:
            received += self.rfile.read(size)
        self.server.scanned.append(received)
        found = EICAR_MARK in received
        self.wfile.write(b"stream: Eicar-Test-Signature FOUND\0" if found else b"stream: OK\0")


@pytest.fixture
def clamd(settings):
    """A clamd stand-in on a unix socket, configured as CLAMD_SOCKET."""
    folder = tempfile.mkdtemp(prefix="clamd", dir="/tmp")  # unix socket paths must be short
    path = os.path.join(folder, "clamd.sock")
    server = socketserver.ThreadingUnixStreamServer(path, _Clamd)
    server.scanned = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.CLAMD_SOCKET = path
    yield server
    server.shutdown()
    server.server_close()
    shutil.rmtree(folder)


def test_clamav_finding_refuses_the_upload(clamd):
    infected = PDF_BYTES + b"% X5O!P%@AP[4\\PZX54(P^)7CC)7}$" + EICAR_MARK + b"!$H+H*\n"
    refusal = _refusal(infected)
    assert refusal.code == "virus" and "악성코드" in refusal.messages[0]
    assert clamd.scanned == [infected]


def test_clamav_ok_accepts_the_upload_and_sees_every_byte(clamd):
    big = PNG_BYTES + b"\x00" * 200_000  # more than one INSTREAM chunk
    assert _check(big, "photo.png") == "image/png"
    assert clamd.scanned == [big]


def test_clamav_down_refuses_the_upload_and_logs_an_error(settings, caplog):
    folder = tempfile.mkdtemp(prefix="clamd", dir="/tmp")
    settings.CLAMD_SOCKET = os.path.join(folder, "clamd.sock")
    with socket.socket(socket.AF_UNIX) as stale:  # a socket file nobody listens on
        stale.bind(settings.CLAMD_SOCKET)
    try:
        with caplog.at_level(logging.ERROR, logger="womenup.privacy.uploads"):
            refusal = _refusal(PDF_BYTES)
    finally:
        shutil.rmtree(folder)
    assert refusal.code == "scan_unavailable"
    assert "잠시 후 다시 시도" in refusal.messages[0]
    assert any("ClamAV" in record.message for record in caplog.records)


def test_without_clamd_socket_nothing_is_sent(settings):
    settings.CLAMD_SOCKET = ""
    assert _check(PDF_BYTES) == "application/pdf"


# --- Through the applicant's upload page ---------------------------------------------------------


@pytest.fixture
def me(client):
    profile = ready_profile()
    client.force_login(profile.user)
    return profile


def test_the_document_page_refuses_a_scripted_pdf_and_keeps_a_long_name(client, me):
    url = reverse("applicants:documents")
    response = client.post(
        url, {"kind": "resume", "file": SimpleUploadedFile("이력서.pdf", SCRIPTED["javascript"])}
    )
    assert response.status_code == 200
    assert "자바스크립트" in response.content.decode()
    assert not Document.objects.exists()

    long_name = "a" * 296 + ".pdf"
    client.post(url, {"kind": "resume", "file": SimpleUploadedFile(long_name, PDF_BYTES)})
    assert Document.objects.get(profile=me).original_name == "a" * 196 + ".pdf"
