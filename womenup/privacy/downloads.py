"""Private files (documents, proofs, evidence) are served only through scoped views."""

from django.http import FileResponse, Http404
from django.utils.cache import add_never_cache_headers


def private_file_response(file, *, filename: str, content_type: str | None = None) -> FileResponse:
    """The stored file as an attachment, never cached (no-store); a file missing from storage is
    a 404, not a crash."""
    try:
        handle = file.open("rb")
    except FileNotFoundError as missing:
        raise Http404 from missing
    response = FileResponse(
        handle, as_attachment=True, filename=filename, content_type=content_type
    )
    add_never_cache_headers(response)
    return response
