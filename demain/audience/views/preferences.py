from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from demain.audience import links
from demain.audience.forms import PreferencesForm
from demain.audience.models import Subscriber
from demain.audience.signed import subscriber_from


@require_http_methods(["GET", "POST"])
def preferences(request, token):
    subscriber = subscriber_from(token)
    if subscriber is None:
        return render(request, "audience/link_invalid.html", status=404)
    form = PreferencesForm(request.POST or None, instance=subscriber)
    if request.method == "POST" and form.is_valid():
        form.save()
        return redirect(request.path + "?enregistre=1")
    return render(request, "audience/preferences.html", {
        "form": form, "subscriber": subscriber, "saved": "enregistre" in request.GET,
        "unsubscribed": subscriber.status == Subscriber.Status.UNSUBSCRIBED,
        "unsubscribe_url": links.unsubscribe_url(subscriber),
        "export_url": links.export_url(subscriber), "erase_url": links.erase_url(subscriber),
    })
