"""Cached pages answered in front of Django: the WSGI application demain serves (demain/wsgi.py).

A GET for a page ``PageCacheMiddleware`` stored, under the current generation, is answered here
from this process's copy: the stored headers, the holes filled (CSRF token, sign-up start time),
the CSRF cookie set as CsrfViewMiddleware sets it, one JSON log line. Everything else, and any
request this layer is unsure about (a host not allowed, CSRF in sessions), goes to Django.
Forwarding headers from a peer not in ``TRUSTED_PROXIES`` are dropped first, by the same rule as
``TrustedProxyMiddleware`` (demain/site/proxy.py), so a client cannot pick the scheme of its answer.
"""

from __future__ import annotations

import re
import time
from types import SimpleNamespace

from django.conf import settings
from django.http import HttpResponse
from django.http.cookie import parse_cookie
from django.http.request import split_domain_port, validate_host
from django.middleware.csrf import CsrfViewMiddleware

from demain.site import page_cache
from demain.site.proxy import drop_untrusted_forwarding
from demain.site.request_log import log_request

CSRF_SECRET = re.compile(r"^[a-zA-Z0-9]{32}$")
PLACEHOLDER = "Q" * 31 + "z"  # a secret's shape, so the cookie is quoted as a real one would be


def request_scheme(environ) -> str:
    proxy = settings.SECURE_PROXY_SSL_HEADER
    if proxy and environ.get(proxy[0]) is not None:
        return "https" if environ.get(proxy[0]) == proxy[1] else "http"
    return environ.get("wsgi.url_scheme", "http")


def host_allowed(environ, known: dict[str, bool] = {}) -> bool:  # noqa: B006  (a per-process memo)
    host = environ.get("HTTP_HOST") or environ.get("SERVER_NAME", "")
    allowed = known.get(host)
    if allowed is None:
        domain, _ = split_domain_port(host)
        hosts = settings.ALLOWED_HOSTS
        if settings.DEBUG and not hosts:  # as django.http.HttpRequest.get_host
            hosts = [".localhost", "127.0.0.1", "[::1]"]
        allowed = bool(domain) and validate_host(domain, hosts)
        if len(known) < 1000:  # the Host header is the client's: keep the memo small
            known[host] = allowed
    return allowed


class CachedPagesApp:
    def __init__(self, application):
        self.application = application
        self.csrf = CsrfViewMiddleware(lambda request: None)
        self.cookie_template = (0, "")

    def csrf_cookie(self, secret: str) -> str:
        """The Set-Cookie value CsrfViewMiddleware gives this secret (built once a second: it holds
        the expiry date)."""
        second = int(time.time())
        if self.cookie_template[0] != second:
            response = HttpResponse()
            self.csrf._set_csrf_cookie(SimpleNamespace(META={"CSRF_COOKIE": PLACEHOLDER}), response)
            morsel = response.cookies[settings.CSRF_COOKIE_NAME]
            self.cookie_template = (second, morsel.output(header="").strip())
        return self.cookie_template[1].replace(PLACEHOLDER, secret)

    def __call__(self, environ, start_response):
        started = time.perf_counter()
        drop_untrusted_forwarding(environ)  # as TrustedProxyMiddleware would, before the scheme is read
        path = environ.get("PATH_INFO", "")
        key = page_cache.cache_key(request_scheme(environ), environ["REQUEST_METHOD"], path,
                                   environ.get("QUERY_STRING", ""))
        if key is None or settings.CSRF_USE_SESSIONS or not host_allowed(environ):
            return self.application(environ, start_response)
        entry = page_cache.lookup(key)
        if entry is None:
            return self.application(environ, start_response)
        _, headers, pieces = entry
        secret = parse_cookie(environ.get("HTTP_COOKIE", "")).get(settings.CSRF_COOKIE_NAME, "")
        meta = {"CSRF_COOKIE": secret} if CSRF_SECRET.match(secret) else {}
        body = page_cache.fill_holes(meta, pieces)
        headers = [*headers, ("Content-Length", str(len(body)))]
        if meta.get("CSRF_COOKIE_NEEDS_UPDATE"):
            headers.append(("Set-Cookie", self.csrf_cookie(meta["CSRF_COOKIE"])))
        if environ["REQUEST_METHOD"] == "HEAD":
            body = b""
        start_response("200 OK", headers)
        log_request(environ["REQUEST_METHOD"], path, 200, started, len(body), "hit")
        return [body]
