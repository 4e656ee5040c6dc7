"""Regimes as data: a versioned rule set per regime, its time limits, conditions and prohibited acts.

Decree 73/2023/NĐ-CP covers leaders and managers of state bodies; Conclusion 14-KL/TW, carried by a
provincial party rule (e.g. Yên Bái 51-QĐ/TU), covers party, Front and mass-organization cadres.
They differ in who is covered, what a proposal must not contradict and how far protection goes, so
each is its own rule set. A case keeps the version in force when it was created.
"""

from __future__ import annotations

import re

from django.db import models
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from doimoi.organizations.models import Unit


class Regime(models.TextChoices):
    """Which rule a proposal is handled under."""

    ND73 = "nd73", _("Nghị định 73/2023/NĐ-CP (cơ quan nhà nước)")
    KL14 = "kl14", _("Kết luận 14-KL/TW, quy định của cấp ủy (khối Đảng, Mặt trận, đoàn thể)")


class Confidence(models.TextChoices):
    """How sure we are of a rule (DOMAIN.md marks): ✅, 🟡, ❌."""

    CONFIRMED = "confirmed", _("✅ đã đối chiếu văn bản")
    SECONDARY = "secondary", _("🟡 theo nguồn thứ cấp, cần đối chiếu")
    UNCONFIRMED = "unconfirmed", _("❌ chưa xác định, quản trị viên điền")


class RuleSet(models.Model):
    """One version of one regime's rules, in force from ``valid_from``."""

    regime = models.CharField(_("chế độ"), max_length=8, choices=Regime.choices)
    version = models.PositiveSmallIntegerField(_("phiên bản"), default=1)
    name = models.CharField(_("tên"), max_length=255)
    basis = models.TextField(_("căn cứ"), blank=True)
    valid_from = models.DateField(_("áp dụng từ ngày"))
    covered_roles = models.JSONField(
        _("vai trò được áp dụng"),
        default=list,
        help_text=_(
            "Vai trò của người đề xuất tại đơn vị mà chế độ này áp dụng; để trống là mọi vai trò."
        ),
    )
    allows_suspension = models.BooleanField(
        _("cho phép tạm dừng, dừng bằng quyết định"),
        default=True,
        help_text=_(
            "Điều 6 khoản 4 NĐ 73 (🟡): cơ quan quyết định tiếp tục, tạm dừng, dừng đề xuất."
        ),
    )
    wide_scope_rule = models.TextField(
        _("quy trình đề xuất phạm vi rộng, nội dung phức tạp"),
        blank=True,
        help_text=_("Điều 8 khoản 2 NĐ 73 chưa được đối chiếu (❌): quản trị viên điền."),
    )

    class Meta:
        verbose_name = _("bộ quy tắc")
        verbose_name_plural = _("bộ quy tắc")
        ordering = ["regime", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["regime", "version"], name="ruleset_regime_version")
        ]

    def __str__(self) -> str:
        return f"{self.name} (v{self.version})"


class LimitKey(models.TextChoices):
    """The time limits a rule set can hold, counted in working days."""

    REVIEW = "review", _("Đưa ra tập thể lãnh đạo xem xét, kể từ khi nhận kế hoạch")
    WIDE_SCOPE_REVIEW = "wide_scope_review", _("Xem xét đề xuất phạm vi rộng, nội dung phức tạp")
    RESULT_REPORT = "result_report", _("Báo cáo kết quả bằng văn bản, kể từ khi hoàn thành")
    EVALUATION = "evaluation", _("Tập thể đánh giá kết quả, kể từ khi nhận báo cáo")
    EVALUATION_FOLLOWUP = "evaluation_followup", _("Bước tiếp theo sau khi đánh giá (03 ngày …)")


