"""Turn a response body into text: declared charset, BOM, <meta charset>, then detection."""

from __future__ import annotations

import codecs
import re

import charset_normalizer

META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9._:-]+)""")
BOMS = [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")]


def known(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None


def header_charset(content_type: str) -> str | None:
    match = re.search(r"charset\s*=\s*\"?([^;\"\s]+)", content_type or "", re.IGNORECASE)
    return known(match.group(1)) if match else None


def detect_charset(body: bytes, content_type: str = "") -> str:
    """The charset to decode ``body`` with, in the order browsers use, then statistics."""
    for bom, name in BOMS:
        if body.startswith(bom):
            return name
    declared = header_charset(content_type)
    if declared:
        return declared
    head = body[:4096]
    for pattern in (XML_ENCODING, META_CHARSET):
        match = pattern.search(head)
        if match and known(match.group(1).decode("ascii", "ignore")):
            return known(match.group(1).decode("ascii", "ignore"))
    try:
        body.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(body[:200_000]).best()
    return known(best.encoding) if best is not None and known(best.encoding) else "utf-8"


def decode(body: bytes, content_type: str = "") -> tuple[str, str]:
    """(text, charset); undecodable bytes become U+FFFD rather than failing."""
    name = detect_charset(body, content_type)
    text = body.decode(name, errors="replace")
    return (text[1:] if text.startswith("\ufeff") else text), name
