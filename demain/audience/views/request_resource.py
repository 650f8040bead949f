from django.db import transaction
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from demain.audience import abuse, subscriptions
from demain.audience.forms import ResourceRequestForm
from demain.audience.guard import handle_post
from demain.audience.models import DownloadLead, Resource
from demain.audience.tasks import send_download_link


@require_http_methods(["GET", "POST"])
def request_resource(request, slug):
    """Ask for a resource: a lead is stored and a signed link is emailed."""
    resource = get_object_or_404(Resource, slug=slug, published=True)
    form = ResourceRequestForm(request.POST or None)
    if request.method == "POST":
        response = handle_post(request, form, lambda form: record_lead(request, resource, form.cleaned_data),
                               reverse("audience:resource_sent", args=[resource.slug]))
        if response:
            return response
    return render(request, "audience/resource.html", {"resource": resource, "form": form})


@transaction.atomic
def record_lead(request, resource, data) -> None:
    ip = abuse.ip_hash(request)
    lead = DownloadLead.objects.create(
        resource=resource, email=data["email"], name=data["name"], newsletter=data["newsletter"], ip_hash=ip
    )
    send_download_link.enqueue(lead.pk)
    if data["newsletter"]:
        subscriptions.request_subscription(data["email"], [], ip, source=f"ressource:{resource.slug}")


def resource_sent(request, slug):
    resource = get_object_or_404(Resource, slug=slug, published=True)
    return render(request, "audience/resource_sent.html", {"resource": resource})
