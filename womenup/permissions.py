"""Who counts as what, in one place: city staff see everything, institution staff their own."""

from womenup.models import User


def is_city_staff(user) -> bool:
    """City staff (or a superuser) working in admin; institution staff are not city staff."""
    return bool(
        user.is_authenticated
        and user.is_staff
        and (user.is_superuser or user.account_type == User.AccountType.CITY_STAFF)
    )
