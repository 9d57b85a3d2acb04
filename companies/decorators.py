"""Access guards for company pages (``womenup.accounts.permissions.account_type_required``)."""

from functools import wraps

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from womenup.accounts.permissions import account_type_required
from womenup.models import User

company_user_required = account_type_required(User.AccountType.COMPANY)


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
