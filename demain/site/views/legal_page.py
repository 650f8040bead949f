from django.shortcuts import get_object_or_404, render

from demain.site.models import LegalPage


def legal_page(request, slug):
    """The legal notice or the privacy policy, as the editor wrote it in the admin."""
    page = get_object_or_404(LegalPage, slug=slug)
    return render(request, "site/legal_page.html", {"page": page})
