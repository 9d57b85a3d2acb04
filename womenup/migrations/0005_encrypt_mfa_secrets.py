"""Encrypt the TOTP secrets and recovery-code seeds stored in clear before MFA_ADAPTER came in."""

from django.db import migrations

from womenup.accounts.mfa import authenticator_data_decrypt, authenticator_data_encrypt


def _rewrite(apps, change) -> None:
    Authenticator = apps.get_model("mfa", "Authenticator")
    for authenticator in Authenticator.objects.all():
        data = change(authenticator.data)
        if data != authenticator.data:
            authenticator.data = data
            authenticator.save(update_fields=["data"])


def encrypt_secrets(apps, schema_editor):
    _rewrite(apps, authenticator_data_encrypt)


def decrypt_secrets(apps, schema_editor):
    _rewrite(apps, authenticator_data_decrypt)


class Migration(migrations.Migration):
    dependencies = [
        ("womenup", "0004_access_log_history_delete"),
        ("mfa", "0003_authenticator_type_uniq"),
    ]

    operations = [migrations.RunPython(encrypt_secrets, decrypt_secrets)]
