"""The one place demain's outbound HTTP goes through.

:func:`fetch` makes one GET, following redirects itself so that every hop is
checked (address, loop, limit). It names itself honestly in the User-Agent,
sends conditional headers when given ETag / Last-Modified tokens (kept opaque,
never a cache-busting query string), streams the body and stops at the size
cap, and decodes gzip and brotli (httpx, with the brotli package installed).
It never retries, never changes identity, and never evades a refusal: a 403,
429 or 503 comes back as a response for the caller to record.
"""

from __future__ import annotations

import ssl
import time
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx

from demain.lib.fetch import charset
from demain.lib.fetch.netguard import GuardedBackend, RefusedDestination, check_destination

REDIRECTS = {301, 302, 303, 307, 308}
ACCEPT_ENCODING = "gzip, br"


@dataclass(frozen=True)
class FetchConfig:
    user_agent: str
    connect_timeout: float = 5.0
    read_timeout: float = 15.0
    total_timeout: float = 60.0
    max_bytes: int = 5 * 1024 * 1024
    max_redirects: int = 5
    allowed_hosts: frozenset[str] = frozenset()


class FetchError(Exception):
    """The request could not complete. ``kind`` is one of KINDS; the message says why."""

    KINDS = ("refused_address", "timeout", "too_large", "redirect_loop", "too_many_redirects",
             "network", "bad_url")

    def __init__(self, kind: str, url: str, message: str):
        super().__init__(message)
        self.kind = kind
        self.url = url


@dataclass
class Response:
    url: str  # final URL, after redirects
    status: int
    headers: dict[str, str]  # lower-case names
    body: bytes  # content-encoding already decoded
    redirects: list[str] = field(default_factory=list)
    elapsed: float = 0.0

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "")

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300

    def text(self) -> str:
        return charset.decode(self.body, self.content_type)[0]

    def charset(self) -> str:
        return charset.detect_charset(self.body, self.content_type)


@lru_cache(maxsize=1)
def tls_context() -> ssl.SSLContext:
    """The system's CA bundle, loaded once per process (loading it costs ~0.1 s)."""
    return ssl.create_default_context()


def request_headers(config: FetchConfig, etag: str | None, last_modified: str | None,
                    accept: str | None) -> dict[str, str]:
    headers = {"User-Agent": config.user_agent, "Accept-Encoding": ACCEPT_ENCODING}
    if accept:
        headers["Accept"] = accept
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    return headers


class GuardedTransport(httpx.HTTPTransport):
    """httpx's own transport, whose connections open through GuardedBackend (addresses checked
    at connect time). httpx has no argument for the network backend: its pool is rebuilt with one."""

    def __init__(self, allowed_hosts: frozenset[str]):
        super().__init__(verify=tls_context(), http2=False, trust_env=False)
        limits = httpx.Limits()  # httpx's defaults, as HTTPTransport uses them
        self._pool = httpcore.ConnectionPool(
            ssl_context=tls_context(), max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections, keepalive_expiry=limits.keepalive_expiry,
            http1=True, http2=False, network_backend=GuardedBackend(allowed_hosts))


def new_client(config: FetchConfig) -> httpx.Client:
    """A client to pass to several fetch() calls, so they reuse connections (close it when done)."""
    timeout = httpx.Timeout(connect=config.connect_timeout, read=config.read_timeout,
                            write=config.read_timeout, pool=config.connect_timeout)
    return httpx.Client(timeout=timeout, follow_redirects=False, trust_env=False,
                        transport=GuardedTransport(config.allowed_hosts))


def fetch(url: str, config: FetchConfig, *, etag: str | None = None, last_modified: str | None = None,
          accept: str | None = None, client: httpx.Client | None = None) -> Response:
    """GET ``url`` politely; raise FetchError when no HTTP answer could be had.

    ``client`` (from new_client with the same config) keeps connections open between calls.
    """
    if client is None:
        with new_client(config) as own:
            return fetch(url, config, etag=etag, last_modified=last_modified, accept=accept, client=own)
    started = time.monotonic()
    deadline = started + config.total_timeout
    headers = request_headers(config, etag, last_modified, accept)
    visited: list[str] = []
    current = url
    while True:
        try:
            check_destination(current, config.allowed_hosts)
        except RefusedDestination as error:
            raise FetchError("refused_address", current, str(error)) from None
        visited.append(current)
        try:
            with client.stream("GET", current, headers=headers) as answer:
                location = answer.headers.get("location")
                if answer.status_code in REDIRECTS and location:
                    target = urljoin(current, location.strip())
                    if urlsplit(target).scheme not in ("http", "https"):
                        raise FetchError("bad_url", target, f"redirect to a non-http URL: {target}")
                    if target in visited:
                        raise FetchError("redirect_loop", url,
                                         f"redirect loop: {' → '.join(visited + [target])}")
                    if len(visited) > config.max_redirects:
                        raise FetchError("too_many_redirects", url,
                                         f"more than {config.max_redirects} redirects from {url}")
                    current = target
                    continue
                body = read_capped(answer, config.max_bytes, deadline, current)
                return Response(url=current, status=answer.status_code,
                                headers={k.lower(): v for k, v in answer.headers.items()},
                                body=body, redirects=visited[:-1], elapsed=time.monotonic() - started)
        except RefusedDestination as error:  # the address checked again when the connection opened
            raise FetchError("refused_address", current, str(error)) from None
        except httpx.TimeoutException as error:
            raise FetchError("timeout", current, f"timed out ({type(error).__name__}) fetching {current}") from None
        except httpx.InvalidURL as error:
            raise FetchError("bad_url", current, f"invalid URL {current}: {error}") from None
        except httpx.DecodingError as error:
            raise FetchError("network", current, f"undecodable content-encoding from {current}: {error}") from None
        except httpx.HTTPError as error:
            raise FetchError("network", current, f"{type(error).__name__} fetching {current}: {error}") from None


def read_capped(answer: httpx.Response, max_bytes: int, deadline: float, url: str) -> bytes:
    """The decoded body, aborting past ``max_bytes`` (announced or counted) or the deadline."""
    announced = answer.headers.get("content-length", "")
    if announced.isdigit() and int(announced) > max_bytes and "content-encoding" not in answer.headers:
        raise FetchError("too_large", url, f"response too large: {announced} bytes announced, limit {max_bytes}")
    chunks: list[bytes] = []
    size = 0
    for chunk in answer.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise FetchError("too_large", url, f"response too large: over {max_bytes} bytes, download stopped")
        if time.monotonic() > deadline:
            raise FetchError("timeout", url, f"download of {url} took too long, stopped")
        chunks.append(chunk)
    return b"".join(chunks)
