"""The extraction entry point, its result and its refusals."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

import trafilatura
from trafilatura.utils import decode_file

from demain.lib.extract.language import detect_language
from demain.lib.extract.main_text import main_text

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
MARKUP = re.compile(r"<\s*[a-zA-Z!?/]")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Signatures of common binary formats a server may send where HTML was expected.
BINARY_MAGIC = (
    (b"%PDF-", "PDF document"),
    (b"\x89PNG", "PNG image"),
    (b"GIF8", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\x1f\x8b", "gzip data (decompress it first)"),
    (b"RIFF", "RIFF media"),
    (b"\x00\x00\x00", "binary data"),
)


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
    """Extract the article of one page, or raise ExtractionError saying why not."""
    page = decode(html, max_bytes)
    try:
        found = trafilatura.extract(
            page,
            url=url,
            output_format="json",
            with_metadata=True,
            include_comments=False,
            favor_precision=True,
        )
        metadata = json.loads(found) if found else {}
        text = main_text(page, metadata.get("text") or "")
    except (RecursionError, ValueError, TypeError, AttributeError, LookupError) as error:
        raise ExtractionError(f"unparseable HTML ({type(error).__name__}: {error})") from error
    if not text.strip():
        raise ExtractionError("no article text found in the page")
    return Extraction(
        title=clean(metadata.get("title")),
        text=text.strip(),
        author=clean(metadata.get("author")),
        date=iso_date(metadata.get("date")),
        language=detect_language(page, text),
    )


def decode(html: bytes | str, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """The page as text, refusing giant, empty, binary and markup-less input."""
    size = len(html) if isinstance(html, bytes) else len(html.encode("utf-8", "surrogatepass"))
    if size > max_bytes:
        raise ExtractionError(f"page too large: {size} bytes, over the {max_bytes}-byte limit")
    if isinstance(html, bytes):
        check_not_binary(html)
        html = decode_file(html)
    if "\x00" in html[:4096]:
        raise ExtractionError("binary content, not HTML (NUL characters)")
    if not html.strip():
        raise ExtractionError("empty page")
    if not MARKUP.search(html[:65536]):
        raise ExtractionError("not HTML: no markup in the first 64 KiB")
    return html


def check_not_binary(data: bytes) -> None:
    head = data[:4096]
    for magic, kind in BINARY_MAGIC:
        if head.startswith(magic):
            raise ExtractionError(f"binary content, not HTML ({kind})")
    if b"\x00" in head:
        raise ExtractionError("binary content, not HTML (NUL bytes)")
    controls = sum(1 for byte in head if byte < 32 and byte not in (9, 10, 12, 13))
    if head and controls / len(head) > 0.1:
        raise ExtractionError("binary content, not HTML (control bytes)")


def clean(value: str | None) -> str | None:
    value = " ".join((value or "").split())
    return value or None


def iso_date(value: str | None) -> str | None:
    value = (value or "")[:10]
    return value if ISO_DATE.match(value) else None
