"""Source lines: « Libellé — https://… » (the dash may be — – - or a colon).

In the house format a « Source » / « Sources » line heads the list; items follow
on the next lines, one per line, optionally bulleted with « - »::

    Sources
    - Le rapport de l’agence — https://example.org/rapport
    - Un article de presse — https://example.org/article

or on one line: ``Source : Le rapport — https://example.org/rapport``.
A bare « Source » (as in texts whose links were stripped) is kept as one source
whose label is that word and which has no URL; the linter warns about it.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from .blocks import Block
from .markers import BULLET, SOURCES
from .model import ParsedSource

URL_AT_END = re.compile(r"(https?://\S+)$")
SEPARATOR_AT_END = re.compile(r"\s*(?:—|–|\||\s-|:)\s*$")


def parse_source_line(text: str) -> ParsedSource:
    text = BULLET.sub("", text.strip()).strip()
    match = URL_AT_END.search(text)
    if not match:
        return ParsedSource(text, "")
    url = match.group(1)
    label = SEPARATOR_AT_END.sub("", text[: match.start()]).strip()
    return ParsedSource(label or urlsplit(url).netloc, url)


def format_source_line(source: ParsedSource) -> str:
    return f"{source.label} — {source.url}" if source.url else source.label


def is_sources_heading(block: Block) -> bool:
    return bool(SOURCES.match(block.lines[0]))


def is_bullet_list(block: Block) -> bool:
    return all(BULLET.match(line) for line in block.lines)


def parse_sources(blocks: list[Block]) -> list[ParsedSource]:
    """The sources of a heading block plus the bullet-list blocks that follow it."""
    heading = SOURCES.match(blocks[0].lines[0])
    items = [heading.group(2)] if heading.group(2) else []
    items += blocks[0].lines[1:] + [line for block in blocks[1:] for line in block.lines]
    sources = [parse_source_line(item) for item in items if BULLET.sub("", item).strip()]
    return sources or [ParsedSource(heading.group(1), "")]


def format_sources(sources: list[ParsedSource]) -> str:
    if len(sources) == 1 and not sources[0].url and sources[0].label.lower() in {"source", "sources"}:
        return sources[0].label
    if len(sources) == 1:
        return f"Source : {format_source_line(sources[0])}"
    return "\n".join(["Sources", *(f"- {format_source_line(source)}" for source in sources)])
