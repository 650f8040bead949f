"""Fixtures for the audience tests: tasks run at once, mail goes to locmem, fresh rate limits."""

from __future__ import annotations

import re
import time

import pytest
from django.core import signing
from django.core.cache import cache

from demain.audience import abuse
from demain.audience.models import Subscriber

IMMEDIATE_TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(autouse=True)
def audience_settings(settings):
    settings.TASKS = IMMEDIATE_TASKS
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.SITE_URL = "https://demain.example"
    yield settings


@pytest.fixture(autouse=True)
def fresh_rate_limits(db):
    cache.clear()
    yield
    cache.clear()


def stamp(seconds_ago: float = 60) -> str:
    """A form start time as the page would have signed it, some seconds ago."""
    return signing.dumps(time.time() - seconds_ago, salt=abuse.STARTED_SALT)


def human(**fields) -> dict:
    """Form data as a person sends it: honeypot empty, shown a minute ago."""
    return {"website": "", "started": stamp(), **fields}


def links_in(text: str) -> list[str]:
    return re.findall(r"https?://[^\s\"<>]+", text)


def path_of(url: str) -> str:
    return re.sub(r"^https?://[^/]+", "", url)


@pytest.fixture
def subscriber(db) -> Subscriber:
    return Subscriber.objects.create(email="lea@atelier.example", status=Subscriber.Status.CONFIRMED,
                                     interests=["artisans"])
