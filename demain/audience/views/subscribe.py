from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from demain.audience import abuse, subscriptions
from demain.audience.forms import SignupForm
from demain.audience.guard import Verdict, screen, too_many


@require_http_methods(["GET", "POST"])
def subscribe(request):
    """The sign-up form. Every accepted post gets the same answer, known address or not."""
    form = SignupForm(request.POST or None)
    if request.method == "POST":
        verdict = screen(request, form)
        if verdict is Verdict.LIMITED:
            return too_many(request)
        if verdict is Verdict.OK:
            subscriptions.request_subscription(
                form.cleaned_data["email"], form.cleaned_data["interests"], abuse.ip_hash(request), source="site"
            )
        if verdict in (Verdict.OK, Verdict.BOT):
            return redirect("audience:subscribe_sent")
    return render(request, "audience/subscribe.html", {"form": form})


def subscribe_sent(request):
    return render(request, "audience/subscribe_sent.html")
