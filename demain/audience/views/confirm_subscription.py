from django.conf import settings
from datetime import timedelta

from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from demain.audience import abuse, subscriptions, tokens
from demain.audience.tasks import send_welcome
from demain.site.published import published_issues


@csrf_exempt  # the signed token is the credential; the page posts it back by itself
@require_http_methods(["GET", "POST"])
def confirm_subscription(request, token):
    """GET only shows a page that posts itself: a mail scanner's GET changes nothing."""
    try:
        pk, nonce = tokens.read(tokens.CONFIRM, token, max_age=timedelta(hours=settings.CONFIRMATION_HOURS))
    except tokens.ExpiredToken:
        return render(request, "audience/link_expired.html", status=410)
    except tokens.BadToken:
        return render(request, "audience/link_invalid.html", status=404)
    if request.method == "GET":
        return render(request, "audience/confirm.html")
    subscriber = subscriptions.confirm(pk, nonce, abuse.ip_hash(request))
    if subscriber is None:
        return render(request, "audience/confirm_used.html")
    send_welcome.enqueue(subscriber.pk)
    return render(request, "audience/confirmed.html", {"latest": published_issues().first()})
