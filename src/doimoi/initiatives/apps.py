from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InitiativesConfig(AppConfig):
    name = "doimoi.initiatives"
    label = "initiatives"
    verbose_name = _("Đề xuất đổi mới sáng tạo")
