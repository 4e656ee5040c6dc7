"""What the outreach pages share: the XLSX answer, the remembered unit and plan."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
REMEMBER_UNIT, REMEMBER_PLAN = "outreach_unit", "outreach_plan"


def xlsx_response(content: bytes, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def remembered(request: HttpRequest) -> dict[str, Any]:
    """The unit and plan the user logged for last time (the phone form starts from them)."""
    return {
        "unit": request.session.get(REMEMBER_UNIT),
        "plan": request.session.get(REMEMBER_PLAN),
    }


def remember(request: HttpRequest, unit_id: int, plan_id: int | None) -> None:
    request.session[REMEMBER_UNIT] = unit_id
    request.session[REMEMBER_PLAN] = plan_id
