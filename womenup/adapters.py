"""allauth hooks: store the account type chosen at sign-up, land each kind on its dashboard."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from allauth.socialaccount.models import SocialApp
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import reverse

from womenup.client_ip import client_ip


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        user.account_type = form.cleaned_data.get("account_type") or user.account_type
        return super().save_user(request, user, form, commit=commit)

    def get_login_redirect_url(self, request):
        return reverse("dashboard")

    def get_client_ip(self, request):
        """Per-IP rate limits count the address the access log records (womenup/client_ip.py)."""
        address = client_ip(request)
        if not address:
            raise PermissionDenied("Unable to determine client IP address")
        return address


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    def get_app(self, request, provider, client_id=None):
        """A provider whose keys staff have not added in admin is simply not there (404)."""
        try:
            return super().get_app(request, provider, client_id=client_id)
        except SocialApp.DoesNotExist as missing:
            raise Http404("이 소셜 로그인은 아직 설정되지 않았습니다.") from missing
