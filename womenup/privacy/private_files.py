"""Private uploads, one way for every app: an abstract model, one path and one store helper.

A concrete model inherits ``PrivateUpload`` and declares its file with the folder and the
attribute path of the owner's id::

    class Document(PrivateUpload):
        file = private_file_field("applicant-documents", owner="profile_id")

Files are stored as ``<folder>/<owner id>/<random hex><suffix>`` (never under the person's
file name, which is kept in ``original_name``), outside static files, and served only by
views that check access (``womenup.privacy.downloads.private_file_response``).
"""

import uuid
from operator import attrgetter
from pathlib import PurePath

from django.core.files.uploadedfile import UploadedFile
from django.db import models
from django.utils import timezone
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

from womenup.privacy.uploads import safe_upload_name, upload_content_type


@deconstructible
class private_upload_path:  # noqa: N801 - used like the function it stands for
    """``upload_to`` of every private file: a random name under the owner's folder.

    Deconstructible, so migrations (and data migrations' historical models) carry the folder
    and the owner with them.
    """

    def __init__(self, folder: str, *, owner: str):
        self.folder, self.owner = folder, owner

    def __call__(self, instance, filename: str) -> str:
        owner = attrgetter(self.owner)(instance)
        suffix = PurePath(filename).suffix.lower()[:10]
        return f"{self.folder}/{owner}/{uuid.uuid4().hex}{suffix}"

    def __eq__(self, other) -> bool:
        return isinstance(other, private_upload_path) and (self.folder, self.owner) == (
            other.folder,
            other.owner,
        )


def private_file_field(folder: str, *, owner: str) -> models.FileField:
    return models.FileField(
        _("파일"), upload_to=private_upload_path(folder, owner=owner), max_length=200
    )


class PrivateUpload(models.Model):
    """An uploaded file checked by its content; the row keeps what the person sent.

    The concrete model declares ``file = private_file_field(folder, owner=...)``.
    """

    file: models.FileField
    original_name = models.CharField(_("원래 파일 이름"), max_length=200)
    content_type = models.CharField(_("파일 형식"), max_length=50)
    size = models.PositiveIntegerField(_("크기(바이트)"))
    uploaded_at = models.DateTimeField(_("올린 시각"), auto_now_add=True)

    class Meta:
        abstract = True


def private_upload_attach(*, row: PrivateUpload, upload: UploadedFile) -> None:
    """Check the upload by its bytes (raises ``ValidationError`` with a Korean message) and
    store it on the row, replacing any earlier file; the calling service saves the row."""
    row.content_type = upload_content_type(upload)
    row.original_name = safe_upload_name(upload.name)
    row.size = upload.size
    row.uploaded_at = timezone.now()
    row.file.save(upload.name, upload, save=False)
