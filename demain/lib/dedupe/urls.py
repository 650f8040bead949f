"""URL normalisation: one key for every spelling of the same article's address.

normalize_url(url) -> str returns the canonical form used to recognise the same
article behind different links. It is pure (no network) and idempotent:
normalize_url(normalize_url(u)) == normalize_url(u).

Rules, in order:

- Leading and trailing white space is dropped. Only http, https and
  protocol-relative (``//host/…``) URLs are accepted; anything else, or a URL
  without a host, raises InvalidURL (a ValueError).
- AMP caches are unwrapped: ``https://www-example-com.cdn.ampproject.org/c/s/www.example.com/a``
  (``/c/``, ``/v/``, ``/i/``, with or without ``s/``) and Google's viewer
  ``https://www.google.com/amp/s/example.com/a`` become the publisher's URL.
- The scheme is always ``https``: http and https name one article.
- The host is lower-cased, a trailing dot dropped, internationalised names
  written in IDNA (``xn--``), and the prefixes ``www.`` and ``amp.`` removed
  (``m.`` and other sub-domains are kept: they may be different sites).
  User name and password are dropped. Ports 80 and 443 are dropped, other
  ports kept.
- The path: percent-escapes of unreserved characters are decoded
  (``%7E`` → ``~``), other escapes upper-cased, characters that must be
  escaped (spaces, non-ASCII) are escaped as UTF-8; ``.`` and ``..`` segments
  resolved; empty segments (``//``) collapsed; AMP variants removed: a path
  segment ``amp`` anywhere (``/amp/story``, ``/story/amp/``, ``/story/amp``),
  ``.amp.html`` → ``.html``, a final ``.amp`` extension; the trailing slash
  dropped (the root stays ``/``).
- The query: tracking parameters are removed (TRACKING_PARAMS, any ``utm_*``
  key, compared case-insensitively), so are ``amp`` and ``outputType=amp``;
  ``+`` and ``%20`` are one space; the remaining parameters are sorted by key
  then value and re-escaped the same way as the path. An empty query
  disappears (no bare ``?``).
- The fragment is dropped.
"""

from __future__ import annotations

import re
from urllib.parse import quote_from_bytes, unquote_to_bytes, urlsplit, urlunsplit

__all__ = ["InvalidURL", "TRACKING_PARAMS", "TRACKING_PREFIXES", "normalize_url"]


class InvalidURL(ValueError):
    """The text is not an absolute http(s) URL that can be normalised."""


#: Query keys (lower-case) that track a click or a campaign, never choose content.
TRACKING_PARAMS = frozenset(
    {
        # Ad click identifiers
        "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "yclid",
        "twclid", "ttclid", "li_fat_id", "igshid", "igsh", "srsltid",
        # Mailchimp, HubSpot, Marketo, Vero, Oracle Eloqua, Omeda
        "mc_cid", "mc_eid", "_hsenc", "_hsmi", "__hstc", "__hssc", "__hsfp",
        "hsctatracking", "mkt_tok", "vero_id", "vero_conv", "elqtrackid",
        "elqtrack", "oly_anon_id", "oly_enc_id", "rb_clickid",
        # Referrers and share buttons
        "ref", "ref_src", "ref_url", "referrer", "share", "smid", "sr_share",
        "ocid", "cmpid", "cmp", "ito", "s_cid", "soc_src", "soc_trk",
        # Google Analytics linker
        "_ga", "_gl",
        # AT Internet / Piano (French press: xtor=…), Webtrends, comScore
        "xtor", "at_medium", "at_campaign", "at_creation", "at_format",
        "at_platform", "at_send_date", "at_link", "at_ptr_name", "at_variant",
        "at_position", "at_brand", "at_type", "at_so", "at_custom1",
        "wt.mc_id", "wt_mc", "ns_mchannel", "ns_source", "ns_campaign",
        "ns_linkname", "ns_fee",
        # Misc.
        "spm", "__twitter_impression", "guccounter", "guce_referrer",
        "guce_referrer_sig", "cid_source",
    }
)

#: Query keys starting with one of these (lower-case) are tracking too.
TRACKING_PREFIXES = ("utm_", "pk_", "mtm_")

