"""Duplicates across sources, as pure code (no Django).

- normalize_url(url) -> str: one key for every spelling of an article's URL
  (tracking parameters, AMP, http/https, www., trailing slashes, escapes…);
  see demain.lib.dedupe.urls. Raises InvalidURL (a ValueError) on anything
  that is not an absolute http(s) URL.
"""

from .urls import TRACKING_PARAMS, InvalidURL, normalize_url

__all__ = ["InvalidURL", "TRACKING_PARAMS", "normalize_url"]
