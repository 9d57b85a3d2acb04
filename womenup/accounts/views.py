"""The language switch, remembered for a logged-in user's e-mails."""

from django.views.i18n import set_language

from womenup.accounts.services import user_language_set


def language_set(request):
    """Django's language switch; a logged-in user's choice is also kept for her e-mails."""
    response = set_language(request)
    if request.method == "POST" and request.user.is_authenticated:
        user_language_set(user=request.user, language=request.POST.get("language", ""))
    return response
