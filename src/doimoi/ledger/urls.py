from django.urls import path

from doimoi.ledger import views

app_name = "ledger"
urlpatterns = [path("kiem-tra/", views.ledger_check, name="ledger_check")]
