"""A small threaded HTTP server for a corpus directory (the sample corpus, test sites).

It serves files like a polite publisher would: ETag and Last-Modified with 304
answers, Cache-Control on feeds, gzip or brotli when asked, ``{{BASE}}`` in
feeds and OPML replaced by the server's own address, extra headers per path
from ``headers.json`` (``{"/pages/x.html": {"tdm-reservation": "1"}}``).
It also plays the hostile publisher under ``/hostile/``: a page that never answers,
a redirect loop, a binary body, a giant page, an empty page and a 403.

    with SampleServer(root) as server:
        server.base_url  # http://127.0.0.1:PORT
"""

from __future__ import annotations

import gzip
import hashlib
import html
import json
import mimetypes
import threading
import time
from email.utils import formatdate, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable
from urllib.parse import unquote, urlsplit

import brotli

SAMPLE_DIR = Path(__file__).resolve().parent
TYPES = {".rss": "application/rss+xml", ".rdf": "application/rdf+xml", ".atom": "application/atom+xml",
         ".json": "application/feed+json", ".xml": "application/xml", ".opml": "text/x-opml",
         ".html": "text/html; charset=utf-8", ".txt": "text/plain; charset=utf-8"}
TEMPLATED = {".rss", ".rdf", ".atom", ".json", ".xml", ".opml", ".html"}
GIANT_BYTES = 6 * 1024 * 1024

Route = Callable[[BaseHTTPRequestHandler], None]


class Handler(BaseHTTPRequestHandler):
    server: "_Server"
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body leave at once (no delayed-ACK stall)

    def log_message(self, format, *args):  # quiet: tests and the demo read the FetchLog instead
        self.server.owner.requests.append((self.command, self.path, self.headers.get("User-Agent", "")))

    def do_GET(self):
        path = unquote(urlsplit(self.path).path)
        owner = self.server.owner
        owner.seen.append({"path": path, "headers": dict(self.headers.items()), "at": time.monotonic()})
        route = owner.routes.get(path) or HOSTILE.get(path)
        if route is not None:
            route(self)
            return
        self.serve_file(path)

    # --- files ---------------------------------------------------------------------
    def serve_file(self, path: str) -> None:
        root = self.server.owner.root
        target = (root / path.lstrip("/")).resolve()
        if target.is_dir() and (target == root or root in target.parents) and not (target / "index.html").is_file():
            self.send_body(200, listing(target, path), "text/html; charset=utf-8")  # what a person clicking finds
            return
        if target.is_dir():
            target = target / "index.html"
        if root not in target.parents or not target.is_file() or hidden(target):
            self.send_plain(404, "not found")
            return
        body = target.read_bytes()
        if target.suffix in TEMPLATED:
            body = body.replace(b"{{BASE}}", self.server.owner.base_url.encode())
        etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
        modified = formatdate(int(target.stat().st_mtime), usegmt=True)
        extra = self.server.owner.extra_headers.get(path, {})
        headers = {"ETag": etag, "Last-Modified": modified, **extra}
        if target.suffix in {".rss", ".rdf", ".atom", ".json", ".xml"}:
            headers.setdefault("Cache-Control", "max-age=1800")
        if self.not_modified(etag, target.stat().st_mtime):
            self.send_response(304)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        content_type = TYPES.get(target.suffix) or mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        self.send_body(200, body, content_type, headers)

    def not_modified(self, etag: str, mtime: float) -> bool:
        match = self.headers.get("If-None-Match")
        if match is not None:
            return etag in [tag.strip() for tag in match.split(",")] or match.strip() == "*"
        since = self.headers.get("If-Modified-Since")
        if since:
            try:
                return int(mtime) <= parsedate_to_datetime(since).timestamp()
            except (TypeError, ValueError):
                return False
        return False

    def send_body(self, status: int, body: bytes, content_type: str, headers: dict | None = None) -> None:
        accepted = self.headers.get("Accept-Encoding", "")
        encoding = None
        if "br" in accepted and content_type.startswith("application/"):
            body, encoding = brotli.compress(body), "br"
        elif "gzip" in accepted and len(body) > 200:
            body, encoding = gzip.compress(body), "gzip"
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        if encoding:
            self.send_header("Content-Encoding", encoding)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def send_plain(self, status: int, text: str, headers: dict | None = None) -> None:
        body = text.encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)


