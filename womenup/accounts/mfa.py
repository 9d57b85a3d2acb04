"""Two-step verification: facts shared by the admin site and the staff middleware, and the
encryption at rest of the TOTP secrets and recovery-code seeds allauth stores."""

import base64
import hashlib

from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.models import Authenticator
from cryptography.fernet import Fernet, MultiFernet
from django.conf import settings

# Every Fernet token starts with this (version byte 0x80 then the timestamp, base64); a TOTP
# secret (base32, capitals) or a recovery seed (hex, lower case) never does.
FERNET_PREFIX = "gAAAA"
SECRET_FIELDS = ("secret", "seed")


def has_mfa(user) -> bool:
    """True when the user has an authenticator app (TOTP) set up."""
    if not user.is_authenticated:
        return False
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def _fernet() -> MultiFernet:
    """The keys from MFA_ENCRYPTION_KEY (comma-separated, newest first), or one derived from
    SECRET_KEY where the setting is empty (development and tests; production requires it)."""
    keys = [k.strip() for k in settings.MFA_ENCRYPTION_KEY.split(",") if k.strip()]
    keys = keys or [f"secret-key:{settings.SECRET_KEY}"]
    return MultiFernet(
        [
            Fernet(base64.urlsafe_b64encode(hashlib.sha256(f"womenup-mfa:{k}".encode()).digest()))
            for k in keys
        ]
    )


def secret_encrypt(text: str) -> str:
    return _fernet().encrypt(text.encode()).decode()


def secret_decrypt(stored: str) -> str:
    """Decrypts a stored secret; a value written before encryption came in is returned as is."""
    if not stored.startswith(FERNET_PREFIX):
        return stored
    return _fernet().decrypt(stored.encode()).decode()


class MFAAdapter(DefaultMFAAdapter):
    def encrypt(self, text: str) -> str:
        return secret_encrypt(text)

    def decrypt(self, encrypted_text: str) -> str:
        return secret_decrypt(encrypted_text)


def authenticator_data_encrypt(data: dict) -> dict:
    """The authenticator's data with its clear-text secrets encrypted (idempotent)."""
    data = dict(data)
    for field in SECRET_FIELDS:
        if isinstance(data.get(field), str) and not data[field].startswith(FERNET_PREFIX):
            data[field] = secret_encrypt(data[field])
    if isinstance(data.get("migrated_codes"), list):
        data["migrated_codes"] = [
            code if code.startswith(FERNET_PREFIX) else secret_encrypt(code)
            for code in data["migrated_codes"]
        ]
    return data


def authenticator_data_decrypt(data: dict) -> dict:
    data = dict(data)
    for field in SECRET_FIELDS:
        if isinstance(data.get(field), str):
            data[field] = secret_decrypt(data[field])
    if isinstance(data.get("migrated_codes"), list):
        data["migrated_codes"] = [secret_decrypt(code) for code in data["migrated_codes"]]
    return data
