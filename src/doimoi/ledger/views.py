"""The inspectors' page: verify the ledger (or one subject's events) against its checkpoints."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from doimoi.core.views import require_rule
from doimoi.ledger import checkpoints, registry
from doimoi.ledger.models import LedgerEvent
from doimoi.ledger.verify import verify


def _marked(points: list[checkpoints.Checkpoint], report_ok: bool) -> list[tuple[object, bool]]:
    hashes = dict(
        LedgerEvent.objects.filter(seq__in=[p.seq for p in points]).values_list("seq", "hash")
    )
    return [(p, hashes.get(p.seq) == p.hash) for p in reversed(points[-50:])]


@require_rule("ledger.verify_ledger")
def ledger_check(request: HttpRequest) -> HttpResponse:
    """Walk the chain, hold it against every checkpoint, list one subject's events if asked."""
    path = checkpoints.default_path()
    points = checkpoints.read([path] if path.exists() else [])
    report = verify(points)
    subject = request.GET.get("doi_tuong", "").strip()
    events = []
    if ":" in subject:
        kind, _sep, pk = subject.partition(":")
        rows = LedgerEvent.objects.filter(subject_type=kind, subject_id=pk).order_by("seq")[:200]
        events = [(e, registry.label(e.action)) for e in rows]
    context = {
        "report": report,
        "points": _marked(points, report.ok),
        "total_points": len(points),
        "subject": subject,
        "events": events,
        "checkpoint_file": path,
    }
    return render(request, "ledger/ledger_check.html", context)
