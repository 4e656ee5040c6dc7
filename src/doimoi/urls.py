"""URLs of doimoi: one include per app; the admin and i18n switcher beside them."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.i18n import set_language

from doimoi import views
from doimoi.api.urls import urls as api_urls
from doimoi.core.guide import guide_image, guide_page
from doimoi.core.views import public
from doimoi.organizations.people_views import SignInView, password_change

urlpatterns = [
    path("", views.home, name="home"),
    path("don-vi-lam-viec/", views.unit_switch, name="unit_switch"),
    path("dang-nhap/", public(SignInView.as_view()), name="login"),
    path("dang-xuat/", auth_views.LogoutView.as_view(), name="logout"),
    path("mat-khau/", password_change, name="password_change"),
    path("ngon-ngu/", public(set_language), name="set_language"),
    path("to-chuc/", include("doimoi.organizations.urls")),
    path("van-ban/", include("doimoi.documents.urls")),
    path("de-xuat/", include("doimoi.initiatives.urls")),
    path("chi-dao/", include("doimoi.directives.urls")),
    path("tuyen-truyen/", include("doimoi.outreach.urls")),
    path("lich-lam-viec/", include("doimoi.workdays.urls")),
    path("lien-thong/", include("doimoi.exchange.urls")),
    path("huong-dan/", guide_page, name="guide_index"),
    path("huong-dan/img/<str:name>", guide_image, name="guide_image"),
    path("huong-dan/<slug:slug>/", guide_page, name="guide"),
    path("so-cai/", include("doimoi.ledger.urls")),
    path("bao-cao/", include("doimoi.reporting.urls")),
    path("khoa-api/", include("doimoi.tokens.urls")),
    path("xac-thuc-hai-buoc/", include("doimoi.twofactor.urls")),
    path("api/v1/", api_urls),
    path("quan-tri/", admin.site.urls),
]
