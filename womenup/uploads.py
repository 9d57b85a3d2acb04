"""Uploads are checked by their bytes (not the file name) and by size, for every app."""

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

ALLOWED_UPLOADS = {
    "application/pdf": ("pdf",),
    "image/png": ("png",),
    "image/jpeg": ("jpg", "jpeg"),
}


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
    kind = filetype.guess(upload.read(261))
    upload.seek(0)
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
    return kind.mime
