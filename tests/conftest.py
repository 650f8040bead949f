"""Shared fixtures. Seeds are read from ../shared/seeds/, never copied here."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
# DEMAIN_SEEDS_DIR points elsewhere (the test of the skip/fail rule uses it to hide the seeds).
SEEDS = Path(os.environ.get("DEMAIN_SEEDS_DIR") or SHARED / "seeds")
# CI sets this so that a missing seed fails the run instead of skipping the tests that read it.
REQUIRE_SEEDS = "DEMAIN_REQUIRE_SEEDS"


def seed_path(name: str) -> Path:
    """A seed file, or a skip (a failure when DEMAIN_REQUIRE_SEEDS=1) saying why."""
    path = SEEDS / name
    if path.exists():
        return path
    reason = (f"seed absent: {path} (../shared/seeds/ is not beside this clone); the project's own samples "
              f"in tests/houseformat_samples.py cover the same behaviour")
    if os.environ.get(REQUIRE_SEEDS) == "1":
        pytest.fail(f"{reason}, and {REQUIRE_SEEDS}=1 requires it", pytrace=False)
    pytest.skip(reason)


def pytest_report_header(config):
    if SEEDS.is_dir():
        return f"seeds: {SEEDS}"
    strict = " (DEMAIN_REQUIRE_SEEDS=1: their tests fail)" if os.environ.get(REQUIRE_SEEDS) == "1" else \
        " (their tests are skipped)"
    return f"seeds: absent, {SEEDS} not found{strict}"


@pytest.fixture
def seed_issue_path() -> Path:
    return seed_path("000_186302cdc7413e06.txt")


@pytest.fixture
def seed_talk_path() -> Path:
    return seed_path("002_4977fdf965c4c814.txt")


# --- Real headless Chromium (Debian's), driven by Playwright -----------------

# Playwright's sync API runs an event loop in the test thread; the ORM calls a
# test makes next to it are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="fr-FR")
    page = context.new_page()
    yield page
    context.close()


def axe_violations(page, impacts=("serious", "critical")) -> list[dict]:
    """Run axe-core (from npm) in the page; return violations of the given impacts."""
    # Evaluated, not added as a <script> tag: the pages' Content-Security-Policy refuses inline scripts.
    page.evaluate(AXE_JS.read_text() + "\n;0")
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [v for v in result["violations"] if v["impact"] in impacts]


@pytest.fixture(autouse=True)
def _fresh_content_types():
    """Forget content type ids cached by an earlier test: a transactional test's flush on PostgreSQL
    can give the same models new ids, and a stale one breaks the admin log's foreign key."""
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.clear_cache()
    yield


# --- pytest-xdist: one VAR_DIR per worker -------------------------------------

@pytest.hookimpl(optionalhook=True)
def pytest_xdist_setupnodes(config, specs):
    """Give each worker its own VAR_DIR (its test SQLite file, lock files, secret key, media, eval
    databases): nothing under VAR_DIR is shared between workers running at the same time."""
    import execnet
    from django.conf import settings

    for index, spec in enumerate(specs):
        if "VAR_DIR" not in spec.env:
            own = execnet.XSpec(f"{spec}//env:VAR_DIR={Path(settings.VAR_DIR) / f'xdist-{spec.id}'}")
            own.id = spec.id  # the worker keeps its name (gw0, …): its test database is named after it
            specs[index] = own
