"""Tasks any app may queue: sending mail."""

from __future__ import annotations

from typing import Any

from django.core.mail import send_mass_mail
from django_tasks import task


@task()
def send_mail_batch(messages: list[list[Any]]) -> int:
    """Send ``[subject, body, sender, [recipients]]`` messages through Django's mail settings.

    A mail server that is down makes the task fail (shown in the queue), not the user's action."""
    datatuple = tuple(
        (str(subject), str(body), str(sender) if sender else None, [str(a) for a in to])
        for subject, body, sender, to in messages
    )
    return send_mass_mail(datatuple, fail_silently=False)
