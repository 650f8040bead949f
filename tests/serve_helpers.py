"""Requests through demain's real WSGI application (the cached-page layer in front of Django)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from http.cookies import SimpleCookie

import pytest
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import RequestFactory

from demain.site import page_cache
from demain.wsgi import application  # now: it sets Django up again, which reconfigures logging


@dataclass
class Answer:
    status: int
    headers: list[tuple[str, str]]
    body: bytes
    cookies: dict[str, str] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.body.decode()

    def header(self, name: str) -> str | None:
        return next((value for key, value in self.headers if key.lower() == name.lower()), None)

    @property
    def csrf_token(self) -> str:
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', self.text).group(1)

    @property
    def started(self) -> str:
        return re.search(r'name="started" value="([^"]+)"', self.text).group(1)


def wsgi_get(path: str, cookies: dict[str, str] | None = None, method: str = "GET", **extra) -> Answer:
    """``extra``: environ entries, e.g. ``REMOTE_ADDR``, ``HTTP_X_FORWARDED_PROTO``."""
    factory = RequestFactory()
    for name, value in (cookies or {}).items():
        factory.cookies[name] = value
    environ = factory.generic(method, path, **extra).environ
    seen = {}

    def start_response(status, headers, exc_info=None):
        seen["status"], seen["headers"] = int(status.split()[0]), headers

    # As Django's test client does: the test's database connection must outlive the request.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        result = application(environ, start_response)
        body = b"".join(result)
        if hasattr(result, "close"):
            result.close()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    jar = SimpleCookie()
    for name, value in seen["headers"]:
        if name.lower() == "set-cookie":
            jar.load(value)
    return Answer(seen["status"], seen["headers"], body, {name: morsel.value for name, morsel in jar.items()})


@pytest.fixture(autouse=True)
def fresh_page_cache():
    """Each test starts with no page kept in this process and a generation of its own."""
    page_cache.local_copies.entries.clear()
    page_cache.generation.value = None
    yield
    page_cache.local_copies.entries.clear()
    page_cache.generation.value = None
