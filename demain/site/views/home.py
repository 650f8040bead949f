from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from demain.site.page_cache import shared_page
from demain.site.published import published_issues, with_contents


@shared_page
def home(request: HttpRequest) -> HttpResponse:
    """The latest published issue, in full, under a short introduction."""
    issue = with_contents(published_issues()).first()
    return render(request, "site/home.html", {"issue": issue})
