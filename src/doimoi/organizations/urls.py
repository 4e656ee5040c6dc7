from django.urls import path

from doimoi.organizations import people_views, views

app_name = "organizations"

urlpatterns = [
    path("", views.unit_tree, name="unit_tree"),
    path("chon/", views.unit_pick, name="unit_pick"),
    path("<int:pk>/", views.unit_detail, name="unit_detail"),
    path("<int:pk>/them/", views.unit_create, name="unit_create"),
    path("<int:pk>/sua/", views.unit_edit, name="unit_edit"),
    path("<int:pk>/chuyen/", views.unit_move, name="unit_move"),
    path("<int:pk>/ket-thuc/", views.unit_close, name="unit_close"),
    path("<int:pk>/hop-nhat/", views.unit_merge, name="unit_merge"),
    path("<int:pk>/them-can-bo/", people_views.person_add, name="person_add"),
    path("can-bo/", people_views.people_list, name="people_list"),
    path("can-bo/nhap/", people_views.people_import_page, name="people_import"),
    path("can-bo/mau-nhap.xlsx", people_views.people_import_template, name="people_template"),
    path("can-bo/<int:pk>/", people_views.person_detail, name="person_detail"),
    path("can-bo/<int:pk>/giao-chuc-vu/", people_views.position_give, name="position_give"),
    path("can-bo/<int:pk>/khoa/", people_views.account_deactivate, name="account_deactivate"),
    path("can-bo/<int:pk>/dat-lai-mat-khau/", people_views.password_reset, name="password_reset"),
    path("chuc-vu/<int:pk>/thoi-giu/", people_views.position_end, name="position_end"),
]
