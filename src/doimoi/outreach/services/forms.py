"""The managed list of forms: the seed forms, and the administrator's changes."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from doimoi.core.errors import ApplicationError
from doimoi.core.services import clean, require
from doimoi.ledger import services as ledger
from doimoi.outreach import events
from doimoi.outreach.models import Form, Reach
from doimoi.outreach.seed_forms import SEED_FORMS


def forms_seed() -> int:
    """Create the seed forms that are missing (idempotent); returns how many were created."""
    made = 0
    for order, (name, keywords, reach, study) in enumerate(SEED_FORMS, start=1):
        _form, created = Form.objects.get_or_create(
            name=name,
            defaults={"keywords": keywords, "reach": reach, "study": study, "order": order},
        )
        made += int(created)
    return made


@transaction.atomic
def form_save(
    *,
    actor: Any,
    form: Form | None,
    name: str,
    keywords: str = "",
    reach: str = Reach.PARTICIPANTS,
    study: bool = False,
    active: bool = True,
) -> Form:
    """Add a form to the list or change one (the system administrator's)."""
    require(actor, "outreach.manage_forms", None)
    name = clean(name)
    if not name:
        raise ApplicationError({"name": _("Nhập tên hình thức.")})
    if reach not in Reach.values:
        raise ApplicationError({"reach": _("Chọn cách tính độ bao phủ.")})
    same = Form.objects.filter(name=name)
    if form is not None:
        same = same.exclude(pk=form.pk)
    if same.exists():
        raise ApplicationError({"name": _("Đã có hình thức «%(name)s».") % {"name": name}})
    form = form or Form(order=Form.objects.count() + 1)
    form.name, form.keywords, form.reach = name, clean(keywords), reach
    form.study, form.active = study, active
    form.save()
    ledger.append(
        action=events.FORM_SAVED,
        subject=form,
        actor=actor,
        unit=None,
        payload={"name": name, "active": active},
    )
    return form
