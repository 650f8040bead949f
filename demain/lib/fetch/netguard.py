"""Which destinations the fetcher may connect to.

Private, loopback, link-local, multicast and reserved addresses are refused,
after resolving the name (a public name may point at 127.0.0.1), unless the host
is listed in the allowed hosts (the tests and the demo name their local server).
"""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit


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
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        infos = socket.getaddrinfo(parts.hostname, port, type=socket.SOCK_STREAM)
    except socket.gaierror as error:
        raise RefusedDestination(f"cannot resolve {parts.hostname}: {error.strerror}") from None
    for info in infos:
        address = info[4][0]
        if not is_public(address):
            raise RefusedDestination(
                f"{parts.hostname} resolves to {address}, a private, loopback or link-local address "
                "(list the host in FETCH_ALLOWED_HOSTS to allow it)")
