from django.urls import path

from courses import views

app_name = "courses"
urlpatterns = [
    path("courses/", views.catalogue, name="catalogue"),
    path("courses/<slug:code>/", views.detail, name="detail"),
    path("courses/<slug:code>/apply/", views.apply, name="apply"),
    path("courses/<slug:code>/withdraw/", views.withdraw, name="withdraw"),
    path("attendance/<str:token>/", views.attendance_check, name="attendance-check"),
]
urlpatterns += [
    path("centre/clients/", views.client_list, name="client-list"),
    path("centre/clients/new/", views.client_create, name="client-create"),
    path("centre/clients/<int:pk>/", views.client_detail, name="client-detail"),
    path("centre/clients/<int:pk>/consent/", views.client_consent, name="client-consent"),
    path(
        "centre/clients/<int:pk>/claim-link/", views.client_claim_resend, name="client-claim-resend"
    ),
    path("centre/clients/<int:pk>/profile/", views.client_profile, name="client-profile"),
    path("centre/clients/<int:pk>/documents/", views.client_documents, name="client-documents"),
    path(
        "centre/clients/<int:pk>/documents/<int:document_pk>/download/",
        views.client_document_download,
        name="client-document-download",
    ),
    path("centre/clients/<int:pk>/course/", views.client_course_apply, name="client-course"),
    path(
        "centre/clients/<int:pk>/allowance/", views.client_allowance_apply, name="client-allowance"
    ),
    path("centre/clients/<int:pk>/notes/", views.client_note_add, name="client-note"),
    path("centre/clients/<int:pk>/outcomes/", views.client_outcome_record, name="client-outcome"),
    path("centre/sessions/", views.session_list, name="session-list"),
    path("centre/sessions/<int:pk>/", views.session_detail, name="session-detail"),
    path(
        "centre/sessions/<int:pk>/sign-ups/<int:sign_up_pk>/cancel/",
        views.sign_up_cancel,
        name="sign-up-cancel",
    ),
    path("claim/<str:token>/", views.client_claim, name="client-claim"),
    path("me/counselling/<int:pk>/sign-up/", views.my_session_sign_up, name="my-session-sign-up"),
    path(
        "me/centre-requests/<int:pk>/",
        views.my_centre_request_answer,
        name="my-centre-request-answer",
    ),
    path(
        "me/counselling/sign-ups/<int:pk>/cancel/",
        views.my_sign_up_cancel,
        name="my-sign-up-cancel",
    ),
]
