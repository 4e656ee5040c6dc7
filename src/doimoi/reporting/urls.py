from django.urls import path

from doimoi.reporting import views, views_figures

app_name = "reporting"

urlpatterns = [
    path("soan-thao/", views.compose_page, name="compose"),
    path("soan-thao/ban-hanh/<int:pk>/", views.issue_job, name="issue_job"),
    path("soan-thao/xem-truoc/", views.compose_preview, name="compose_preview"),
    path("so-lieu/", views_figures.figures_page, name="figures"),
]
