from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from demain.audience import abuse, subscriptions
from demain.audience.forms import SignupForm
from demain.audience.guard import handle_post


@require_http_methods(["GET", "POST"])
def subscribe(request):
    """The sign-up form. Every accepted post gets the same answer, known address or not."""
    # The sign-up box of a page served as a file (no CSRF token there) sends the address by GET.
    form = SignupForm(request.POST or None, initial={"email": request.GET.get("email", "")[:254]})
    if request.method == "POST":
        def accept(form):
            data = form.cleaned_data
            subscriptions.request_subscription(data["email"], data["interests"], abuse.ip_hash(request), source="site")

        response = handle_post(request, form, accept, reverse("audience:subscribe_sent"))
        if response:
            return response
    return render(request, "audience/subscribe.html", {"form": form})


def subscribe_sent(request):
    return render(request, "audience/subscribe_sent.html")
