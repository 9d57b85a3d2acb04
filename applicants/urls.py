from django.urls import path

from applicants import views

app_name = "applicants"
urlpatterns = [
    path("me/", views.dashboard, name="dashboard"),
    path("me/profile/", views.profile_edit, name="profile"),
    path("me/profile/self-check/", views.self_check_carry, name="self-check-carry"),
    path("me/profile/self-check/forget/", views.self_check_forget, name="self-check-forget"),
    path("me/qualifications/", views.qualifications, name="qualifications"),
    path("me/qualifications/<slug:kind>/add/", views.qualifications, name="qualification-add"),
    path(
        "me/qualifications/<slug:kind>/<int:pk>/delete/",
        views.qualification_delete,
        name="qualification-delete",
    ),
    path("me/consents/", views.consents, name="consents"),
    path(
        "me/proxy-consent/withdraw/",
        views.proxy_consent_withdraw,
        name="proxy-consent-withdraw",
    ),
    path("me/documents/", views.documents, name="documents"),
    path("me/documents/<int:pk>/delete/", views.document_delete, name="document-delete"),
    path("documents/<int:pk>/download/", views.document_download, name="document-download"),
    path("me/allowance/", views.allowance, name="allowance"),
    path(
        "me/allowance/<int:pk>/reports/",
        views.activity_report_submit,
        name="activity-report-submit",
    ),
    path("allowance/reports/<int:pk>/evidence/", views.report_evidence, name="report-evidence"),
]
