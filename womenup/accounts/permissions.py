"""Who counts as what, in one place: city staff see everything, institution staff their own."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied

from womenup.models import User


def is_city_staff(user) -> bool:
    """City staff (or a superuser) working in admin; institution staff are not city staff."""
    return bool(
        user.is_authenticated
        and user.is_staff
        and (user.is_superuser or user.account_type == User.AccountType.CITY_STAFF)
    )


def account_type_required(kind: str):
    """A view decorator: logged-in users of this account type only; anonymous users go to
    login, other accounts get 403."""

    def decorator(view):
        @wraps(view)
        @login_required
        def guarded(request, *args, **kwargs):
            if request.user.account_type != kind:
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return guarded

    return decorator
