"""The publisher's text-and-data-mining opt-out (W3C TDMRep).

Three places may say it, in this order of precedence: the ``tdm-reservation``
HTTP header, the HTML ``<meta name="tdm-reservation">``, and the site's
``/.well-known/tdmrep.json`` (rules with a ``location`` pattern, robots.txt
style). ``1`` reserves the rights (no TDM, so no language model); ``0`` does not.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

HEADER, META, WELL_KNOWN = "header", "meta", "tdmrep.json"


@dataclass(frozen=True)
class TdmStatus:
    reserved: bool = False
    source: str = ""  # HEADER, META, WELL_KNOWN, or "" when nobody said anything
    policy: str = ""  # tdm-policy URL, when given


def tdmrep_url(url: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, "/.well-known/tdmrep.json", "", ""))


def _flag(value) -> bool | None:
    text = str(value).strip()
    return {"1": True, "0": False}.get(text)


def parse_tdmrep(text: str) -> list[dict]:
    """The rules of a tdmrep.json file; [] for anything that is not a list of objects."""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return []
    return [rule for rule in data if isinstance(rule, dict)] if isinstance(data, list) else []


def location_matches(pattern: str, path: str) -> bool:
    """robots.txt-style pattern: prefix match, ``*`` any characters, final ``$`` anchors."""
    pattern = pattern.strip() or "/"
    anchored = pattern.endswith("$")
    body = pattern[:-1] if anchored else pattern
    regex = ".*".join(re.escape(piece) for piece in body.split("*"))
    return re.match(regex + ("$" if anchored else ""), path) is not None


def tdm_status(url: str, headers: dict[str, str], meta: dict[str, str], rules: list[dict]) -> TdmStatus:
    """The opt-out that applies to ``url``, with where it was found."""
    flag = _flag(headers.get("tdm-reservation", ""))
    if flag is not None:
        return TdmStatus(flag, HEADER, headers.get("tdm-policy", "").strip())
    flag = _flag(meta.get("tdm-reservation", ""))
    if flag is not None:
        return TdmStatus(flag, META, meta.get("tdm-policy", "").strip())
    path = urlsplit(url).path or "/"
    if urlsplit(url).query:
        path += "?" + urlsplit(url).query
    best: dict | None = None
    for rule in rules:
        location = str(rule.get("location", ""))
        if location_matches(location, path) and (best is None or len(location) > len(str(best.get("location")))):
            best = rule
    if best is not None and _flag(best.get("tdm-reservation")) is not None:
        return TdmStatus(_flag(best.get("tdm-reservation")), WELL_KNOWN, str(best.get("tdm-policy", "")))
    return TdmStatus()
