from django.urls import path

from doimoi.documents.views import arrivals, documents, ingest, merge, registers

app_name = "documents"

urlpatterns = [
    path("", documents.document_list, name="document_list"),
    path("<int:pk>/", documents.document_detail, name="document_detail"),
    path("<int:pk>/kiem-tra/", documents.document_review, name="document_review"),
    path("<int:pk>/don-vi-moi/", documents.issuer_new, name="issuer_new"),
    path("<int:pk>/xac-nhan/", documents.document_issuer_confirm, name="document_issuer_confirm"),
    path("<int:pk>/vao-so-den/", arrivals.document_register, name="document_register"),
    path("<int:pk>/gop-vao/<int:into>/", merge.document_merge_page, name="document_merge"),
    path("<int:pk>/tep/<int:copy_pk>/", documents.document_file, name="document_file"),
    path("<int:pk>/tep/<int:copy_pk>/trang/", documents.document_page, name="document_page"),
    path("nhap/", ingest.ingest_page, name="ingest"),
    path("nhap/lan-moi/", ingest.ingest_job_new, name="ingest_job_new"),
    path("nhap/<int:pk>/", ingest.ingest_job, name="ingest_job"),
    path("nhap/<int:pk>/tep/", ingest.ingest_job_add, name="ingest_job_add"),
    path("nhap/<int:pk>/bat-dau/", ingest.ingest_job_start, name="ingest_job_start"),
    path("so-den/", registers.incoming_register, name="incoming_register"),
    path("so-den/<int:pk>/", registers.incoming_edit, name="incoming_edit"),
    path("so-den/<int:pk>/huy/", registers.incoming_cancel, name="incoming_cancel"),
    path("so-di/", registers.outgoing_register, name="outgoing_register"),
]
