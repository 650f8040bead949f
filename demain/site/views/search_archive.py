from django.core.paginator import InvalidPage, Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from demain.lib.textsearch import MAX_QUERY_CHARS, query_terms
from demain.site.archive.search import MAX_RESULTS, Results, search

HITS_PER_PAGE = 10
NEAR_MISSES = 5


def search_archive(request: HttpRequest) -> HttpResponse:
    """/recherche/?q=…: the passages of published issues that contain every word, best first."""
    query = (request.GET.get("q") or "").strip()
    context = {"query": query, "too_long": len(query) > MAX_QUERY_CHARS, "max_chars": MAX_QUERY_CHARS,
               "max_results": MAX_RESULTS, "searchable": bool(query_terms(query))}
    if context["searchable"]:
        results = Results(query)
        paginator = Paginator(results, HITS_PER_PAGE)
        try:
            context["page"] = paginator.page(request.GET.get("page") or 1)
        except InvalidPage:
            raise Http404("Cette page de résultats n’existe pas.") from None
        context["more"] = results.more
        if not results.count() and len(query_terms(query)) > 1:  # no passage has every word: some of them
            context["near_misses"] = search(query, NEAR_MISSES, mode="any")
    return render(request, "site/search.html", context)
