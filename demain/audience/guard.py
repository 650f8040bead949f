"""Screening a public form post: rate limits, honeypot, minimum fill time."""

from __future__ import annotations

import enum

from django.shortcuts import redirect, render

from demain.audience import abuse

TOO_FAST = "Le formulaire est parti un peu vite. Vérifiez vos réponses, puis envoyez-le de nouveau."


class Verdict(enum.Enum):
    OK = "ok"
    BOT = "bot"  # honeypot filled: answer as if all went well, do nothing
    RETRY = "retry"  # invalid or too fast: show the form again with its errors
    LIMITED = "limited"  # too many posts: 429


def screen(request, form) -> Verdict:
    if not abuse.allow_ip(request):
        return Verdict.LIMITED
    if form.is_bot:
        return Verdict.BOT
    valid = form.is_valid()
    if valid and form.too_fast:
        form.add_error(None, TOO_FAST)
        valid = False
    if not valid:
        form.restart_clock()
        return Verdict.RETRY
    email = form.cleaned_data.get("email")
    if email and not abuse.allow_address(email):
        return Verdict.LIMITED
    return Verdict.OK


def too_many(request):
    return render(request, "audience/too_many.html", status=429)


def handle_post(request, form, accept, thanks_url: str):
    """The public forms' flow: 429 when limited, ``accept(form)`` for a clean post, then the
    thank-you page, which a bot also gets (it learns nothing); None shows the form again."""
    verdict = screen(request, form)
    if verdict is Verdict.LIMITED:
        return too_many(request)
    if verdict is Verdict.OK:
        accept(form)
    if verdict in (Verdict.OK, Verdict.BOT):
        return redirect(thanks_url)
    return None
