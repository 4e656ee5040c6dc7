from django.urls import path

from doimoi.organizations import views

app_name = "organizations"

urlpatterns = [
    path("", views.unit_tree, name="unit_tree"),
    path("<int:pk>/", views.unit_detail, name="unit_detail"),
    path("<int:pk>/them/", views.unit_create, name="unit_create"),
    path("<int:pk>/sua/", views.unit_edit, name="unit_edit"),
    path("<int:pk>/chuyen/", views.unit_move, name="unit_move"),
    path("<int:pk>/ket-thuc/", views.unit_close, name="unit_close"),
    path("<int:pk>/hop-nhat/", views.unit_merge, name="unit_merge"),
]
