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
