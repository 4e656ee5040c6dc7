"""Dissemination (tuyên truyền): plans and their parts, the forms, the activities units hold and
their reach, and the tallies that roll reach up the tree."""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from doimoi.documents.models import Document, StoredFile
from doimoi.organizations.models import Role, Unit
from doimoi.organizations.scope import Access, ScopedQuerySet, units_in

# Who may log an activity for a unit (in the unit or above it): everyone with a working role there
# except an inspector, whose role is to check, not to do.
LOG_ROLES = frozenset(
    {Role.HEAD, Role.DEPUTY, Role.STANDING_MEMBER, Role.STAFF, Role.CLERK, Role.UNIT_ADMIN}
)
# Who may record a plan and confirm its parts.
PLAN_ROLES = frozenset({Role.HEAD, Role.DEPUTY, Role.STANDING_MEMBER, Role.STAFF, Role.CLERK})


class Reach(models.TextChoices):
    """What a form's reach is counted in."""

    PARTICIPANTS = "participants", _("Người tham dự")
    LISTENERS = "listeners", _("Lượt người nghe")
    READERS = "readers", _("Lượt người đọc")
    VIEWS = "views", _("Lượt xem")


class Form(models.Model):
    """A form of dissemination from the managed list (a conference, the ward radio, the unit's
    website …), with the words that name it in a plan's section III."""

    name = models.CharField(_("hình thức"), max_length=160, unique=True)
    keywords = models.CharField(
        _("từ khóa nhận diện"),
        max_length=400,
        blank=True,
        help_text=_("Các cụm từ trong kế hoạch chỉ hình thức này, cách nhau bởi dấu «;»."),
    )
    reach = models.CharField(
        _("tính độ bao phủ theo"), max_length=16, choices=Reach.choices, default=Reach.PARTICIPANTS
    )
    study = models.BooleanField(_("là buổi học tập, quán triệt"), default=False)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    active = models.BooleanField(_("đang dùng"), default=True)

    class Meta:
        verbose_name = _("hình thức tuyên truyền")
        verbose_name_plural = _("hình thức tuyên truyền")
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name

    @property
    def keyword_list(self) -> tuple[str, ...]:
        return tuple(k.strip() for k in self.keywords.split(";") if k.strip())


def _assigned_in(paths: Iterable[str]) -> Q:
    """Plans that assign a task to a unit in the subtrees at ``paths``."""
    assigned = PlanAssignment.units.through.objects.filter(units_in("unit", paths))
    return Q(pk__in=assigned.values("planassignment__plan_id"))


class Plan(models.Model):
    """A dissemination plan: a document (ingested or composed) followed by ``unit``, with its
    content items, forms, target groups, assignments and period."""

    access = Access(
        units=("unit", _assigned_in),
        level="document__confidentiality",
        roles={"change": PLAN_ROLES},
        places={"change": ("unit",)},
    )
    document = models.ForeignKey(
        Document, on_delete=models.PROTECT, related_name="outreach_plans", verbose_name=_("văn bản")
    )
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="outreach_plans", verbose_name=_("đơn vị")
    )
    title = models.CharField(_("tên kế hoạch"), max_length=300)
    starts_on = models.DateField(_("từ ngày"))
    ends_on = models.DateField(_("đến ngày"))
    target_groups = models.CharField(_("đối tượng"), max_length=300, blank=True)
    forms = models.ManyToManyField(Form, blank=True, related_name="plans")
    confirmed_at = models.DateTimeField(_("xác nhận lúc"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedQuerySet["Plan"].as_manager()

    class Meta:
        verbose_name = _("kế hoạch tuyên truyền")
        verbose_name_plural = _("kế hoạch tuyên truyền")
        ordering = ["-starts_on", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["document", "unit"], name="outreach_plan_once"),
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="outreach_plan_period"
            ),
        ]

    def __str__(self) -> str:
        return self.title


class ContentItem(models.Model):
    """One content item of a plan's section II, as written (number, group, text)."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="items")
    number = models.CharField(_("số"), max_length=16)
    group = models.CharField(_("nhóm nội dung"), max_length=200, blank=True)
    text = models.TextField(_("nội dung"))
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("nội dung tuyên truyền")
        verbose_name_plural = _("nội dung tuyên truyền")
        ordering = ["plan", "order"]

    def __str__(self) -> str:
        return f"{self.number}. {self.text[:80]}"

    @property
    def short(self) -> str:
        words = self.text.split()
        return " ".join(words[:14]) + (" …" if len(words) > 14 else "")


class PlanAssignment(models.Model):
    """Who does what (section IV): the item as written and the units it names."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="assignments")
    number = models.CharField(_("số"), max_length=16)
    heading = models.CharField(_("đơn vị được giao (như văn bản)"), max_length=300)
    body = models.TextField(_("nhiệm vụ"), blank=True)
    units = models.ManyToManyField(Unit, blank=True, related_name="outreach_assignments")
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("phân công thực hiện")
        verbose_name_plural = _("phân công thực hiện")
        ordering = ["plan", "order"]

    def __str__(self) -> str:
        return f"{self.number}. {self.heading}"


