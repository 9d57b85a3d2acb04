"""Access guard for the counsellor pages (job-centre counsellors only).

The account-type guard is ``womenup.accounts.permissions.account_type_required``; on top of it a
counsellor must be in the counsellor group. Which clients she sees is scoped by the selectors.
"""

from functools import wraps

from django.core.exceptions import PermissionDenied

from womenup.accounts.permissions import account_type_required, is_counsellor
from womenup.models import User


def counsellor_required(view):
    @wraps(view)
    @account_type_required(User.AccountType.INSTITUTION)
    def guarded(request, *args, **kwargs):
        if not is_counsellor(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return guarded
