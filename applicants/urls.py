from django.urls import path

from applicants import views

app_name = "applicants"
urlpatterns = [
    path("me/", views.dashboard, name="dashboard"),
]
