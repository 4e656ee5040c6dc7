"""Ledger verbs of the organizations app."""

from django.utils.translation import gettext_lazy as _

from doimoi.ledger.registry import register

UNIT_CREATED = register("organizations.unit.created", _("Tạo đơn vị"))
UNIT_UPDATED = register("organizations.unit.updated", _("Sửa thông tin đơn vị"))
UNIT_MOVED = register("organizations.unit.moved", _("Chuyển đơn vị sang đơn vị cấp trên khác"))
UNIT_CLOSED = register("organizations.unit.closed", _("Kết thúc hoạt động đơn vị"))
UNIT_MERGED = register("organizations.unit.merged", _("Hợp nhất đơn vị"))
PERSON_CREATED = register("organizations.person.created", _("Thêm cán bộ"))
MEMBERSHIP_CREATED = register("organizations.membership.created", _("Giao chức vụ, vai trò"))
MEMBERSHIP_ENDED = register("organizations.membership.ended", _("Thôi giữ chức vụ, vai trò"))
PEOPLE_IMPORTED = register("organizations.people.imported", _("Nhập cán bộ, chức vụ từ tệp XLSX"))
ACCOUNT_DEACTIVATED = register("organizations.account.deactivated", _("Khóa tài khoản"))
PASSWORD_CHANGED = register("organizations.account.password_changed", _("Đổi mật khẩu"))
PASSWORD_RESET = register("organizations.account.password_reset", _("Đặt lại mật khẩu tạm thời"))
