"""Access guard for applicant-only pages.

The guard itself is ``womenup.accounts.permissions.account_type_required``.
"""

from womenup.accounts.permissions import account_type_required
from womenup.models import User

applicant_required = account_type_required(User.AccountType.APPLICANT)
