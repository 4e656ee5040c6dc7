from django.urls import path

from doimoi.tokens import views

app_name = "tokens"

urlpatterns = [
    path("", views.token_list, name="token_list"),
    path("<int:pk>/thu-hoi/", views.token_revoke_view, name="token_revoke"),
]
