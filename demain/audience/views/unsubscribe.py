from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from demain.audience import abuse, links, subscriptions, tokens
from demain.audience.signed import subscriber_from


@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """The visible link of every email: GET asks, the button's POST unsubscribes."""
    subscriber = subscriber_from(token, tokens.UNSUBSCRIBE)
    if subscriber is None:
        return render(request, "audience/link_invalid.html", status=404)
    if request.method == "POST":
        subscriptions.unsubscribe(subscriber, abuse.ip_hash(request))
        return render(request, "audience/unsubscribed.html", {
            "preferences_url": links.preferences_url(subscriber),
        })
    return render(request, "audience/unsubscribe.html", {"email": subscriber.email})
