from datetime import timedelta

from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from demain.audience import abuse, links, subscriptions, tokens
from demain.audience.models import Subscriber
from demain.audience.signed import subscriber_from

PAUSE_DAYS = 90


@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """The visible link of every email: GET asks (and offers a pause or fewer letters), a POST decides."""
    subscriber = subscriber_from(token, tokens.UNSUBSCRIBE)
    if subscriber is None:
        return render(request, "audience/link_invalid.html", status=404)
    preferences_url = links.preferences_url(subscriber)
    if request.method == "POST":
        choice = request.POST.get("choice", "unsubscribe")
        if choice in ("pause", "monthly"):
            if choice == "pause":
                subscriber.paused_until = timezone.localdate() + timedelta(days=PAUSE_DAYS)
            else:
                subscriber.frequency = Subscriber.Frequency.MONTHLY
            subscriber.save(update_fields=["paused_until", "frequency"])
            return render(request, "audience/unsubscribe_kept.html",
                          {"subscriber": subscriber, "preferences_url": preferences_url, "choice": choice})
        subscriptions.unsubscribe(subscriber, abuse.ip_hash(request))
        return render(request, "audience/unsubscribed.html", {"preferences_url": preferences_url})
    return render(request, "audience/unsubscribe.html", {
        "email": subscriber.email, "subscriber": subscriber, "pause_days": PAUSE_DAYS,
        "monthly": subscriber.frequency == Subscriber.Frequency.MONTHLY,
    })
