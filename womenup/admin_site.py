"""The admin site: staff log in through the portal's login page, which asks for the OTP code.

The home shows today's work queues and the extra admin pages apps register in
``womenup.admin_queues``, then the model lists grouped by task (참여자, 참여기업, ...), library
models under 시스템. A model admin names its group with ``admin_group``; a project model without
one keeps its app's own section.
"""

from functools import wraps

from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from womenup import branding, views
from womenup.accounts.mfa import has_mfa
from womenup.admin_queues import links_for, queues_for
from womenup.cache import DATA_VERSIONS, data_version_bump

# The task groups of the admin home, in the order shown.
TASK_GROUPS = {
    "applicants": pgettext_lazy("admin group", "참여자"),
    "companies": pgettext_lazy("admin group", "참여기업"),
    "courses": pgettext_lazy("admin group", "교육과정"),
    "matching": pgettext_lazy("admin group", "매칭"),
    "payments": pgettext_lazy("admin group", "지급"),
    "settings": pgettext_lazy("admin group", "설정"),
    "system": pgettext_lazy("admin group", "시스템"),
}
# Libraries' own admins (they cannot carry ``admin_group``), by app label.
LIBRARY_GROUPS = {
    "auth": "settings",
    "account": "system",
    "socialaccount": "system",
    "mfa": "system",
    "django_celery_beat": "system",
}


def admin_group_of(model_admin) -> str | None:
    """The task group key of a model admin, or None to keep its app's section."""
    group = getattr(model_admin, "admin_group", None)
    return group or LIBRARY_GROUPS.get(model_admin.model._meta.app_label)


class WomenUpAdminSite(admin.AdminSite):
    index_title = gettext_lazy("오늘의 업무")
    index_template = "admin/womenup_index.html"

    @property
    def site_header(self) -> str:
        return _("%(portal)s 관리자") % branding.brand()

    @property
    def site_title(self) -> str:
        return self.site_header

    def has_permission(self, request) -> bool:
        """Staff may use admin only once two-step verification (TOTP) is set up."""
        return super().has_permission(request) and has_mfa(request.user)

    def login(self, request, extra_context=None):
        return secure_admin_login(super().login)(request, extra_context)

    def index(self, request, extra_context=None):
        extra_context = {
            "work_queues": queues_for(request.user),
            "admin_links": links_for(request.user),
            **(extra_context or {}),
        }
        return super().index(request, extra_context)

    def get_app_list(self, request, app_label=None):
        """Models grouped by task on the home and in the side navigation; an app's own page
        (``/admin/<app>/``) keeps the app's models."""
        app_list = super().get_app_list(request, app_label)
        if app_label is not None:
            return app_list
        return self._grouped(app_list)

    def _grouped(self, app_list: list[dict]) -> list[dict]:
        groups = {key: self._group(key, label) for key, label in TASK_GROUPS.items()}
        ungrouped = []
        for app in app_list:
            kept = []
            for model in app["models"]:
                key = admin_group_of(self._registry[model["model"]])
                (groups[key]["models"] if key in groups else kept).append(model)
            if kept:
                ungrouped.append({**app, "models": kept})
        for group in groups.values():
            group["models"].sort(key=lambda model: str(model["name"]))
        return [group for group in groups.values() if group["models"]] + ungrouped

    def _group(self, key: str, label) -> dict:
        return {
            "name": label,
            "app_label": f"group-{key}",
            "app_url": f"{reverse('admin:index', current_app=self.name)}#group-{key}",
            "has_module_perms": True,
            "is_group": True,
            "models": [],
        }

    def admin_view(self, view, cacheable=False):
        """Every admin page; a POST that saved something (answered with a redirect: a change,
        an addition, a deletion, an action on selected rows) renews every public page.

        Admin's own history entry bumps them too (``womenup.cache.admin_change_bump``), but a
        deletion of several selected rows writes its entries in one ``bulk_create``, which
        sends no signal.
        """
        guarded = super().admin_view(view, cacheable)

        @wraps(guarded)
        def renewing(request, *args, **kwargs):
            response = guarded(request, *args, **kwargs)
            saved = request.method == "POST" and response.status_code in (301, 302, 303)
            if saved and request.user.is_staff:
                data_version_bump(*DATA_VERSIONS)
            return response

        return renewing

    def get_urls(self):
        return [*self._kernel_urls(), *super().get_urls()]

    def _kernel_urls(self) -> list:
        """Admin pages of the kernel's own: the KPI page and its CSV files."""
        return [
            path("kpi/", self.admin_view(self._kpi_dashboard), name="kpi"),
            path("kpi/<slug:slug>.csv", self.admin_view(views.kpi_csv), name="kpi-csv"),
        ]

    def _kpi_dashboard(self, request):
        return views.kpi_dashboard(request, admin_context=self.each_context(request))
