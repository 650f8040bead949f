from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from demain.audience import subscriptions, tokens
from demain.audience.signed import subscriber_from


@require_http_methods(["GET", "POST"])
def erase_data(request, token):
    """GET asks for confirmation; POST erases everything but a suppression hash."""
    subscriber = subscriber_from(token, tokens.DATA, max_age_days=7)
    if subscriber is None:
        return render(request, "audience/link_invalid.html", status=404)
    if request.method == "POST":
        subscriptions.erase(subscriber)
        return render(request, "audience/erased.html")
    return render(request, "audience/erase.html", {"email": subscriber.email})
