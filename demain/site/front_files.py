"""Published pages written as files, for a front server (nginx) to serve without Python.

Layout under PUBLISH_STATIC_DIR, one file per URL (``deploy/nginx-cached-pages.conf`` maps them):
``/`` → ``index.html``, ``/numeros/`` → ``numeros/index.html``, ``/numeros/N/`` →
``numeros/N/index.html``, ``/flux/rss/`` → ``flux/rss/index.rss``, ``/flux/atom/`` →
``flux/atom/index.atom``, ``/sitemap.xml`` → ``sitemap.xml/index.xml``.
Each page is rendered through the site's own URLs and views, as an anonymous reader sees it, with
the sign-up box as a GET form (a file cannot carry a CSRF token). Files are replaced atomically;
files of pages that are no longer public are removed. demain owns the directory.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory
from django.urls import resolve

from demain.site import page_cache
from demain.site.published import published_issues

SUFFIXES = {"/flux/rss/": "index.rss", "/flux/atom/": "index.atom", "/sitemap.xml": "index.xml"}


def public_paths() -> list[str]:
    numbers = published_issues().values_list("number", flat=True)
    return ["/", "/numeros/", *(f"/numeros/{number}/" for number in numbers), "/flux/rss/", "/flux/atom/",
            "/sitemap.xml"]


def file_for(path: str) -> str:
    return path.strip("/") + "/" + SUFFIXES.get(path, "index.html") if path != "/" else "index.html"


def render_path(path: str) -> bytes:
    """The page at ``path`` as an anonymous reader gets it, with a sign-up box that needs no token."""
    host = urlsplit(settings.SITE_URL).netloc
    secure = urlsplit(settings.SITE_URL).scheme == "https"
    request = RequestFactory().get(path, HTTP_HOST=host, secure=secure)
    request.user = AnonymousUser()
    request.page_cache_fill = page_cache.FILL_STATIC
    match = resolve(path)
    request.resolver_match = match
    response = match.func(request, *match.args, **match.kwargs)
    if hasattr(response, "render"):
        response.render()
    if response.status_code != 200:
        raise ImproperlyConfigured(f"{path} answered {response.status_code}, not 200")
    return response.content


def write_atomically(target: Path, body: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
    with os.fdopen(handle, "wb") as out:
        out.write(body)
    os.chmod(temporary, 0o644)
    os.replace(temporary, target)


def write_front_files(directory: str | Path | None = None) -> list[Path]:
    """Write every public page under ``directory`` (PUBLISH_STATIC_DIR); remove the others. Returns the files."""
    root = Path(directory or settings.PUBLISH_STATIC_DIR)
    if not str(root):
        raise ImproperlyConfigured("PUBLISH_STATIC_DIR is not set")
    root.mkdir(parents=True, exist_ok=True)
    written = []
    for path in public_paths():
        target = root / file_for(path)
        write_atomically(target, render_path(path))
        written.append(target)
    keep = set(written)
    for stale in [p for p in root.rglob("*") if p.is_file() and p not in keep and not p.name.startswith(".tmp-")]:
        stale.unlink()
    for folder in sorted((p for p in root.rglob("*") if p.is_dir()), reverse=True):
        if not any(folder.iterdir()):
            folder.rmdir()
    return written
