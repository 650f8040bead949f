from django.core.paginator import InvalidPage, Paginator
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from demain.issues.models import Article
from demain.site.page_cache import shared_page
from demain.site.published import published_issues

ISSUES_PER_PAGE = 12


@shared_page
def archive(request: HttpRequest) -> HttpResponse:
    """Every published issue, newest first, with its articles' titles, page by page."""
    issues = published_issues().prefetch_related(
        Prefetch("articles", queryset=Article.objects.only("id", "issue_id", "position", "title"))
    )
    paginator = Paginator(issues, ISSUES_PER_PAGE)
    try:
        page = paginator.page(request.GET.get("page") or 1)
    except InvalidPage:
        raise Http404("Cette page des archives n’existe pas.") from None
    return render(request, "site/archive.html", {"page": page})
