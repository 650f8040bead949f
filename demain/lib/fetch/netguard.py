"""Which destinations the fetcher may connect to.

Private, loopback, link-local, multicast and reserved addresses are refused,
after resolving the name (a public name may point at 127.0.0.1), unless the host
is listed in the allowed hosts (the tests and the demo name their local server).

The check runs twice: on the URL before any request (a clear error, no
connection), and again when the connection is opened (:class:`GuardedBackend`),
on the very addresses the socket connects to. Without the second, a name that
resolves to a public address for the check and to 127.0.0.1 a moment later
(DNS rebinding) would reach the local network.
"""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit

import httpcore


class RefusedDestination(ValueError):
    """The URL points at an address the fetcher must not reach."""


def host_key(url: str) -> str:
    """``host`` or ``host:port`` (lower-case), the unit of per-host politeness."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    default = {"http": 80, "https": 443}.get(parts.scheme)
    return host if parts.port in (None, default) else f"{host}:{parts.port}"


def is_allowed_host(url: str, allowed_hosts: frozenset[str] | set[str]) -> bool:
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    return host in allowed_hosts or host_key(url) in allowed_hosts


def public_addresses(host: str, port: int) -> list[str]:
    """The addresses ``host`` resolves to, all public; RefusedDestination otherwise."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as error:
        raise RefusedDestination(f"cannot resolve {host}: {error.strerror}") from None
    addresses = list(dict.fromkeys(info[4][0] for info in infos))
    for address in addresses:
        if not is_public(address):
            raise RefusedDestination(
                f"{host} resolves to {address}, a private, loopback or link-local address "
                "(list the host in FETCH_ALLOWED_HOSTS to allow it)")
    return addresses


class GuardedBackend(httpcore.SyncBackend):
    """httpcore's network backend, connecting only to addresses checked at connect time.

    The name is resolved once, here; every address must be public (unless the host is allowed),
    and the socket connects to those addresses, not to the name. TLS still checks the
    certificate against the name (httpcore passes it as server_hostname).
    """

    def __init__(self, allowed_hosts: frozenset[str] | set[str] = frozenset()):
        self.allowed_hosts = allowed_hosts

    def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
                    socket_options=None) -> httpcore.NetworkStream:
        name = host.lower()
        if name in self.allowed_hosts or f"{name}:{port}" in self.allowed_hosts:
            return super().connect_tcp(host, port, timeout, local_address, socket_options)
        failure: Exception | None = None
        for address in public_addresses(host, port):
            try:
                return super().connect_tcp(address, port, timeout, local_address, socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as error:
                failure = error
        raise failure or httpcore.ConnectError(f"no address for {host}")


def is_public(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return ip.is_global and not (ip.is_multicast or ip.is_reserved or ip.is_unspecified)


def check_destination(url: str, allowed_hosts: frozenset[str] | set[str] = frozenset()) -> None:
    """Raise RefusedDestination unless ``url`` is http(s) and resolves only to public addresses."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise RefusedDestination(f"only http and https URLs are fetched, not {parts.scheme or 'no scheme'}: {url}")
    if not parts.hostname:
        raise RefusedDestination(f"URL without a host: {url}")
    if is_allowed_host(url, allowed_hosts):
        return
    public_addresses(parts.hostname, parts.port or (443 if parts.scheme == "https" else 80))
