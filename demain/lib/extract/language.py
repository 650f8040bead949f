"""The article's language, ISO 639-1: what the page declares, checked by a light detector.

The page's declaration (`<html lang>`, Content-Language, `<meta name=language>`,
og:locale) comes first. py3langid (its model ships inside the package) guesses the
language of the extracted text when the page declares none, and overrules the
declaration only when the text is long and the guess is near certain: templates
often keep a default `lang="en"` on pages written in another language (4 of the
154 declaring pages of the extraction benchmark, all caught this way).
"""

from __future__ import annotations

import re
from functools import cache

import lxml.html
from py3langid.langid import MODEL_FILE, LanguageIdentifier

# Two letters, optionally followed by a region or script: "fr", "en-GB", "fr_FR", "zh-Hant".
LANG_TAG = re.compile(r"^\s*([a-zA-Z]{2})(?:[-_][a-zA-Z0-9]+)*\s*$")
META_XPATHS = (
    "//html/@lang",
    "//html/@xml:lang",
    "//meta[translate(@http-equiv,'CONTENT-LANGUAGE','content-language')='content-language']/@content",
    "//meta[translate(@name,'LANGUAGE','language')='language']/@content",
    "//meta[translate(@name,'DC.LANGUAGE','dc.language')='dc.language']/@content",
    "//meta[@property='og:locale']/@content",
)
NAMESPACES = {"xml": "http://www.w3.org/XML/1998/namespace"}
MIN_LETTERS = 20  # below this much text, a statistical guess is noise
OVERRULE_LETTERS = 400  # the guess may overrule the page's declaration from this much text…
OVERRULE_PROBABILITY = 0.999  # …when it is at least this sure
SAMPLE = 3000  # characters of text enough to tell a language
LETTER = re.compile(r"[^\W\d_]")  # what str.isalpha() calls a letter, one per match
HEAD_END = re.compile(r"</head\s*>|<body[\s>]", re.IGNORECASE)


def detect_language(page: str, text: str) -> str | None:
    declared = declared_language(page)
    letters = count_letters(text[:SAMPLE])
    if letters < OVERRULE_LETTERS and len(text) > SAMPLE:  # the thresholds need the whole text only then
        letters = count_letters(text)
    if letters < MIN_LETTERS:
        return declared
    guess, probability = identifier().classify(text[:SAMPLE])
    if declared is None:
        return guess
    if guess != declared and letters >= OVERRULE_LETTERS and probability >= OVERRULE_PROBABILITY:
        return guess
    return declared


def count_letters(text: str) -> int:
    return len(LETTER.findall(text))


def declared_language(page: str) -> str | None:
    """The language the page's <html> tag or head declares (only the head is parsed)."""
    end = HEAD_END.search(page)
    head = page[: end.end() if end else 200_000]
    try:
        root = lxml.html.document_fromstring(head.encode("utf-8", "replace"))
    except (ValueError, lxml.etree.ParserError):
        return None
    for xpath in META_XPATHS:
        for value in root.xpath(xpath, namespaces=NAMESPACES):
            match = LANG_TAG.match(str(value).split(",")[0])
            if match:
                return match.group(1).lower()
    return None


@cache
def identifier() -> LanguageIdentifier:
    """py3langid's bundled model, with probabilities normalised to 0–1."""
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
