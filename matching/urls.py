from django.urls import path
from django.views.generic import RedirectView

from matching import views

app_name = "matching"
urlpatterns = [
    # The public self-check before sign-up
    path("self-check/", views.self_check_page, name="self-check"),
    # The one public role list and role page
    path("roles/", views.role_list, name="role-list"),
    path("roles/<int:pk>/", views.role_detail, name="role-detail"),
    # Their former application-side addresses, redirected permanently
    path("internship/roles/", views.role_list_moved, name="role-list-moved"),
    path(
        "internship/roles/<int:pk>/",
        RedirectView.as_view(
            pattern_name="matching:role-detail", permanent=True, query_string=True
        ),
        name="role-detail-moved",
    ),
    path("internship/roles/<int:pk>/choose/", views.choice_add, name="choice-add"),
    path(
        "internship/applications/<int:pk>/",
        views.application_detail,
        name="application-detail",
    ),
    path("internship/applications/<int:pk>/move/", views.choice_move, name="choice-move"),
    path(
        "internship/applications/<int:pk>/choices/<int:role_pk>/remove/",
        views.choice_remove,
        name="choice-remove",
    ),
    path(
        "internship/applications/<int:pk>/submit/",
        views.application_submit,
        name="application-submit",
    ),
    path(
        "internship/applications/<int:pk>/withdraw/",
        views.application_withdraw,
        name="application-withdraw",
    ),
    path(
        "internship/invitations/<int:pk>/respond/",
        views.invitation_respond,
        name="invitation-respond",
    ),
    path(
        "company/candidates/documents/<int:pk>/",
        views.candidate_document_download,
        name="candidate-document",
    ),
    # The company's placement pages (beside its own pages under company/)
    path("company/roles/<int:pk>/ranking/", views.role_ranking, name="role-ranking"),
    path(
        "company/roles/<int:pk>/candidates/<int:application_id>/",
        views.candidate_detail,
        name="candidate",
    ),
    path(
        "company/roles/<int:pk>/candidates/<int:application_id>/interview/",
        views.candidate_interview,
        name="candidate-interview",
    ),
    path(
        "company/roles/<int:pk>/candidates/<int:application_id>/result/",
        views.candidate_result,
        name="candidate-result",
    ),
    path("company/interns/<int:pk>/contract/", views.placement_contract, name="intern-contract"),
    path(
        "company/interns/<int:pk>/contract/terms/",
        views.placement_contract_terms,
        name="intern-contract-terms",
    ),
    path(
        "internship/placements/<int:pk>/contract/",
        views.intern_contract_terms,
        name="placement-contract",
    ),
    path("company/interns/<int:pk>/hire/", views.placement_hire, name="intern-hire"),
    path("company/hires/<int:pk>/proof/", views.hire_proof_download, name="hire-proof"),
]
urlpatterns += [
    path(
        "centre/clients/<int:pk>/internship/",
        views.client_internship_apply,
        name="client-internship",
    ),
]
