from django.urls import path

from doimoi.directives.views import assignments, directives, home, plan, reviews, urging

app_name = "directives"

urlpatterns = [
    path("", directives.directive_list, name="directive_list"),
    path("tao/", directives.directive_create, name="directive_create"),
    path("<int:pk>/", directives.directive_detail, name="directive_detail"),
    path("<int:pk>/gui/", directives.directive_distribute, name="directive_distribute"),
    path("<int:pk>/cay/<int:assignment_pk>/", directives.cascade_children, name="cascade_children"),
    path("<int:pk>/xlsx/", directives.directive_export, name="directive_export"),
    path("<int:pk>/don-doc/", urging.urging_create, name="urging_create"),
    path("don-doc/<int:pk>/", urging.urging_detail, name="urging_detail"),
    path("don-doc/<int:pk>/docx/", urging.urging_download, name="urging_docx"),
    path("nhiem-vu/<int:pk>/", assignments.assignment_detail, name="assignment_detail"),
    path("nhiem-vu/<int:pk>/lich-su/", assignments.assignment_history, name="assignment_history"),
    path(
        "nhiem-vu/<int:pk>/xac-nhan/",
        assignments.assignment_acknowledge,
        name="assignment_acknowledge",
    ),
    path("nhiem-vu/<int:pk>/tra-loi/", assignments.assignment_answer, name="assignment_answer"),
    path("nhiem-vu/<int:pk>/sao-gui/", assignments.assignment_forward, name="assignment_forward"),
    path("nhiem-vu/<int:pk>/giao-nhiem-vu/", plan.plan_tasks_view, name="plan_tasks"),
    path("nhiem-vu/<int:pk>/bao-cao/", assignments.report_create, name="report_create"),
    path("bao-cao/<int:pk>/xem-xet/", reviews.report_review, name="report_review"),
    path(
        "bao-cao/<int:pk>/tep/<int:file_pk>/",
        reviews.report_attachment,
        name="report_attachment",
    ),
    path("don-vi/<int:pk>/", home.unit_dashboard, name="unit_dashboard"),
    path("thong-bao/", home.notification_list, name="notification_list"),
    path("thong-bao/<int:pk>/da-doc/", home.notification_read, name="notification_read"),
]
