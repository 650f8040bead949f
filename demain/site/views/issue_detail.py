from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.cache import add_never_cache_headers

from demain.issues.models import Issue
from demain.site.page_cache import shared_page
from demain.site.published import published_issues, with_contents


@shared_page
def issue_detail(request: HttpRequest, number: int) -> HttpResponse:
    """One published issue; drafts and issues under review do not exist for the public.

    Staff see any issue, at any status, as the site will show it, under a banner that says so.
    """
    visible = Issue.objects.all() if request.user.is_staff else published_issues()
    issue = get_object_or_404(with_contents(visible), number=number)
    context = {
        "issue": issue,
        "preview": issue.status != Issue.Status.PUBLISHED,
        "newer": published_issues().filter(number__gt=number).order_by("number").first(),
        "older": published_issues().filter(number__lt=number).first(),
    }
    response = render(request, "site/issue_detail.html", context)
    if context["preview"]:
        add_never_cache_headers(response)
        response["X-Robots-Tag"] = "noindex"
        response.page_shared = False  # never into the page cache
    return response
