"""The page's language: what the page declares first, else a light statistical guess."""

from __future__ import annotations

import re

import lxml.html
import py3langid

# ISO 639-1 codes, two letters, optionally followed by a region: "fr", "en-GB", "fr_FR".
LANG_TAG = re.compile(r"^\s*([a-zA-Z]{2})(?:[-_][a-zA-Z0-9]+)*\s*$")
META_XPATHS = (
    "//html/@lang",
    "//html/@xml:lang",
    "//meta[translate(@http-equiv,'CONTENT-LANGUAGE','content-language')='content-language']/@content",
    "//meta[translate(@name,'LANGUAGE','language')='language']/@content",
    "//meta[translate(@name,'DC.LANGUAGE','dc.language')='dc.language']/@content",
    "//meta[@property='og:locale']/@content",
)
MIN_LETTERS = 20  # below this much text, a statistical guess is noise


def detect_language(page: str, text: str) -> str | None:
    return declared_language(page) or guessed_language(text)


def declared_language(page: str) -> str | None:
    try:
        root = lxml.html.document_fromstring(page.encode("utf-8", "replace"))
    except (ValueError, lxml.etree.ParserError):
        return None
    namespaces = {"xml": "http://www.w3.org/XML/1998/namespace"}
    for xpath in META_XPATHS:
        for value in root.xpath(xpath, namespaces=namespaces):
            match = LANG_TAG.match(str(value).split(",")[0])
            if match:
                return match.group(1).lower()
    return None


def guessed_language(text: str) -> str | None:
    if sum(ch.isalpha() for ch in text) < MIN_LETTERS:
        return None
    language, _score = py3langid.classify(text)
    return language
