"""Published pages, rendered once and then served from Django's cache (the ``pages`` alias).

What is stored: the body of a public page whose view says it may be shared (``shared_page``),
rendered for an anonymous reader, with *holes* where the per-request parts go: the CSRF token
and the sign-up box's signed start time. Each response fills the holes afresh, so no reader ever
gets another reader's token and the bot trap's clock starts when the page is shown.
What is never stored: staff previews (``issue_detail`` does not mark them), pages rendered for a
signed-in user, anything but a GET answered 200, and paths outside ``CACHED_PATHS``.
Invalidation: any change to what the pages show sets a new *generation*
(``demain/site/page_invalidation.py``); an entry rendered under an older one is ignored and
replaced, so a page rendered while an edit was committing is never served after it.
"""

from __future__ import annotations

import re
import uuid

from django.core.cache import caches
from django.http import HttpResponse
from django.middleware.csrf import get_token

from demain.audience import abuse

CSRF_HOLE = "demain-hole-csrf-token"
STARTED_HOLE = "demain-hole-started-stamp"
GENERATION = "generation"
# The home page, the archive (and its pages), each issue, the feeds and the sitemap.
CACHED_PATHS = re.compile(r"^/(?:numeros/(?:\d+/)?|flux/(?:rss|atom)/|sitemap\.xml)?$")
ARCHIVE_PAGE = re.compile(r"^[1-9]\d{0,4}$")

# What a view rendering for the cache or for the front server sets on the request.
FILL_CACHE, FILL_STATIC = "cache", "static"


def pages_cache():
    return caches["pages"]


def cache_key(request) -> str | None:
    """The entry for this request, or None when it is not a candidate.

    Query strings are ignored (links from the newsletter carry tracking parameters the views do not
    read), except the archive's ``page``.
    """
    if request.method not in ("GET", "HEAD") or not CACHED_PATHS.match(request.path):
        return None
    if request.path == "/numeros/":
        page = request.GET.get("page", "1")
        if not ARCHIVE_PAGE.match(page):
            return None
        return f"page:/numeros/?page={page}"
    return f"page:{request.path}"


def new_generation() -> None:
    """Every cached page is stale from now on."""
    pages_cache().set(GENERATION, uuid.uuid4().hex, timeout=None)


def current_generation(found: dict) -> str:
    generation = found.get(GENERATION)
    if generation is None:
        cache = pages_cache()
        cache.add(GENERATION, uuid.uuid4().hex, timeout=None)
        generation = cache.get(GENERATION)
    return generation


def shared_page(view):
    """Mark a view's 200 answers as the same for every anonymous reader (so they may be cached)."""

    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if response.status_code == 200 and not hasattr(response, "page_shared"):
            response.page_shared = True
        return response

    wrapped.__name__, wrapped.__doc__ = getattr(view, "__name__", "view"), view.__doc__
    return wrapped


def fill_holes(request, body: bytes) -> bytes:
    if CSRF_HOLE.encode() in body:
        body = body.replace(CSRF_HOLE.encode(), get_token(request).encode())
    if STARTED_HOLE.encode() in body:
        body = body.replace(STARTED_HOLE.encode(), abuse.started_stamp().encode())
    return body


def signed_in(request) -> bool:
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated)


class PageCacheMiddleware:
    """After CsrfViewMiddleware (which sets the CSRF cookie on the way out), before authentication."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = cache_key(request)
        if key is None:
            return self.get_response(request)
        cache = pages_cache()
        found = cache.get_many([GENERATION, key])
        generation = current_generation(found)
        entry = found.get(key)
        if entry is not None and entry[0] == generation:
            _, content_type, body = entry
            response = HttpResponse(fill_holes(request, body), content_type=content_type)
            response.page_cache = "hit"
            return response
        request.page_cache_fill = FILL_CACHE
        response = self.get_response(request)
        if not getattr(response, "page_shared", False):
            return self.filled(request, response)
        if request.method == "GET" and response.status_code == 200 and not response.streaming \
                and not signed_in(request) and not response.cookies:
            cache.set(key, (generation, response["Content-Type"], response.content), timeout=None)
            response.page_cache = "miss"
        return self.filled(request, response)

    @staticmethod
    def filled(request, response):
        if not response.streaming:
            response.content = fill_holes(request, response.content)
        return response
