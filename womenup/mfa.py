"""Two-step verification facts shared by the admin site and the staff middleware."""

from allauth.mfa.models import Authenticator


def has_mfa(user) -> bool:
    """True when the user has an authenticator app (TOTP) set up."""
    if not user.is_authenticated:
        return False
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
