"""Published pages, rendered once and then served from Django's cache (the ``pages`` alias).

What is stored: the body of a public page whose view says it may be shared (``shared_page``),
rendered for an anonymous reader, with *holes* where the per-request parts go: the CSRF token
and the sign-up box's signed start time. Each response fills the holes afresh, so no reader ever
gets another reader's token and the bot trap's clock starts when the page is shown.
What is never stored: staff previews (``issue_detail`` does not mark them), pages rendered for a
signed-in user, anything but a GET answered 200, and paths outside ``CACHED_PATHS``.
Invalidation: any change to what the pages show sets a new *generation*
(``demain/site/page_invalidation.py``); an entry rendered under an older one is ignored and
replaced, so a page rendered while an edit was committing is never served after it. The process
that made the change sees it at once, the others within GENERATION_SECONDS (one second).
"""

from __future__ import annotations

import re
import secrets
import time
import uuid
from collections import OrderedDict

from django.conf import settings
from django.core.cache import caches
from django.http import QueryDict
from django.middleware.csrf import CSRF_ALLOWED_CHARS, CSRF_SECRET_LENGTH, CsrfViewMiddleware

from demain.audience import abuse

CSRF_HOLE = "demain-hole-csrf-token"
STARTED_HOLE = "demain-hole-started-stamp"
GENERATION = "generation"
FORMAT = "p2"  # the layout of an entry: (generation, headers, pieces); change it when that changes
# The home page, the archive (and its pages), each issue, the feeds and the sitemap.
CACHED_PATHS = re.compile(r"^/(?:numeros/(?:\d+/)?|flux/(?:rss|atom)/|sitemap\.xml)?$")
ARCHIVE_PAGE = re.compile(r"^[1-9]\d{0,4}$")

# What a view rendering for the cache or for the front server sets on the request.
FILL_CACHE, FILL_STATIC = "cache", "static"


def pages_cache():
    return caches["pages"]


def cache_key(scheme: str, method: str, path_info: str, query_string: str) -> str | None:
    """The entry for this request, or None when it is not a candidate.

    Query strings are ignored (links from the newsletter carry tracking parameters the views do not
    read), except the archive's ``page``.
    """
    if method not in ("GET", "HEAD") or not CACHED_PATHS.match(path_info):
        return None
    if path_info == "/numeros/":
        page = QueryDict(query_string).get("page", "1")
        if not ARCHIVE_PAGE.match(page):
            return None
        return f"{scheme}:{FORMAT}:/numeros/?page={page}"
    return f"{scheme}:{FORMAT}:{path_info}"


def request_key(request) -> str | None:
    return cache_key(request.scheme, request.method, request.path_info, request.META.get("QUERY_STRING", ""))


class Generation:
    """The shared cache's generation, read again at most every GENERATION_SECONDS by each process.

    An invalidation made by this process counts at once here; other processes (and machines) see it
    within GENERATION_SECONDS, and never keep a page rendered before it for longer.
    """

    def __init__(self):
        self.value, self.read_at = None, 0.0

    def current(self) -> str:
        now = time.monotonic()
        if self.value is None or now - self.read_at > GENERATION_SECONDS:
            cache = pages_cache()
            value = cache.get(GENERATION)
            if value is None:
                cache.add(GENERATION, uuid.uuid4().hex, timeout=None)
                value = cache.get(GENERATION)
            self.value, self.read_at = value, now
        return self.value

    def renew(self) -> None:
        value = uuid.uuid4().hex
        pages_cache().set(GENERATION, value, timeout=None)
        self.value, self.read_at = value, time.monotonic()


GENERATION_SECONDS = 1.0
generation = Generation()


def new_generation() -> None:
    """Every cached page is stale from now on."""
    generation.renew()


def shared_page(view):
    """Mark a view's 200 answers as the same for every anonymous reader (so they may be cached)."""

    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if response.status_code == 200 and not hasattr(response, "page_shared"):
            response.page_shared = True
        return response

    wrapped.__name__, wrapped.__doc__ = getattr(view, "__name__", "view"), view.__doc__
    return wrapped


_stamp = (0, "")


def started_stamp() -> str:
    """The sign-up form's signed start time, signed once a second at most (it is a time, not a secret)."""
    global _stamp
    second = int(time.time())
    if _stamp[0] != second:
        _stamp = (second, abuse.started_stamp())
    return _stamp[1]


HOLES = re.compile(f"({CSRF_HOLE}|{STARTED_HOLE})".encode())
# Byte b (below 248 = 4 × 62) stands for CSRF_ALLOWED_CHARS[b % 62]; bytes from 248 up are dropped.
_TO_CHAR = bytes(ord(CSRF_ALLOWED_CHARS[byte % 62]) for byte in range(256))
_DROPPED = bytes(range(248, 256))
_INDEX = {char: index for index, char in enumerate(CSRF_ALLOWED_CHARS)}


