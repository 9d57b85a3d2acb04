"""Access guard for applicant-only pages."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied


def applicant_required(view):
    """Logged-in applicants only: anonymous users go to login, other accounts get 403."""

    @wraps(view)
    @login_required
    def guarded(request, *args, **kwargs):
        if not request.user.is_applicant:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return guarded
