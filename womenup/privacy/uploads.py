"""Uploads are checked by their bytes (not the file name) and by size, for every app.

Beyond the type: no HTML or script anywhere in the file (a file two types at once), no PDF
JavaScript, launch actions, attachments, rich media or XFA forms (also inside compressed object
streams), and, when ``CLAMD_SOCKET`` is set, a ClamAV scan that refuses the file when ClamAV
cannot be reached.
"""

import logging
import re
import socket
import struct
import zlib
from collections.abc import Iterator
from pathlib import PurePath

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

ALLOWED_UPLOADS = {
    "application/pdf": ("pdf",),
    "image/png": ("png",),
    "image/jpeg": ("jpg", "jpeg"),
}

# Markup a browser would run if it took the file for a web page (searched in the lower-cased
# bytes); the delimiter after a tag name keeps random image or compressed bytes from matching.
MARKUP_TAG = re.compile(rb"<(?:html|script|svg|iframe)[\s/>]|<!doctype\s+html")
# PDF names (keys and values) that run code, launch programs or carry other files.
PDF_REGULAR = rb"[^\x00\t\n\x0c\r /<>\[\]()%{}]"
PDF_ACTIVE_NAME = re.compile(
    rb"/(?:JavaScript|JS|Launch|EmbeddedFiles?|RichMedia|XFA)(?!" + PDF_REGULAR + rb")"
)
PDF_NAME = re.compile(rb"/(" + PDF_REGULAR + rb"*)")
PDF_NAME_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
PDF_STREAM = re.compile(rb"(?<!end)stream(?:\r\n|\r|\n)")
PDF_FILTERS_WE_CANNOT_READ = {
    b"ASCIIHexDecode",
    b"ASCII85Decode",
    b"LZWDecode",
    b"RunLengthDecode",
    b"Crypt",
    b"DecodeParms",
}
CLAMD_TIMEOUT_SECONDS = 20
CLAMD_CHUNK_BYTES = 64 * 1024


