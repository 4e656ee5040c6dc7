"""Documents, the files they came in, and the citations between them."""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from doimoi.organizations.models import Role, Unit
from doimoi.organizations.scope import Access, ScopedQuerySet, subtree_ids

# Who registers, reviews and numbers documents in a unit (and the units below it).
INGEST_ROLES = frozenset(
    {Role.CLERK, Role.UNIT_ADMIN, Role.HEAD, Role.DEPUTY, Role.STANDING_MEMBER, Role.STAFF}
)
NUMBER_ROLES = frozenset({Role.CLERK, Role.UNIT_ADMIN, Role.HEAD, Role.DEPUTY})


class DocumentKind(models.TextChoices):
    """Which system of rules the document follows (HD 36 for the Party, ND 30 for the State)."""

    PARTY = "party", _("Văn bản của Đảng")
    STATE = "state", _("Văn bản nhà nước")


class Confidentiality(models.IntegerChoices):
    """Độ mật, in increasing order: a clearance for a level covers the levels below it."""

    NONE = 0, _("Thường")
    MAT = 1, _("Mật")
    TOI_MAT = 2, _("Tối mật")
    TUYET_MAT = 3, _("Tuyệt mật")


class Urgency(models.TextChoices):
    """Mức độ khẩn."""

    NONE = "", _("Thường")
    KHAN = "khan", _("Khẩn")
    THUONG_KHAN = "thuong_khan", _("Thượng khẩn")
    HOA_TOC = "hoa_toc", _("Hỏa tốc")


class DocumentState(models.TextChoices):
    """Where a document stands: cited but not yet here, read by the parser, or confirmed by a person."""

    PLACEHOLDER = "placeholder", _("Chưa có văn bản (được trích dẫn)")
    REVIEW = "review", _("Chờ kiểm tra thông tin")
    CONFIRMED = "confirmed", _("Đã kiểm tra")


class Relation(models.TextChoices):
    """How a document relates to one it cites."""

    IMPLEMENTS = "implements", _("thực hiện")
    BASIS = "basis", _("căn cứ")
    FORWARDS = "forwards", _("sao gửi")
    CITES = "cites", _("trích dẫn")
    AMENDS = "amends", _("sửa đổi, bổ sung")
    REPLACES = "replaces", _("thay thế")


class StoredFile(models.Model):
    """An original file kept byte for byte, once, named by its SHA-256."""

    sha256 = models.CharField(max_length=64, unique=True)
    size = models.PositiveBigIntegerField(_("dung lượng (byte)"))
    original_name = models.CharField(_("tên tệp"), max_length=255)
    content_type = models.CharField(max_length=100, blank=True)
    path = models.CharField(max_length=255, help_text=_("Đường dẫn trong kho tệp."))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("tệp gốc")
        verbose_name_plural = _("tệp gốc")

    def __str__(self) -> str:
        return f"{self.original_name} ({self.sha256[:12]})"


