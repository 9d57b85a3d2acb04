from django.urls import path

from companies import views

app_name = "companies"
urlpatterns = [
    # The company's own pages
    path("company/", views.dashboard, name="dashboard"),
    path("company/profile/", views.company_profile, name="profile"),
    path("company/eligibility/", views.eligibility_check, name="eligibility-check"),
    path("company/proofs/", views.badge_proof_upload, name="proof-upload"),
    path("company/proofs/<int:pk>/", views.badge_proof_download, name="proof-download"),
    path("company/members/", views.members, name="members"),
    path("company/invitations/<uuid:token>/", views.invitation_accept, name="invitation-accept"),
    path("company/roles/new/", views.role_create, name="role-create"),
    path("company/roles/<int:pk>/", views.role_manage, name="role-manage"),
    path("company/roles/<int:pk>/edit/", views.role_edit, name="role-edit"),
    path("company/roles/<int:pk>/publish/", views.role_publish, name="role-publish"),
    path("company/roles/<int:pk>/close/", views.role_close, name="role-close"),
    # Public listings (the public role list and role pages are matching's)
    path("companies/", views.company_list, name="list"),
    path("companies/<int:pk>/", views.company_detail, name="detail"),
]
