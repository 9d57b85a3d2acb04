"""Access guard for company-only pages."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.translation import gettext as _


def company_user_required(view):
    """Logged-in company users only: anonymous users go to login, other accounts get 403."""

    @wraps(view)
    @login_required
    def guarded(request, *args, **kwargs):
        if not request.user.is_company_user:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return guarded


def company_member_required(view):
    """Company users who belong to a company; the view receives that company.

    A company user who has not registered a company yet is sent to the registration page.
    """

    @wraps(view)
    @company_user_required
    def guarded(request, *args, **kwargs):
        membership = getattr(request.user, "company_membership", None)
        if membership is None:
            messages.info(request, _("먼저 기업 정보를 등록해 주세요."))
            return redirect("companies:profile")
        return view(request, membership.company, *args, **kwargs)

    return guarded
