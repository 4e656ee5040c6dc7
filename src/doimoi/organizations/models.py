"""Units of the political system (a tree that remembers history), people, and their roles."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import connection, models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from treebeard.mp_tree import MP_Node


class UnitKind(models.TextChoices):
    """What sort of body a unit is."""

    PARTY_COMMITTEE = "party_committee", _("Cấp ủy đảng")
    STANDING_COMMITTEE = "standing_committee", _("Ban Thường vụ")
    ADVISORY_BOARD = "advisory_board", _("Ban tham mưu, giúp việc")
    INSPECTION_COMMISSION = "inspection_commission", _("Ủy ban Kiểm tra")
    OFFICE = "office", _("Văn phòng")
    GRASSROOTS = "grassroots", _("Tổ chức cơ sở đảng")
    PARTY_CELL = "party_cell", _("Chi bộ")
    STATE_BODY = "state_body", _("Cơ quan nhà nước")
    FATHERLAND_FRONT = "fatherland_front", _("Mặt trận Tổ quốc")
    MASS_ORGANIZATION = "mass_organization", _("Đoàn thể chính trị - xã hội")


class UnitLevel(models.TextChoices):
    """Where a unit sits in the hierarchy (historical levels kept for old documents)."""

    CENTRAL = "central", _("Trung ương")
    PROVINCE = "province", _("Tỉnh, thành phố")
    DISTRICT = "district", _("Huyện, quận, thành phố thuộc tỉnh")
    COMMUNE = "commune", _("Xã, phường, đặc khu")
    GRASSROOTS = "grassroots", _("Cơ sở")
    CELL = "cell", _("Chi bộ")


class Unit(MP_Node):
    """One body of the political system, valid from a date and possibly ended by a merger."""

    name = models.CharField(_("tên đơn vị"), max_length=255)
    short_name = models.CharField(_("tên viết tắt"), max_length=64, blank=True)
    code = models.CharField(
        _("ký hiệu cơ quan ban hành"),
        max_length=32,
        blank=True,
        help_text=_("Ký hiệu dùng trong số văn bản, ví dụ TU, ThU, ĐUK, BTGTU."),
    )
    kind = models.CharField(_("loại"), max_length=32, choices=UnitKind.choices)
    level = models.CharField(_("cấp"), max_length=16, choices=UnitLevel.choices)
    valid_from = models.DateField(_("hiệu lực từ ngày"), default=datetime.date(1930, 2, 3))
    valid_to = models.DateField(_("hết hiệu lực từ ngày"), null=True, blank=True)
    member_count = models.PositiveIntegerField(_("số đảng viên, hội viên"), default=0)
    name_folded = models.CharField(max_length=512, editable=False, db_index=True, default="")
    # the code folded ("đuk" for ĐUK, and for an OCR'd DUK): issuers are matched by it at
    # ingest, through this index (a suffix search of the names read every unit of the country)
    code_folded = models.CharField(max_length=32, editable=False, db_index=True, default="")

    # No node_order_by: a sorted tree renumbers later siblings' paths on every insert, and
    # other apps keep and compare paths. New units go last; pages sort siblings by name.

    class Meta:
        verbose_name = _("đơn vị")
        verbose_name_plural = _("đơn vị")
        # a unit's children (depth + 1 under its path) without reading the whole subtree: at the
        # top of a 60,000-unit tree the path range alone covers every row
        indexes = [models.Index(fields=["depth", "path"], name="unit_depth_path")]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=models.F("valid_from")),
                name="unit_valid_to_after_valid_from",
                violation_error_message=_("Ngày kết thúc không được trước ngày bắt đầu."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_active(self) -> bool:
        """Whether the unit still exists today."""
        return self.valid_to is None or self.valid_to > datetime.date.today()


class SuccessionKind(models.TextChoices):
    """How one unit followed another."""

    MERGED_INTO = "merged_into", _("Hợp nhất, sáp nhập vào")
    SPLIT_INTO = "split_into", _("Chia tách thành")
    RENAMED_TO = "renamed_to", _("Đổi tên thành")


class UnitSuccession(models.Model):
    """An edge of unit history: ``predecessor`` continued as ``successor`` on ``effective``."""

    predecessor = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="successions")
    successor = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="predecessions")
    kind = models.CharField(_("hình thức"), max_length=16, choices=SuccessionKind.choices)
    effective = models.DateField(_("ngày hiệu lực"))
    basis = models.CharField(_("căn cứ (văn bản)"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("kế thừa đơn vị")
        constraints = [
            models.UniqueConstraint(
                fields=["predecessor", "successor"], name="unit_succession_unique"
            ),
            models.CheckConstraint(
                condition=~Q(predecessor=models.F("successor")), name="unit_succession_not_self"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.predecessor} → {self.successor} ({self.effective:%d/%m/%Y})"


class Person(models.Model):
    """A cadre or staff member; may have a login (``user``) or be known by name only."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="person",
    )
    full_name = models.CharField(_("họ và tên"), max_length=255)
    must_change_password = models.BooleanField(
        _("phải đổi mật khẩu khi đăng nhập"),
        default=False,
        help_text=_("Đặt khi quản trị đơn vị cấp hoặc đặt lại mật khẩu tạm thời."),
    )

    class Meta:
        verbose_name = _("cán bộ")
        verbose_name_plural = _("cán bộ")

    def __str__(self) -> str:
        return self.full_name