class Document(models.Model):
    """One party or state document: its metadata, its text, where it is held.

    A placeholder is a document known only from a citation; it becomes the real document
    (same row, same edges) when that document arrives. It is seen in the subtrees of the unit
    that holds it, the unit that issued it and the units holding a copy; it is changed only by
    the holder's or the issuer's people (a copy never lets its holder edit the record).
    """

    access = Access(
        units=("unit", "issuer_unit", lambda paths: _copies_in(paths)),
        level="confidentiality",
        roles={"change": INGEST_ROLES},
        places={"change": ("unit", "issuer_unit")},
    )
    state = models.CharField(
        _("trạng thái"), max_length=16, choices=DocumentState.choices, default=DocumentState.REVIEW
    )
    kind = models.CharField(_("khối"), max_length=8, choices=DocumentKind.choices, blank=True)
    number = models.CharField(_("số"), max_length=16, blank=True)
    symbol = models.CharField(_("ký hiệu"), max_length=64, blank=True)
    symbol_key = models.CharField(max_length=64, blank=True, editable=False, db_index=True)
    type_code = models.CharField(_("mã loại văn bản"), max_length=16, blank=True)
    type_name = models.CharField(_("loại văn bản"), max_length=64, blank=True)
    issuer_name = models.CharField(_("cơ quan ban hành"), max_length=255, blank=True)
    parent_issuer_name = models.CharField(_("cơ quan cấp trên"), max_length=255, blank=True)
    issuer_unit = models.ForeignKey(
        Unit,
        verbose_name=_("đơn vị ban hành"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="issued_documents",
    )
    place = models.CharField(_("địa danh"), max_length=128, blank=True)
    date = models.DateField(_("ngày ban hành"), null=True, blank=True)
    title = models.TextField(_("trích yếu"), blank=True)
    signing_authority = models.CharField(_("thẩm quyền ký"), max_length=128, blank=True)
    signer_title = models.CharField(_("chức vụ người ký"), max_length=128, blank=True)
    signer_name = models.CharField(_("người ký"), max_length=128, blank=True)
    recipients = models.JSONField(_("nơi nhận"), default=list, blank=True)
    confidentiality = models.PositiveSmallIntegerField(
        _("độ mật"), choices=Confidentiality.choices, default=Confidentiality.NONE
    )
    urgency = models.CharField(
        _("độ khẩn"), max_length=16, choices=Urgency.choices, default="", blank=True
    )
    text = models.TextField(_("nội dung"), blank=True)
    parsed = models.JSONField(
        _("kết quả đọc tự động"), default=dict, blank=True, help_text=_("Độ tin cậy, cảnh báo.")
    )
    issuer_confirmed = models.BooleanField(
        _("cơ quan ban hành đã xác nhận"),
        default=True,
        help_text=_(
            "Bản do đơn vị khác nhận và tải lên: chưa được cơ quan ban hành xác nhận là của mình."
        ),
    )
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("đơn vị lưu giữ"),
        on_delete=models.PROTECT,
        related_name="held_documents",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # The same document stored twice (a PNG and a PDF scan read differently): the second one is
    # merged into the first; its row stays, so its cancelled arrival and its history still point
    # somewhere, but lists, search and matching skip it and its page leads to the first.
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("đã gộp vào văn bản"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="merged",
    )

    objects = ScopedQuerySet["Document"].as_manager()

    class Meta:
        verbose_name = _("văn bản")
        verbose_name_plural = _("văn bản")
        ordering = ["-date", "-pk"]
        indexes = [
            models.Index(fields=["number", "symbol_key"], name="document_number_symbol"),
            models.Index(fields=["state", "-date"], name="document_state_date"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(confidentiality__lte=3), name="document_confidentiality_level"
            ),
        ]

    def __str__(self) -> str:
        return self.reference or self.title[:80] or f"#{self.pk}"

    @property
    def reference(self) -> str:
        """Number and symbol as written: "64-KH/ThU" (party) or "05/QĐ-UBND" (state)."""
        if not self.symbol:
            return self.number
        if not self.number:
            return self.symbol
        separator = "/" if self.kind == DocumentKind.STATE else "-"
        return f"{self.number}{separator}{self.symbol}"

    @property
    def is_placeholder(self) -> bool:
        return self.state == DocumentState.PLACEHOLDER


def _copies_in(paths: Iterable[str]) -> Q:
    """Documents of which a unit under ``paths`` holds a copy."""
    units = subtree_ids(paths)
    return Q(Exists(DocumentCopy.objects.filter(document=OuterRef("pk"), unit__in=units)))


class DocumentCopy(models.Model):
    """A copy of a document held by a unit: which stored file, which part of it, how it came.

    A copy (its file: a unit's own scan, with its stamp and notes) is seen in its holder's subtree
    only: seeing the document through one's own copy does not open another unit's.
    """

    access = Access(units=("unit",), level="document__confidentiality")
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="copies")
    stored_file = models.ForeignKey(
        StoredFile, on_delete=models.PROTECT, null=True, blank=True, related_name="copies"
    )
    part = models.PositiveSmallIntegerField(
        _("phần trong tệp"), default=0, help_text=_("Văn bản thứ mấy trong tệp (tính từ 0).")
    )
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="document_copies")
    source = models.CharField(_("nguồn"), max_length=16, default="web")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedQuerySet["DocumentCopy"].as_manager()

    class Meta:
        verbose_name = _("bản lưu văn bản")
        verbose_name_plural = _("bản lưu văn bản")
        constraints = [
            models.UniqueConstraint(
                fields=["document", "stored_file", "part", "unit"], name="document_copy_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.document} @ {self.unit}"


class Citation(models.Model):
    """A typed edge: ``source`` cites ``target`` (a real document or a placeholder)."""

    source = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="citations")
    target = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="cited_by")
    relation = models.CharField(_("quan hệ"), max_length=16, choices=Relation.choices)
    cited_as = models.CharField(_("trích dẫn là"), max_length=128, blank=True)
    cited_date = models.DateField(_("ngày được trích dẫn"), null=True, blank=True)
    cited_issuer = models.CharField(_("cơ quan được trích dẫn"), max_length=255, blank=True)
    position = models.PositiveSmallIntegerField(default=0)
    via = models.ForeignKey(
        "Document",
        verbose_name=_("suy ra từ văn bản"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Quan hệ đọc được trong văn bản này, không phải trong văn bản nguồn."),
    )

    class Meta:
        verbose_name = _("trích dẫn")
        verbose_name_plural = _("trích dẫn")
        ordering = ["source", "position"]
        constraints = [
            models.UniqueConstraint(fields=["source", "target"], name="citation_unique"),
            models.CheckConstraint(
                condition=~Q(source=models.F("target")), name="citation_not_self"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.source} —{self.relation}→ {self.target}"
