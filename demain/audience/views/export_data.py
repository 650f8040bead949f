import json

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from demain.audience import subscriptions, tokens
from demain.audience.signed import subscriber_from


@require_GET
def export_data(request, token):
    """Download everything we hold about the subscriber, as JSON."""
    subscriber = subscriber_from(token, tokens.DATA, max_age_days=7)
    if subscriber is None:
        return render(request, "audience/link_invalid.html", status=404)
    body = json.dumps(subscriptions.export(subscriber), ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="mes-donnees-demain.json"'
    response["Cache-Control"] = "no-store"
    return response
