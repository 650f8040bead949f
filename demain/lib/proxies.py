"""The client's address behind trusted reverse proxies. Pure: no Django.

A request's peer (``REMOTE_ADDR``) is the only address nobody can forge. When
that peer is one of the configured trusted proxies, the proxy's
``X-Forwarded-For`` is read from the right: each proxy appends the address it
saw, so the right-most address that is not itself a trusted proxy is the
client. Anything to its left was written by the client and is ignored.
"""

from __future__ import annotations

import ipaddress
from typing import Iterable

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def parse_networks(values: Iterable[str]) -> list[Network]:
    """``["127.0.0.1", "10.0.0.0/8", "::1"]`` → networks; ValueError names a bad entry."""
    networks = []
    for value in values:
        try:
            networks.append(ipaddress.ip_network(value.strip(), strict=False))
        except ValueError:
            raise ValueError(f"expected an IP address or CIDR network, got {value!r}") from None
    return networks


def _address(value: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    value = value.strip()
    if value.startswith("[") and "]" in value:  # [v6]:port
        value = value[1:value.index("]")]
    elif value.count(":") == 1:  # v4:port
        value = value.split(":")[0]
    try:
        return ipaddress.ip_address(value)
    except ValueError:
        return None


def is_trusted(address: str, trusted: list[Network]) -> bool:
    parsed = _address(address)
    return parsed is not None and any(parsed in network for network in trusted)


def client_ip(remote_addr: str, forwarded_for: str, trusted: list[Network]) -> str:
    """The client's address: the peer, unless the peer is a trusted proxy (see module docstring)."""
    if not is_trusted(remote_addr, trusted):
        return remote_addr
    hops = [hop.strip() for hop in forwarded_for.split(",") if hop.strip()]
    for hop in reversed(hops):
        parsed = _address(hop)
        if parsed is None:
            return remote_addr  # garbage appended after the client: do not guess further left
        if not any(parsed in network for network in trusted):
            return str(parsed)
    return str(_address(hops[0])) if hops else remote_addr
