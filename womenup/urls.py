"""The URL root: public pages, accounts, admin and every app's pages."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from womenup import views
from womenup.accounts import views as accounts_views

urlpatterns = [
    path("", views.home, name="home"),
    path("programs/<slug:code>/", views.program_detail, name="program-detail"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("i18n/setlang/", accounts_views.language_set, name="set_language"),
    path(
        "accounts/notifications/",
        accounts_views.notification_settings,
        name="notification-settings",
    ),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
    path("", include("applicants.urls")),
    path("", include("companies.urls")),
    path("", include("courses.urls")),
    path("", include("matching.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.STATIC_URL, document_root=settings.STATIC_ROOT)
