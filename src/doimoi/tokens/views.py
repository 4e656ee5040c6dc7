"""The user's own API tokens: list, make (the key shown once), revoke."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_POST

from doimoi.core.errors import ApplicationError
from doimoi.core.views import require_rule
from doimoi.tokens.models import ApiToken
from doimoi.tokens.services import token_create, token_revoke


class TokenForm(forms.Form):
    name = forms.CharField(label=_lazy("Tên gợi nhớ"), max_length=100)


@require_rule("tokens.manage_own_tokens")
def token_list(request: HttpRequest) -> HttpResponse:
    """The user's tokens; a new one's key is shown on this page once."""
    form = TokenForm(request.POST or None)
    key = None
    if request.method == "POST" and form.is_valid():
        try:
            _token, key = token_create(actor=request.user, name=form.cleaned_data["name"])
        except ApplicationError as error:
            form.add_error("name", error.message_dict.get("name") or [])
    tokens = ApiToken.objects.filter(Q(user_id=request.user.pk))
    context = {"form": form, "tokens": tokens, "key": key}
    return render(request, "tokens/token_list.html", context)


@require_POST
@require_rule("tokens.manage_own_tokens")
def token_revoke_view(request: HttpRequest, pk: int) -> HttpResponse:
    token = get_object_or_404(ApiToken, pk=pk, user_id=request.user.pk)
    token_revoke(actor=request.user, token=token)
    messages.success(request, _("Đã thu hồi khóa «%(name)s».") % {"name": token.name})
    return redirect("tokens:token_list")