_AMP_CACHE_HOST = re.compile(r"(^|\.)cdn\.ampproject\.org$")
_AMP_CACHE_PATH = re.compile(r"^/[cvi]/(s/)?(.+)$")
_GOOGLE_AMP_PATH = re.compile(r"^/amp/(s/)?(.+)$")
_GOOGLE_HOST = re.compile(r"^(www\.)?google\.[a-z.]+$")

# RFC 3986 unreserved characters, never escaped; sub-delims and ':' '@'
# are legal in a path segment and kept as written.
_UNRESERVED = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~"
_PATH_SAFE = "-._~!$&'()*+,;=:@"
_QUERY_SAFE = "-._~!$'()*,;:@/?"


def normalize_url(url: str) -> str:
    """The canonical form of an http(s) URL (see the module docstring)."""
    if not isinstance(url, str):
        raise InvalidURL(f"a URL must be text, not {type(url).__name__}")
    text = url.strip()
    if text.startswith("//"):
        text = "https:" + text
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError as exc:
        raise InvalidURL(f"not a valid URL: {url!r} ({exc})") from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise InvalidURL(f"not an http(s) URL: {url!r}")
    host = _host(parts.hostname or "", url)

    inner = _unwrap_amp_cache(host, parts.path, parts.query)
    if inner is not None:
        return normalize_url(inner)

    for prefix in ("www.", "amp."):
        if host.startswith(prefix) and host.count(".") >= 2:
            host = host[len(prefix):]
    netloc = host
    if port is not None and port not in (80, 443):
        netloc = f"{host}:{port}"
    return urlunsplit(("https", netloc, _path(parts.path), _query(parts.query), ""))


def _host(host: str, url: str) -> str:
    host = host.strip().rstrip(".").lower()
    if not host:
        raise InvalidURL(f"URL without a host: {url!r}")
    if ":" in host:  # IPv6 literal
        return f"[{host}]"
    try:
        host.encode("ascii")
    except UnicodeEncodeError:
        try:
            host = host.encode("idna").decode("ascii")
        except UnicodeError as exc:
            raise InvalidURL(f"invalid host name in {url!r} ({exc})") from None
    if not re.fullmatch(r"[a-z0-9._-]+", host):
        raise InvalidURL(f"invalid host name in {url!r}")
    return host


def _unwrap_amp_cache(host: str, path: str, query: str) -> str | None:
    """The publisher's URL behind an AMP cache or Google AMP viewer URL, else None."""
    if _AMP_CACHE_HOST.search(host):
        match = _AMP_CACHE_PATH.match(path)
    elif _GOOGLE_HOST.match(host):
        match = _GOOGLE_AMP_PATH.match(path)
    else:
        return None
    if not match:
        return None
    scheme = "https" if match.group(1) else "http"
    inner = f"{scheme}://{match.group(2)}"
    return f"{inner}?{query}" if query else inner


def _requote(text: str, safe: str, plus_is_space: bool = False) -> str:
    """Decode every escape, then escape again exactly what must be."""
    if plus_is_space:
        text = text.replace("+", " ")
    return quote_from_bytes(unquote_to_bytes(text), safe=safe)


def _path(path: str) -> str:
    segments = []
    for segment in path.split("/"):
        if segment in ("", "."):
            continue
        if segment == "..":
            if segments:
                segments.pop()
            continue
        if segment.lower() == "amp":
            continue
        segments.append(_requote(segment, _PATH_SAFE))
    if segments:
        last = segments[-1]
        lower = last.lower()
        if lower.endswith(".amp.html"):
            last = last[: -len(".amp.html")] + ".html"
        elif lower.endswith(".amp") and len(last) > 4:
            last = last[: -len(".amp")]
        segments[-1] = last
    return "/" + "/".join(segments)


def _is_tracking(key: str, value: str) -> bool:
    key = key.lower()
    if key in TRACKING_PARAMS or key.startswith(TRACKING_PREFIXES):
        return True
    if key == "amp":
        return True
    return key in ("outputtype", "output") and value.lower() == "amp"


def _query(query: str) -> str:
    pairs = []
    for item in query.split("&"):
        if not item:
            continue
        key, _, value = item.partition("=")
        key = _requote(key, _QUERY_SAFE, plus_is_space=True)
        value = _requote(value, _QUERY_SAFE, plus_is_space=True)
        if not key or _is_tracking(key, value):
            continue
        pairs.append((key, value))
    pairs.sort()
    return "&".join(f"{k}={v}" if v else k for k, v in pairs)
