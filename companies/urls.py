from django.urls import path

from companies import views

app_name = "companies"
urlpatterns = [
    path("company/", views.dashboard, name="dashboard"),
]
