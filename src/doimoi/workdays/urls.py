from django.urls import path

from doimoi.workdays import views

app_name = "workdays"

urlpatterns = [path("", views.calendar_edit, name="calendar_edit")]
