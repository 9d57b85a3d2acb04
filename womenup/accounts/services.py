"""Writes on accounts."""

from django.conf import settings

from womenup.models import User


def user_language_set(*, user: User, language: str) -> None:
    """Remember the language she chose on the site: her e-mails are written in it."""
    if language in dict(settings.LANGUAGES) and user.language != language:
        user.language = language
        user.save(update_fields=["language"])
