"""Access guard for company-only pages."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied


def company_user_required(view):
    """Logged-in company users only: anonymous users go to login, other accounts get 403."""

    @wraps(view)
    @login_required
    def guarded(request, *args, **kwargs):
        if not request.user.is_company_user:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return guarded