class Role(models.TextChoices):
    """What a membership lets a person do in a unit."""

    HEAD = "head", _("Người đứng đầu")
    DEPUTY = "deputy", _("Cấp phó")
    STANDING_MEMBER = "standing_member", _("Ủy viên Ban Thường vụ")
    STAFF = "staff", _("Cán bộ, chuyên viên")
    CLERK = "clerk", _("Văn thư")
    INSPECTOR = "inspector", _("Cán bộ kiểm tra")
    UNIT_ADMIN = "unit_admin", _("Quản trị đơn vị")


class MembershipQuerySet(models.QuerySet["Membership"]):
    """Memberships, with a filter for those in force on a date."""

    def active(self, on: datetime.date | None = None) -> MembershipQuerySet:
        on = on or datetime.date.today()
        return self.filter(Q(valid_to__isnull=True) | Q(valid_to__gt=on), valid_from__lte=on)


class Membership(models.Model):
    """A person's role in a unit, with the position title as written, between two dates."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="memberships")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="memberships")
    role = models.CharField(_("vai trò"), max_length=32, choices=Role.choices)
    position_title = models.CharField(_("chức vụ"), max_length=128, blank=True)
    valid_from = models.DateField(_("từ ngày"), default=datetime.date(2020, 1, 1))
    valid_to = models.DateField(_("đến ngày"), null=True, blank=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("chức vụ, vai trò")
        ordering = ["unit", "role", "person__full_name"]

    def __str__(self) -> str:
        return f"{self.person} — {self.position_title or self.get_role_display()} ({self.unit})"


class ScopeStamp(models.Model):
    """A token that changes with every write to what a scope is made of.

    Database triggers (migration 0004 here, 0009 in documents) give ``token`` a new random value
    on every insert, update or delete of units, people, memberships, successions and
    clearances, in the writing transaction, whoever writes (services, the admin, bulk loads,
    raw SQL). A scope kept in the cache under the token read with the user is therefore never
    older than the data: a role taken away changes the token, and the next request computes
    the scope again. Random, not a counter, so that a restored backup or an emptied table can
    never bring back a token already used for other data.
    """

    token = models.CharField(max_length=32)

    objects: models.Manager[ScopeStamp] = models.Manager()

    def __str__(self) -> str:
        return self.token

    @staticmethod
    def token_sql() -> str:
        """The token as a scalar subquery, written out to be read with another statement (the
        user's, on every request; ingest's look-up of a file): as a queryset subquery it was
        resolved and compiled anew each time."""
        quote, column = connection.ops.quote_name, str(ScopeStamp._meta.get_field("token").column)
        return f"(SELECT {quote(column)} FROM {quote(ScopeStamp._meta.db_table)} WHERE {quote('id')} = 1)"
