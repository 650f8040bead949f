from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from demain.audience import abuse
from demain.audience.forms import FORMS
from demain.audience.guard import handle_post
from demain.audience.models import OfferPage, TrainingModule
from demain.audience.tasks import notify_editor


@require_http_methods(["GET", "POST"])
def show_offer(request, slug):
    """An offer page and, when it has one, its request form (stored, then the editor is told)."""
    page = get_object_or_404(OfferPage, slug=slug)
    form_class = FORMS.get(page.form)
    if form_class is None and request.method == "POST":
        return redirect(page)
    form = form_class(request.POST or None) if form_class else None
    if form is not None and request.method == "POST":
        def accept(form):
            inquiry = form.save(commit=False)
            inquiry.kind, inquiry.page, inquiry.ip_hash = page.form, page, abuse.ip_hash(request)
            inquiry.save()
            form.save_m2m()
            notify_editor.enqueue(inquiry.pk)

        response = handle_post(request, form, accept, reverse("audience:offer_sent", args=[page.slug]))
        if response:
            return response
    modules = TrainingModule.objects.all() if page.form == OfferPage.Form.TRAINING else []
    return render(request, "audience/offer.html", {
        "page": page, "form": form, "sections": page.sections.all(),
        "introduction": [m for m in modules if m.introduction],
        "a_la_carte": [m for m in modules if not m.introduction],
    })


def offer_sent(request, slug):
    page = get_object_or_404(OfferPage, slug=slug)
    return render(request, "audience/offer_sent.html", {"page": page})