class TimeLimit(models.Model):
    """A time limit of a rule set; ``working_days`` empty means not known and not enforced."""

    rule_set = models.ForeignKey(RuleSet, on_delete=models.CASCADE, related_name="time_limits")
    key = models.CharField(_("thời hạn"), max_length=32, choices=LimitKey.choices)
    working_days = models.PositiveSmallIntegerField(_("số ngày làm việc"), null=True, blank=True)
    confidence = models.CharField(_("mức xác thực"), max_length=16, choices=Confidence.choices)
    basis = models.CharField(_("căn cứ"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("thời hạn")
        verbose_name_plural = _("thời hạn")
        constraints = [
            models.UniqueConstraint(fields=["rule_set", "key"], name="timelimit_ruleset_key")
        ]

    def __str__(self) -> str:
        days = self.working_days if self.working_days is not None else "?"
        return f"{self.get_key_display()}: {days}"


class ItemKind(models.TextChoices):
    """What a rule item is used for."""

    CONDITION = "condition", _("Điều kiện của đề xuất")
    LEGALITY = "legality", _("Tính hợp pháp, thẩm quyền")
    PROHIBITED = "prohibited", _("Việc không được làm")
    PROTECTION = "protection", _("Biện pháp bảo vệ")


ARTICLE_CODE = re.compile(r"\d+(?:\.\d+)*(?:\.[a-zđ])?")


class RuleItem(models.Model):
    """A condition, legality check, prohibited act or protection rule of a rule set.

    For legality items, ``code == "authority"`` is the check that the matter is within the unit's
    own authority; a "no" there sends the proposal to the unit above. For protection items, ``code``
    is the evaluation case (completed / shortfall / damage) and ``options`` the findings allowed.
    """

    rule_set = models.ForeignKey(RuleSet, on_delete=models.CASCADE, related_name="items")
    kind = models.CharField(_("loại"), max_length=16, choices=ItemKind.choices)
    code = models.CharField(_("mã"), max_length=32)
    text = models.TextField(_("nội dung"))
    options = models.CharField(_("lựa chọn"), max_length=255, blank=True)
    confidence = models.CharField(_("mức xác thực"), max_length=16, choices=Confidence.choices)
    basis = models.CharField(_("căn cứ"), max_length=255, blank=True)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("nội dung quy tắc")
        verbose_name_plural = _("nội dung quy tắc")
        ordering = ["rule_set", "kind", "order"]
        constraints = [
            models.UniqueConstraint(fields=["rule_set", "kind", "code"], name="ruleitem_unique")
        ]

    def __str__(self) -> str:
        return self.label[:80]

    @property
    def reference(self) -> str:
        """The item's article number when its code is one ("5.1.a"); internal codes stay hidden."""
        return self.code if ARTICLE_CODE.fullmatch(self.code) else ""

    @property
    def label(self) -> str:
        """How a user reads the item: its article number, if any, and its text."""
        return f"{self.reference}: {self.text}" if self.reference else self.text

    @property
    def short_label(self) -> str:
        """The label cut to a few words, for the labels of the fields that follow it."""
        return Truncator(self.label).words(10)


class CollectiveRule(models.Model):
    """Who sits in a unit's leadership collective when it votes on a proposal.

    ND 73 art. 8.1: the head and the deputies (without a deputy who proposed it). A party
    committee decides as its standing committee (its documents are signed "T/M BAN THƯỜNG VỤ"), so
    its working rules may make each standing-committee member a voter too. Without a row, a unit
    follows art. 8.1 alone.
    """

    unit = models.OneToOneField(
        Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="+"
    )
    standing_members_vote = models.BooleanField(
        _("Ủy viên Ban Thường vụ tham gia biểu quyết"),
        default=False,
        help_text=_(
            "Theo quy chế làm việc của đơn vị: tập thể lãnh đạo gồm người đứng đầu, cấp phó và "
            "các ủy viên Ban Thường vụ."
        ),
    )
    basis = models.CharField(
        _("căn cứ"),
        max_length=255,
        blank=True,
        help_text=_("Văn bản quy định, ví dụ «Quy chế làm việc của Ban Chấp hành Đảng bộ phường»."),
    )

    class Meta:
        verbose_name = _("quy định biểu quyết của đơn vị")
        verbose_name_plural = _("quy định biểu quyết của đơn vị")

    def __str__(self) -> str:
        return str(self.unit)
