"""The polite fetcher, as pure code (no Django).

Every outbound HTTP request of demain goes through :func:`demain.lib.fetch.http.fetch`;
tests serve real local pages to it (allowed through ``FetchConfig.allowed_hosts``).

- http: the one HTTP function (User-Agent, conditional GET, timeouts, size cap,
  redirects and loops, gzip/brotli, refusal of private addresses at every hop).
- netguard: which addresses may be fetched.
- charset: bytes to text (header, BOM, meta, then charset-normalizer).
- policy: Retry-After, poll interval (Cache-Control, Expires, TTL, floor), backoff.
- robots: robots.txt (RFC 9309, protego).
- tdm: the publisher's text-and-data-mining opt-out (TDMRep).
- htmlmeta: canonical link, meta tags and declared charset of a page.
"""

from demain.lib.fetch.http import FetchConfig, FetchError, Response, fetch

__all__ = ["FetchConfig", "FetchError", "Response", "fetch"]
