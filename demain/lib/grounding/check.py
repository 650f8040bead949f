"""check(draft, sources): every checkable item of a draft, and its support in the sources."""

from __future__ import annotations

import re

from demain.lib.figures import find_figures, guess_lang

from .corpus import Corpus
from .entities import check_entity, find_entities
from .figures import check_figure
from .model import Finding, Report, Source
from .quotes import check_quote, find_quotes
from .text import URL_RE

__all__ = ["check", "checkable_text"]

# The house format's own lines carry no claim: headings, and the list of sources with its links.
_HEADINGS = re.compile(r"^[ \t]*(?:Sauf que\.?|Enjeux et perspectives|Le bon|Le moins bon|Le verdict)[ \t]*:?[ \t]*$",
                       re.IGNORECASE | re.MULTILINE)
_SOURCES_LINE = re.compile(r"^[ \t]*Sources?[ \t]*:.*$", re.IGNORECASE | re.MULTILINE)
_SOURCES_BLOCK = re.compile(r"^[ \t]*Sources?[ \t]*:?[ \t]*\n(?:[ \t]*(?:[-•*–—].*|.*https?://.*)(?:\n|$))*",
                            re.IGNORECASE | re.MULTILINE)


def checkable_text(draft: str) -> str:
    """The draft with its URLs, headings and list of sources blanked out, and carriage returns
    made spaces or newlines (offsets kept)."""
    draft = re.sub(r"\r(?!\n)", "\n", draft.replace("\r\n", " \n"))
    blank = lambda match: re.sub(r"[^\n]", " ", match.group())  # noqa: E731
    for pattern in (_SOURCES_BLOCK, _SOURCES_LINE, _HEADINGS, URL_RE):
        draft = pattern.sub(blank, draft)
    return draft


def check(draft: str, sources: list[Source] | Corpus, lang: str | None = None) -> Report:
    """Every figure, quotation and name of ``draft`` with its status against ``sources``
    (a list of Source, or a Corpus to reuse the sources' analysis across drafts)."""
    if not isinstance(draft, str):
        raise TypeError(f"draft must be str, not {type(draft).__name__}")
    corpus = sources if isinstance(sources, Corpus) else Corpus(list(sources))
    text = checkable_text(draft)
    lang = lang or guess_lang(text)
    findings: list[Finding] = []
    figures = find_figures(text, lang)
    for figure in figures:
        findings.append(check_figure(figure, corpus))
    for quote in find_quotes(text):
        findings.append(check_quote(quote, corpus))
    spans = [(f.start, f.end) for f in figures]

    def in_figure(start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in spans)

    for entity in find_entities(text, lang, corpus.capitalised, corpus.lowercase, skip=in_figure,
                                 capitals=corpus.capitals):
        findings.append(check_entity(entity, corpus))
    findings.sort(key=lambda f: (f.start, f.end))
    return Report(findings)
