"""The personal-data access log: one row per look at or export of someone's data."""

from womenup.models import PersonalDataAccess, User
from womenup.privacy.client_ip import client_ip


def personal_data_access_record(
    *,
    actor: User,
    subject: User | None,
    action: str,
    target: str,
    reason: str = "",
    request=None,
) -> PersonalDataAccess:
    """Write one access-log row (who, when, whose data, what, why for an export, from which
    IP)."""
    return PersonalDataAccess.objects.create(
        actor=actor,
        subject=subject,
        action=action,
        target=target[:200],
        reason=reason,
        ip_address=client_ip(request) if request is not None else None,
    )
