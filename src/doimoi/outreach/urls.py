from django.urls import path

from doimoi.outreach.views import activities, coverage, forms, imports, plans

app_name = "outreach"

urlpatterns = [
    path("", plans.index, name="index"),
    path("ghi-nhan/", activities.activity_log, name="activity_log"),
    path("hoat-dong/", activities.activity_list, name="activity_list"),
    path("hoat-dong/<int:pk>/anh/", activities.activity_photo, name="activity_photo"),
    path("hoat-dong/<int:pk>/tep/", activities.activity_file, name="activity_file"),
    path("hoat-dong/<int:pk>/xoa/", activities.activity_delete, name="activity_delete"),
    path("nhap/", imports.activity_import, name="activity_import"),
    path("nhap/mau.xlsx", imports.activity_template, name="activity_template"),
    path("ke-hoach/moi/", plans.plan_create, name="plan_create"),
    path("ke-hoach/<int:pk>/", plans.plan_detail, name="plan_detail"),
    path("ke-hoach/<int:pk>/bao-phu/", coverage.plan_coverage, name="plan_coverage"),
    path("bao-phu/", coverage.coverage_all, name="coverage"),
    path("hinh-thuc/", forms.form_list, name="form_list"),
]
