"""In-app notifications, and the urging dispatches (công văn đôn đốc) sent to late units."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from doimoi.directives.models.directives import LEVEL, Assignment, Directive
from doimoi.documents.models import Document
from doimoi.organizations.models import Unit
from doimoi.organizations.scope import Access, ScopedQuerySet


class Notification(models.Model):
    """A message to one user about a directive: received, reported, returned, due soon, overdue.

    ``key`` makes a reminder idempotent: the daily job never sends the same one twice.
    """

    # One's own, and only while one may read the directive's level over the unit it is about.
    access = Access(
        units=("unit",),
        level=LEVEL,
        places={"view": ()},
        also=lambda scope, _action: Q(user_id=scope.user_id),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="directive_notifications"
    )
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    directive = models.ForeignKey(
        Directive, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    assignment = models.ForeignKey(
        Assignment, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    key = models.CharField(max_length=128)
    message = models.CharField(_("nội dung"), max_length=500)
    link = models.CharField(max_length=255, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(_("đã đọc lúc"), null=True, blank=True)

    objects = ScopedQuerySet["Notification"].as_manager()

    class Meta:
        verbose_name = _("thông báo")
        verbose_name_plural = _("thông báo")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["user", "key"], name="notification_once_per_key")
        ]
        indexes = [models.Index(fields=["user", "read_at"], name="notification_user_unread")]

    def __str__(self) -> str:
        return self.message


class UrgingDispatch(models.Model):
    """A công văn đôn đốc: numbered from the sender's outgoing register, listing the late units."""

    access = Access(units=("sender",), level=LEVEL)
    directive = models.ForeignKey(Directive, on_delete=models.CASCADE, related_name="urgings")
    sender = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    document = models.ForeignKey(
        Document, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    reference = models.CharField(_("số, ký hiệu"), max_length=80)
    date = models.DateField(_("ngày"))
    place = models.CharField(_("địa danh"), max_length=128)
    superior_name = models.CharField(_("cơ quan cấp trên"), max_length=255, blank=True)
    issuer_name = models.CharField(_("cơ quan ban hành"), max_length=255)
    subject = models.CharField(_("trích yếu"), max_length=300)
    late_units = models.JSONField(_("đơn vị chậm"), default=list)
    body = models.JSONField(_("nội dung"), default=list)
    reply_by = models.DateField(_("báo cáo trước ngày"))
    authority = models.CharField(_("thẩm quyền ký"), max_length=128)
    signer_title = models.CharField(_("chức vụ người ký"), max_length=128)
    signer_name = models.CharField(_("người ký"), max_length=128)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedQuerySet["UrgingDispatch"].as_manager()

    class Meta:
        verbose_name = _("công văn đôn đốc")
        verbose_name_plural = _("công văn đôn đốc")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.reference
