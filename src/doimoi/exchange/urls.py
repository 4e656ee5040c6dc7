from django.urls import path

from doimoi.exchange import views

app_name = "exchange"

urlpatterns = [
    path("van-ban/<int:pk>/gui/", views.document_send, name="document_send"),
    path(
        "van-ban/<int:pk>/trang-thai/<int:record_pk>/",
        views.document_status,
        name="document_status",
    ),
    path("van-ban/<int:pk>/goi-tin/<int:packet_pk>/", views.packet_file, name="packet_file"),
    path("don-vi/<int:pk>/ma-dinh-danh/", views.unit_agency, name="unit_agency"),
]