def hidden(path: Path) -> bool:
    """The corpus's own machinery, never served: its code and the per-path headers."""
    return path.name in ("headers.json", "__pycache__") or path.suffix in (".py", ".pyc")


def listing(directory: Path, path: str) -> bytes:
    """An HTML index of a directory's files and folders (the corpus's root has no page of its own)."""
    base = path if path.endswith("/") else path + "/"
    entries = sorted(p for p in directory.iterdir() if not hidden(p))
    items = "".join(f'<li><a href="{html.escape(base + p.name + ("/" if p.is_dir() else ""))}">'
                    f'{html.escape(p.name + ("/" if p.is_dir() else ""))}</a></li>' for p in entries)
    return (f'<!doctype html><html lang="fr"><meta charset="utf-8"><title>Corpus {html.escape(base)}</title>'
            f"<h1>Corpus : {html.escape(base)}</h1><ul>{items}</ul></html>").encode()


# --- the hostile publisher -------------------------------------------------------------
def never_answers(handler: Handler) -> None:
    handler.server.owner.stopping.wait(120)
    handler.close_connection = True


def redirect(to: str) -> Route:
    def route(handler: Handler) -> None:
        handler.send_response(302)
        handler.send_header("Location", to)
        handler.send_header("Content-Length", "0")
        handler.end_headers()
    return route


def binary(handler: Handler) -> None:
    body = bytes(range(256)) * 64
    handler.send_response(200)
    handler.send_header("Content-Type", "application/octet-stream")
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


def giant(handler: Handler) -> None:
    """An endless-looking page with no Content-Length: only the streamed size cap stops it."""
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html; charset=utf-8")
    handler.send_header("Connection", "close")
    handler.end_headers()
    handler.close_connection = True
    chunk = b"<p>" + b"demain " * 1000 + b"</p>\n"
    sent = 0
    try:
        handler.wfile.write(b"<!doctype html><html><body>")
        while sent < GIANT_BYTES:
            handler.wfile.write(chunk)
            sent += len(chunk)
        handler.wfile.write(b"</body></html>")
    except (BrokenPipeError, ConnectionResetError):
        pass


def empty(handler: Handler) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html; charset=utf-8")
    handler.send_header("Content-Length", "0")
    handler.end_headers()


def forbidden(handler: Handler) -> None:
    handler.send_plain(403, "forbidden")


HOSTILE: dict[str, Route] = {
    "/hostile/never-answers.html": never_answers,
    "/hostile/loop-a.html": redirect("/hostile/loop-b.html"),
    "/hostile/loop-b.html": redirect("/hostile/loop-a.html"),
    "/hostile/binary.html": binary,
    "/hostile/giant.html": giant,
    "/hostile/empty.html": empty,
    "/hostile/forbidden.html": forbidden,
}


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    owner: "SampleServer"


class SampleServer:
    def __init__(self, root: Path | str = SAMPLE_DIR, host: str = "127.0.0.1", port: int = 0,
                 routes: dict[str, Route] | None = None):
        self.root = Path(root).resolve()
        self.routes = dict(routes or {})
        self.seen: list[dict] = []
        self.requests: list[tuple] = []
        self.stopping = threading.Event()
        headers_file = self.root / "headers.json"
        self.extra_headers = json.loads(headers_file.read_text()) if headers_file.exists() else {}
        self.httpd = _Server((host, port), Handler)
        self.httpd.owner = self
        self.thread = threading.Thread(target=self.httpd.serve_forever, name="sample-server", daemon=True)

    @property
    def host(self) -> str:
        return f"{self.httpd.server_address[0]}:{self.httpd.server_address[1]}"

    @property
    def base_url(self) -> str:
        return f"http://{self.host}"

    def url(self, path: str) -> str:
        return self.base_url + path

    def start(self) -> "SampleServer":
        self.thread.start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        self.httpd.shutdown()
        self.httpd.server_close()

    def __enter__(self) -> "SampleServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
