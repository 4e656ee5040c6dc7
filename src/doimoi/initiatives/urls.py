"""URLs of the initiatives app (mounted at /de-xuat/)."""

from django.urls import path

from doimoi.initiatives.views import cases, collective, pages

app_name = "initiatives"

urlpatterns = [
    path("", cases.case_list, name="case_list"),
    path("moi/", cases.case_create, name="case_create"),
    path("<int:pk>/", cases.case_detail, name="case_detail"),
    path("<int:pk>/sua/", cases.case_edit, name="case_edit"),
    path("<int:pk>/dinh-kem/", cases.case_attach, name="case_attach"),
    path("<int:pk>/dinh-kem/<int:attachment_pk>/", pages.attachment_download, name="attachment"),
    path("<int:pk>/ho-so-bao-ve.<str:fmt>", pages.case_dossier, name="case_dossier"),
    path("<int:pk>/ho-so-bao-ve/ban-hanh/", pages.case_dossier_issue, name="case_dossier_issue"),
    path("<int:pk>/thao-tac/<str:name>/", cases.case_transition, name="case_transition"),
    path("can-bo-co-ket-qua/", pages.recognized_list, name="recognized_list"),
    path("so-lieu/", pages.figures, name="figures"),
    path("quy-tac/", pages.rule_set_list, name="rule_set_list"),
    path("quy-tac/<int:pk>/", pages.rule_set_edit, name="rule_set_edit"),
    path("quy-tac/<int:pk>/phien-ban-moi/", pages.rule_set_version, name="rule_set_version"),
    path("tap-the/<int:pk>/", collective.collective_edit, name="collective_edit"),
    path("quy-tac/thoi-han/<int:pk>/", pages.time_limit_edit, name="time_limit_edit"),
]
