"""Main text: trafilatura first, a second opinion when its result looks wrong.

trafilatura in precision mode is the primary extractor (on the benchmark it gains
precision over its defaults for a small loss of recall). Its failure mode is then
a text much shorter than the article: it kept one block of a page split in
several. Resiliparse's main-content extraction (fast, C++) measures how much text
the page holds; only when trafilatura kept less than half of it is readability
run, and its result replaces trafilatura's when the two other extractors agree
with each other: two independent methods finding the same longer text are a
better bet than one finding a short one.
"""

from __future__ import annotations

from collections import Counter

import lxml.html
from readability import Document
from resiliparse.extract.html2text import extract_plain_text

from demain.lib.extract.metric import WORD, shingles

SHORT_RATIO = 0.5  # trafilatura's text "looks short" under this share of the others'
AGREEMENT = 0.7  # the two other extractors agree above this shingle overlap (Dice)


def main_text(page: str, primary: str) -> str:
    """The best text for the page, given trafilatura's (`primary`)."""
    length = len(WORD.findall(primary))
    wide = extract_plain_text(page, main_content=True) or ""
    if length >= SHORT_RATIO * len(WORD.findall(wide)):
        return primary
    readable = readability_text(page)
    if length >= SHORT_RATIO * len(WORD.findall(readable)):
        return primary
    if dice(shingles(wide), shingles(readable)) <= AGREEMENT:
        return primary
    return readable


def readability_text(page: str) -> str:
    """readability-lxml's article, as plain text with one paragraph a line."""
    try:
        summary = Document(page).summary(html_partial=True)
    except Exception:  # readability raises its own Unparseable and lxml's errors
        return ""
    if not summary.strip():
        return ""
    text = extract_plain_text(summary, main_content=False) or ""
    if not text.strip():
        text = lxml.html.fromstring(summary).text_content()
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def dice(a: Counter, b: Counter) -> float:
    total = sum(a.values()) + sum(b.values())
    return 2 * sum((a & b).values()) / total if total else 0.0