def random_csrf_strings(count: int) -> list[str]:
    """``count`` strings of 32 characters from CSRF_ALLOWED_CHARS, uniformly, from one read of the
    system's randomness.

    Django's own (get_random_string) reads it once per character: for a reader's first page that
    is 64 system calls, most of what a cached page costs.
    """
    found, size = b"", CSRF_SECRET_LENGTH * count
    while len(found) < size:
        found += secrets.token_bytes(size + 16).translate(_TO_CHAR, _DROPPED)
    text = found[:size].decode()
    return [text[start:start + CSRF_SECRET_LENGTH] for start in range(0, size, CSRF_SECRET_LENGTH)]


def csrf_token(meta: dict) -> str:
    """What django.middleware.csrf.get_token returns (a freshly masked token for the request's
    secret, a new secret when it has none), setting the same flags in request.META."""
    secret = meta.get("CSRF_COOKIE")
    if secret is None:
        secret, mask = random_csrf_strings(2)
        meta["CSRF_COOKIE"] = secret
    else:
        (mask,) = random_csrf_strings(1)
    meta["CSRF_COOKIE_NEEDS_UPDATE"] = True
    chars, index = CSRF_ALLOWED_CHARS, _INDEX
    return mask + "".join([chars[(index[x] + index[y]) % 62] for x, y in zip(secret, mask)])


def split_holes(body: bytes) -> list[bytes]:
    """The body cut around its holes: text, hole, text, hole, … text (odd items are holes)."""
    return HOLES.split(body)


def fill_holes(meta: dict, pieces: list[bytes]) -> bytes:
    if len(pieces) == 1:
        return pieces[0]
    values = {}
    filled = list(pieces)
    for index in range(1, len(pieces), 2):
        hole = pieces[index]
        if hole not in values:
            values[hole] = (csrf_token(meta) if hole == CSRF_HOLE.encode() else started_stamp()).encode()
        filled[index] = values[hole]
    return b"".join(filled)


class LocalCopies:
    """The last pages this process served, so a hit reads only the generation from the shared cache."""

    def __init__(self, size: int = 256):
        self.size, self.entries = size, OrderedDict()

    def get(self, key: str, generation: str):
        entry = self.entries.get(key)
        if entry is None or entry[0] != generation:
            return None
        self.entries.move_to_end(key)
        return entry

    def put(self, key: str, entry: tuple) -> None:
        self.entries[key] = entry
        self.entries.move_to_end(key)
        while len(self.entries) > self.size:
            self.entries.popitem(last=False)


local_copies = LocalCopies()


def signed_in(request) -> bool:
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated)


# Set per response, so never replayed from a stored page.
NOT_STORED = {"content-length", "set-cookie", "date"}


def lookup(key: str):
    """The stored (generation, headers, pieces) for this key if it is current, else None."""
    current = generation.current()
    entry = local_copies.get(key, current)
    if entry is None:
        entry = pages_cache().get(key)
        if entry is None or entry[0] != current:
            return None
        local_copies.put(key, entry)
    return entry


class PageCacheMiddleware:
    """Second in MIDDLEWARE, after the request log: renders and stores the pages that
    ``CachedPagesApp`` (demain/site/page_cache_app.py, in front of Django) did not find.

    The entry keeps the headers the whole stack gave the page (security headers included; the
    key holds the scheme, on which some depend), so a hit can replay them without the stack.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.csrf = CsrfViewMiddleware(get_response)

    def __call__(self, request):
        key = request_key(request)
        if key is None:
            return self.get_response(request)
        request.page_cache_fill = FILL_CACHE
        rendered_under = generation.current()  # read before rendering: an edit meanwhile makes it stale
        response = self.get_response(request)
        if response.streaming:
            return response
        # A cookie set while rendering means per-reader content outside the holes: never stored.
        storable = getattr(response, "page_shared", False) and request.method == "GET" \
            and response.status_code == 200 and not response.cookies and not signed_in(request)
        pieces = split_holes(response.content)
        response.content = fill_holes(request.META, pieces)
        if response.has_header("Content-Length"):
            response["Content-Length"] = str(len(response.content))
        self.csrf.process_response(request, response)  # the CSRF cookie, when a hole needed a token
        if storable:
            headers = [(name, value) for name, value in response.items() if name.lower() not in NOT_STORED]
            entry = (rendered_under, headers, pieces)
            pages_cache().set(key, entry, timeout=None)
            local_copies.put(key, entry)
            response.page_cache = "miss"
        return response
