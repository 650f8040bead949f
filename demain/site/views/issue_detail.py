from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from demain.site.published import published_issues, with_contents


def issue_detail(request: HttpRequest, number: int) -> HttpResponse:
    """One published issue; drafts and issues under review do not exist for the public."""
    issue = get_object_or_404(with_contents(published_issues()), number=number)
    context = {
        "issue": issue,
        "newer": published_issues().filter(number__gt=number).order_by("number").first(),
        "older": published_issues().filter(number__lt=number).first(),
    }
    return render(request, "site/issue_detail.html", context)
