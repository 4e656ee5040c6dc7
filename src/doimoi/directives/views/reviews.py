"""The sender's side of a report: accept it or return it, and open its files."""

from __future__ import annotations

from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from doimoi.core.views import require_rule
from doimoi.directives import services
from doimoi.directives.forms.reports import ReviewForm
from doimoi.directives.models import Report, ReportAttachment
from doimoi.directives.views.assignments import back
from doimoi.directives.views.common import report_assignment_of, run, status


@require_rule("directives.review_assignment", report_assignment_of)
def report_review(request: HttpRequest, pk: int) -> HttpResponse:
    """Accept a report, or return it with the reason the unit must act on."""
    report = get_object_or_404(Report.objects.select_related("assignment", "task", "unit"), pk=pk)
    form = ReviewForm(request.POST or None)

    def decide() -> Report:
        if form.cleaned_data["decision"] == "accept":
            return services.report_accept(actor=request.user, report=report)
        return services.report_return(
            actor=request.user, report=report, reason=form.cleaned_data["reason"]
        )

    if run(request, form, decide, _("Đã ghi nhận ý kiến về báo cáo.")):
        return back(report.assignment)
    context = {
        "form": form,
        "a": report.assignment,
        "report": report,
        "title": _("Xem xét báo cáo"),
    }
    return render(request, "directives/assignment_form.html", context, status=status(request))


@require_rule("directives.view_assignment", report_assignment_of)
def report_attachment(request: HttpRequest, pk: int, file_pk: int) -> FileResponse:
    """A file sent with a report, for those who may see the assignment."""
    attachment = get_object_or_404(ReportAttachment, pk=file_pk, report_id=pk)
    return FileResponse(attachment.file.open("rb"), as_attachment=True, filename=attachment.name)
