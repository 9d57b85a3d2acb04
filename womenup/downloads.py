"""Private files (documents, proofs, evidence) are served only through scoped views."""

from django.http import FileResponse, Http404


def private_file_response(file, *, filename: str, content_type: str | None = None) -> FileResponse:
    """The stored file as an attachment; a file missing from storage is a 404, not a crash."""
    try:
        handle = file.open("rb")
    except FileNotFoundError as missing:
        raise Http404 from missing
    return FileResponse(handle, as_attachment=True, filename=filename, content_type=content_type)