class Activity(models.Model):
    """One activity a unit held (or a study session, ``study``): when, in what form, for which
    plan and content items, and whom it reached. Evidence points to the unit's own publication."""

    access = Access(units=("unit",), roles={"log": LOG_ROLES}, places={"log": ("unit",)})
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="outreach_activities", verbose_name=_("đơn vị")
    )
    plan = models.ForeignKey(
        Plan,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="activities",
        verbose_name=_("kế hoạch"),
    )
    items = models.ManyToManyField(ContentItem, blank=True, related_name="activities")
    form = models.ForeignKey(
        Form, on_delete=models.PROTECT, related_name="activities", verbose_name=_("hình thức")
    )
    held_on = models.DateField(_("ngày tổ chức"))
    title = models.CharField(_("tên hoạt động"), max_length=300)
    place = models.CharField(_("địa điểm, địa chỉ"), max_length=300, blank=True)
    cadres = models.PositiveIntegerField(_("cán bộ"), default=0)
    party_members = models.PositiveIntegerField(_("đảng viên"), default=0)
    people = models.PositiveIntegerField(_("quần chúng nhân dân"), default=0)
    audience = models.PositiveIntegerField(
        _("lượt tiếp cận"),
        default=0,
        help_text=_("Lượt nghe, lượt đọc, lượt xem ấn phẩm của đơn vị."),
    )
    # a study session: attendance against the unit's member count, less the members excused
    study = models.BooleanField(_("học tập, quán triệt"), default=False)
    members = models.PositiveIntegerField(_("số đảng viên, hội viên của đơn vị"), default=0)
    excused = models.PositiveIntegerField(_("vắng có lý do"), default=0)
    attended = models.PositiveIntegerField(_("số tham dự"), default=0)
    link = models.URLField(_("đường dẫn bài đăng của đơn vị"), max_length=500, blank=True)
    photo = models.ForeignKey(
        StoredFile, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    file = models.ForeignKey(
        StoredFile, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    notes = models.TextField(_("ghi chú"), blank=True)
    # a row imported from a sheet: the digest of its values, so the same row adds nothing twice
    import_key = models.CharField(max_length=64, blank=True, default="")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedQuerySet["Activity"].as_manager()

    class Meta:
        verbose_name = _("hoạt động tuyên truyền")
        verbose_name_plural = _("hoạt động tuyên truyền")
        ordering = ["-held_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "import_key"],
                condition=~Q(import_key=""),
                name="outreach_activity_import_once",
            ),
            models.UniqueConstraint(
                fields=["plan", "unit"],
                condition=Q(study=True),
                name="outreach_study_once_per_plan",
            ),
            models.CheckConstraint(
                condition=Q(excused__lte=models.F("members")), name="outreach_excused_le_members"
            ),
        ]
        indexes = [
            models.Index(fields=["unit", "held_on"], name="outreach_activity_unit_day"),
            models.Index(fields=["plan", "held_on"], name="outreach_activity_plan_day"),
        ]

    def __str__(self) -> str:
        return f"{self.held_on:%d/%m/%Y} — {self.title}"

    @property
    def participants(self) -> int:
        return self.cadres + self.party_members + self.people

    @property
    def expected(self) -> int:
        return max(self.members - self.excused, 0)


class Tally(models.Model):
    """Reach rolled up: for a unit and everything below it, one plan (0: none), one month and one
    form (or one content item), the sums of its activities. Kept by the services in the same
    transaction as the activities, so a coverage page reads a few rows per unit, not the rows of
    a whole subtree (bench/rollup.py measures both)."""

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="+")
    plan_key = models.IntegerField(default=0)
    month = models.DateField()
    form_key = models.IntegerField(default=0)
    item_key = models.IntegerField(default=0)
    activities = models.IntegerField(default=0)
    participants = models.BigIntegerField(default=0)
    audience = models.BigIntegerField(default=0)
    sessions = models.IntegerField(default=0)
    attended = models.BigIntegerField(default=0)
    expected = models.BigIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "plan_key", "month", "form_key", "item_key"],
                name="outreach_tally_key",
            )
        ]

    def __str__(self) -> str:
        return f"{self.unit_id} {self.plan_key} {self.month:%m/%Y} {self.form_key}/{self.item_key}"
