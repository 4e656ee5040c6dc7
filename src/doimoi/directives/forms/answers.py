"""A recipient's answers: the document it issued (chosen or pasted), a study session, a forward."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from doimoi.core.errors import ApplicationError
from doimoi.directives.forms.common import BaseForm, UnitsChoice, date_field, set_queryset
from doimoi.directives.forms.sending import SendingForm
from doimoi.directives.models import Assignment, RequirementKind
from doimoi.documents import selectors as documents
from doimoi.documents import services as document_services
from doimoi.documents.models import Document
from doimoi.organizations.models import Unit


class DocumentChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        date = f" ({obj.date:%d/%m/%Y})" if obj.date else ""
        return f"{obj.reference}{date} — {obj.title[:90]}"


class IssuedDocumentMixin(forms.Form):
    """The document the unit issued: one already in the system, or its text pasted here."""

    document = DocumentChoice(
        label=_("Văn bản đơn vị đã ban hành"), queryset=Document.objects.none(), required=False
    )
    text = forms.CharField(
        label=_("Hoặc dán nội dung văn bản (hệ thống đọc số, ký hiệu, ngày, trích yếu)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
    )

    def issued_by(self, viewer: Any, unit: Unit) -> None:
        own = Q(issuer_unit=unit) | Q(issuer_unit__isnull=True, unit=unit)
        set_queryset(self, "document", documents.document_list(viewer=viewer).filter(own))

    def issued_document(self, actor: Any, unit: Unit) -> Document | None:
        """The chosen document, or the pasted text stored as a document of the unit."""
        data = self.cleaned_data
        if data.get("document") is not None:
            return data["document"]
        if data.get("text"):
            return document_services.document_create_from_text(
                actor=actor, unit=unit, text=data["text"]
            )
        return None


class AnswerForm(IssuedDocumentMixin, BaseForm):
    """Record how the unit answered one requirement."""

    field_order = ["kind", "document", "text", "on"]

    kind = forms.ChoiceField(
        label=_("Đơn vị đã"),
        choices=[
            (RequirementKind.PLAN, _("ban hành kế hoạch thực hiện")),
            (RequirementKind.FORWARD, _("sao gửi văn bản tới đơn vị trực thuộc")),
            (RequirementKind.STUDY, _("tổ chức quán triệt")),
        ],
    )
    on = date_field(
        _("Ngày quán triệt"), required=False, help_text=_("Chỉ cần khi ghi buổi quán triệt.")
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("kind") != RequirementKind.STUDY and not (
            data.get("document") or data.get("text")
        ):
            self.add_error(
                "document", _("Chọn văn bản hoặc dán nội dung văn bản đơn vị đã ban hành.")
            )
        if data.get("kind") == RequirementKind.STUDY and not data.get("on"):
            self.add_error("on", _("Ghi ngày tổ chức quán triệt."))
        return data


class ForwardForm(IssuedDocumentMixin, SendingForm):
    """Send the directive on to the unit's own units with its dispatch (or its plan)."""

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if not (data.get("document") or data.get("text")):
            self.add_error(
                "document", _("Chọn văn bản sao gửi (hoặc kế hoạch) hoặc dán nội dung của nó.")
            )
        return data


class TaskRowForm(BaseForm):
    """One proposed task: the units it names, as matched in the tree, for the clerk to confirm."""

    include = forms.BooleanField(label=_("Giao"), required=False, initial=True)
    number = forms.CharField(label=_("Mục"), max_length=16, required=False)
    title = forms.CharField(label=_("Đơn vị được giao (như văn bản ghi)"), max_length=300)
    units = UnitsChoice(
        label=_("Đơn vị nhận"),
        queryset=Unit.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 4}),
    )
    description = forms.CharField(
        label=_("Nội dung nhiệm vụ"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    deliverable = forms.CharField(label=_("Sản phẩm"), max_length=300, required=False)
    due_date = date_field(_("Hạn"), required=False)

    def __init__(self, *args: Any, units: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if units is not None:
            set_queryset(self, "units", units)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("include"):
            for name in ("units", "deliverable", "due_date"):
                if not data.get(name):
                    self.add_error(name, _("Cần có để giao nhiệm vụ."))
        return data


TaskRowFormSet = forms.formset_factory(TaskRowForm, extra=0)


class PlanTasksForm(BaseForm):
    """The plan whose tasks are assigned, and the day they are sent."""

    plan = forms.ModelChoiceField(label=_("Kế hoạch của đơn vị"), queryset=Document.objects.none())
    sent_on = date_field(_("Ngày giao"))

    def __init__(self, *args: Any, viewer: Any, assignment: Assignment, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "plan", documents.document_list(viewer=viewer, issuer=assignment.unit))


def apply_error(form: forms.Form, error: ApplicationError) -> None:
    """Put a service's refusal on the field at fault (or on the form)."""
    for field, messages in error.message_dict.items():
        form.add_error(field if field in form.fields else None, messages)