def upload_content_type(upload: UploadedFile) -> str:
    """Check an upload by its bytes; returns its content type or raises with a Korean message."""
    limit = settings.UPLOAD_MAX_BYTES
    if upload.size > limit:
        raise ValidationError(
            _("파일이 너무 큽니다 (%(size).1fMB). %(limit)dMB 이하의 파일을 올려 주세요.")
            % {"size": upload.size / 1024 / 1024, "limit": limit // (1024 * 1024)},
            code="too_large",
        )
    if upload.size == 0:
        raise ValidationError(_("빈 파일입니다. 내용이 있는 파일을 올려 주세요."), code="empty")
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    kind = filetype.guess(data[:261])
    if kind is None or kind.mime not in ALLOWED_UPLOADS:
        raise ValidationError(
            _("PDF, PNG, JPEG 파일만 올릴 수 있습니다. 파일 내용이 이 형식이 아닙니다."),
            code="file_type",
        )
    extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
    if extension not in ALLOWED_UPLOADS[kind.mime]:
        raise ValidationError(
            _(
                "파일 이름(%(name)s)과 실제 내용(%(kind)s)이 다릅니다. "
                "원본 파일을 그대로 올려 주세요."
            )
            % {"name": upload.name, "kind": kind.extension.upper()},
            code="file_type",
        )
    lowered = data.lower()
    if b"javascript:" in lowered or MARKUP_TAG.search(lowered):
        raise ValidationError(
            _(
                "파일 안에 웹 페이지 코드(HTML·스크립트)가 들어 있어 올릴 수 없습니다. "
                "원본 문서나 사진을 다시 저장해서 올려 주세요."
            ),
            code="markup",
        )
    if kind.mime == "application/pdf":
        _refuse_active_pdf(data)
    if settings.CLAMD_SOCKET:
        _refuse_infected(data, settings.CLAMD_SOCKET)
    return kind.mime


def safe_upload_name(name: str, *, max_length: int = 200) -> str:
    """The uploaded file's own name, shortened to ``max_length`` but keeping its extension."""
    name = PurePath(name).name
    if len(name) <= max_length:
        return name
    suffix = PurePath(name).suffix[:10]
    return name[: max_length - len(suffix)] + suffix


# --- PDF ----------------------------------------------------------------------------------------


def _refuse_active_pdf(data: bytes) -> None:
    for text in _pdf_object_text(data):
        if b"#" in text:  # /J#61vaScript is /JavaScript
            text = PDF_NAME_ESCAPE.sub(lambda match: bytes([int(match[1], 16)]), text)
        if PDF_ACTIVE_NAME.search(text):
            raise ValidationError(
                _(
                    "PDF 안에 자바스크립트, 자동 실행 동작 또는 첨부 파일이 들어 있어 올릴 수 "
                    "없습니다. 문서를 열어 '인쇄 → PDF로 저장'으로 다시 만든 파일을 올려 주세요."
                ),
                code="pdf_active",
            )


def _pdf_object_text(data: bytes) -> Iterator[bytes]:
    """The PDF's objects as text: all bytes outside stream bodies, then every object stream
    (where objects can hide, usually compressed) decompressed, within a size budget."""
    position, budget = 0, 4 * settings.UPLOAD_MAX_BYTES
    while (start := PDF_STREAM.search(data, position)) is not None:
        head = data[position : start.start()]
        yield head
        end = data.find(b"endstream", start.end())
        end = len(data) if end == -1 else end
        dictionary = _pdf_names(head[max(head.rfind(b"obj"), 0) :])
        if b"ObjStm" in dictionary:
            text = _pdf_stream_text(data[start.end() : end], dictionary, budget)
            budget -= len(text)
            yield text
        position = end + len(b"endstream")
    yield data[position:]


def _pdf_stream_text(body: bytes, dictionary: set[bytes], budget: int) -> bytes:
    unreadable = ValidationError(
        _(
            "PDF 내부를 검사할 수 없어(암호화되었거나 손상된 파일) 올릴 수 없습니다. "
            "문서를 열어 '인쇄 → PDF로 저장'으로 다시 만든 파일을 올려 주세요."
        ),
        code="pdf_unreadable",
    )
    if dictionary & PDF_FILTERS_WE_CANNOT_READ:
        raise unreadable
    if b"FlateDecode" not in dictionary:
        return body
    try:
        text = zlib.decompressobj().decompress(body, budget + 1)
    except zlib.error as error:
        raise unreadable from error
    if len(text) > budget:
        raise unreadable
    return text


def _pdf_names(text: bytes) -> set[bytes]:
    """Every /Name in the text, with #xx escapes decoded (/J#61vaScript is /JavaScript)."""
    return {
        PDF_NAME_ESCAPE.sub(lambda match: bytes([int(match[1], 16)]), name)
        for name in PDF_NAME.findall(text)
    }


# --- ClamAV -------------------------------------------------------------------------------------


def _refuse_infected(data: bytes, socket_path: str) -> None:
    """Scan with clamd (INSTREAM); refuse on a finding, and when clamd cannot answer."""
    try:
        reply = clamd_instream(data, socket_path)
    except OSError as error:
        reply = f"unreachable ({error})"
    if reply.endswith("FOUND"):
        logger.warning("Upload refused by ClamAV: %s", reply)
        raise ValidationError(
            _(
                "파일에서 악성코드가 발견되어 올릴 수 없습니다. "
                "백신으로 검사한 깨끗한 파일을 올려 주세요."
            ),
            code="virus",
        )
    if not reply.endswith(" OK"):
        logger.error("ClamAV at %s could not scan an upload: %s", socket_path, reply)
        raise ValidationError(
            _("지금은 파일을 검사할 수 없습니다. 잠시 후 다시 시도해 주세요."),
            code="scan_unavailable",
        )


def clamd_instream(data: bytes, socket_path: str) -> str:
    """Send the bytes to clamd over its unix socket; returns its reply, e.g. "stream: OK"."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as connection:
        connection.settimeout(CLAMD_TIMEOUT_SECONDS)
        connection.connect(socket_path)
        connection.sendall(b"zINSTREAM\0")
        for offset in range(0, len(data), CLAMD_CHUNK_BYTES):
            chunk = data[offset : offset + CLAMD_CHUNK_BYTES]
            connection.sendall(struct.pack("!L", len(chunk)) + chunk)
        connection.sendall(struct.pack("!L", 0))
        reply = b""
        while not reply.endswith(b"\0") and (part := connection.recv(4096)):
            reply += part
    return reply.rstrip(b"\0").decode("utf-8", "replace").strip()
