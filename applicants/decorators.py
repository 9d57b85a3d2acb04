"""Access guard for applicant-only pages (``womenup.permissions.account_type_required``)."""

from womenup.models import User
from womenup.permissions import account_type_required

applicant_required = account_type_required(User.AccountType.APPLICANT)
