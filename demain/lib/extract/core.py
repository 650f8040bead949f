"""The extraction entry point, its result and its refusals."""

from __future__ import annotations

import re
from dataclasses import dataclass

import trafilatura

DEFAULT_MAX_BYTES = 5 * 1024 * 1024


class ExtractionError(ValueError):
    """The page cannot be extracted; the message says why."""


@dataclass(frozen=True)
class Extraction:
    title: str | None
    text: str
    author: str | None
    date: str | None  # ISO date, YYYY-MM-DD
    language: str | None  # ISO 639-1


def extract(html: bytes | str, url: str | None = None, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Extraction:
    """Extract the article of one page, or raise ExtractionError."""
    page = decode(html, max_bytes)
    try:
        document = trafilatura.bare_extraction(page, url=url, with_metadata=True, as_dict=False)
    except Exception as error:  # trafilatura/lxml raise many kinds on broken input
        raise ExtractionError(f"unparseable HTML: {error}") from error
    if document is None or not (document.text or "").strip():
        raise ExtractionError("no article text found in the page")
    return Extraction(
        title=document.title or None,
        text=document.text.strip(),
        author=document.author or None,
        date=document.date or None,
        language=document.language or None,
    )


def decode(html: bytes | str, max_bytes: int) -> str:
    """The page as text, refusing giant, empty and binary input."""
    size = len(html.encode("utf-8", "surrogatepass")) if isinstance(html, str) else len(html)
    if size > max_bytes:
        raise ExtractionError(f"page too large: {size} bytes, limit {max_bytes}")
    if isinstance(html, bytes):
        if b"\x00" in html[:4096]:
            raise ExtractionError("binary content, not HTML")
        html = html.decode("utf-8", errors="replace")
    if not html.strip():
        raise ExtractionError("empty page")
    if not re.search(r"<[a-zA-Z!]", html[:65536]):
        raise ExtractionError("not HTML: no markup found")
    return html
