"""robots.txt, read as RFC 9309 says (parsing by protego).

The answer to GET /robots.txt decides: 2xx → its rules; 4xx (none published) →
everything allowed; 5xx or no answer → everything disallowed until it can be read.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from protego import Protego


def robots_url(url: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, "/robots.txt", "", ""))


def product_token(user_agent: str) -> str:
    """``demain`` from ``demain/0.1 (+https://…)``: the name robots.txt groups match."""
    return user_agent.split("/", 1)[0].split()[0] if user_agent.strip() else "*"


@dataclass(frozen=True)
class Robots:
    status: int | None  # HTTP status of /robots.txt, None when unreachable
    text: str = ""

    @property
    def unreachable(self) -> bool:
        return self.status is None or self.status >= 500

    def allows(self, url: str, user_agent: str) -> bool:
        if self.unreachable:
            return False
        if self.status >= 400 or not self.text.strip():
            return True
        return Protego.parse(self.text).can_fetch(url, product_token(user_agent))

    def crawl_delay(self, user_agent: str) -> float | None:
        if self.unreachable or self.status >= 400 or not self.text.strip():
            return None
        return Protego.parse(self.text).crawl_delay(product_token(user_agent))

    def reason(self, url: str) -> str:
        if self.unreachable:
            return f"robots.txt unreachable (status {self.status}): disallowed until it can be read"
        return f"robots.txt of {urlsplit(url).netloc} disallows {urlsplit(url).path or '/'}"
