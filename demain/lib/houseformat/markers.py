"""The fixed lines of the house format and how a title looks.

\\s in these patterns also matches non-breaking and narrow non-breaking spaces,
so « App sous le radar : X » is recognised whatever space precedes the colon.
"""

from __future__ import annotations

import re

from .blocks import Block

MASTHEAD = "le monde de demain"
META = re.compile(r"^N\s*[°ºo]\.?\s*(\d+)(?:\s*[—–-]\s*(.+))?$")
ANALYSIS = re.compile(r"^Enjeux et perspectives\s*:?$", re.IGNORECASE)
SOURCES = re.compile(r"^(Sources?)\s*(?::\s*(.*))?$", re.IGNORECASE)
BULLET = re.compile(r"^[-•*–]\s+")
TURN = re.compile(r"^Sauf que\b")
APP = re.compile(r"^App sous le radar\s*(?::\s*(.*))?$", re.IGNORECASE)
APP_PARTS = {
    "good": re.compile(r"^Le bon\s*:\s*", re.IGNORECASE),
    "bad": re.compile(r"^Le moins bon\s*:\s*", re.IGNORECASE),
    "verdict": re.compile(r"^Le verdict\s*:\s*", re.IGNORECASE),
}
APP_LABELS = {"good": "Le bon", "bad": "Le moins bon", "verdict": "Le verdict"}

TITLE_MAX_CHARS = 100
TITLE_MAX_WORDS = 14


def is_masthead(block: Block) -> bool:
    return " ".join(block.text.split()).lower() == MASTHEAD


def is_marker(line: str) -> bool:
    patterns = [ANALYSIS, SOURCES, APP, *APP_PARTS.values()]
    return any(pattern.match(line) for pattern in patterns)


def is_title(block: Block) -> bool:
    """A title is one short line that does not end like a sentence (no final period)."""
    if len(block.lines) != 1:
        return False
    line = block.lines[0]
    if len(line) > TITLE_MAX_CHARS or len(line.split()) > TITLE_MAX_WORDS:
        return False
    if line[-1] in ",;:" or (line.endswith(".") and not line.endswith("...")):
        return False
    return not (is_marker(line) or BULLET.match(line))


def app_part(line: str) -> tuple[str, str] | None:
    """("good" | "bad" | "verdict", text after the label) for an app review part."""
    for name, pattern in APP_PARTS.items():
        match = pattern.match(line)
        if match:
            return name, line[match.end():]
    return None
