from django.urls import path

from doimoi.twofactor import views

app_name = "twofactor"

urlpatterns = [
    path("", views.verify, name="verify"),
    path("thiet-lap/", views.setup, name="setup"),
    path("tai-khoan/", views.account, name="account"),
    path("tat/", views.turn_off, name="turn_off"),
    path("can-bo/<int:pk>/tat/", views.person_reset, name="person_reset"),
]
