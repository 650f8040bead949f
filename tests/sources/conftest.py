"""Fixtures for the sources tests: the small test site served by the real SampleServer."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.management import call_command

from demain.sources.models import Outlet, Source
from demain.sources.sample.server import SampleServer

SITE = Path(__file__).resolve().parent / "site"


def run(*args) -> str:
    """A demain command in this process; what it printed."""
    out = io.StringIO()
    call_command(*args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


@pytest.fixture
def fetch_settings(settings):
    settings.FETCH_HOST_DELAY = 0
    settings.FETCH_CONNECT_TIMEOUT = 2
    settings.FETCH_READ_TIMEOUT = 1
    settings.FETCH_TOTAL_TIMEOUT = 5
    settings.FETCH_MAX_BYTES = 1024 * 1024
    settings.FETCH_ALLOWED_HOSTS = []
    return settings


@pytest.fixture
def site(fetch_settings):
    """The test site on a real local port, allowed through FETCH_ALLOWED_HOSTS (loopback is refused otherwise)."""
    with SampleServer(SITE) as server:
        fetch_settings.FETCH_ALLOWED_HOSTS = [server.host]
        yield server


def add_source(server: SampleServer, path: str, kind: str = Source.Kind.RSS, name: str | None = None,
               outlet: str = "Test outlet") -> Source:
    return Source.objects.create(name=name or path, url=server.url(path), kind=kind,
                                 outlet=Outlet.objects.get_or_create(name=outlet)[0])
