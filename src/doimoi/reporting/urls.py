from django.urls import path

from doimoi.reporting import views

app_name = "reporting"

urlpatterns = [
    path("soan-thao/", views.compose_page, name="compose"),
    path("soan-thao/xem-truoc/", views.compose_preview, name="compose_preview"),
]
