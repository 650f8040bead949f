"""French typography, checked and fixed the same way.

House rules: a narrow no-break space (U+202F) before ; : ! ? and », and after «;
curly apostrophes (’) and French quotes (« ») instead of ' and ".
URLs are never touched, nor a colon between two digits (« 16:9 », « 10:30 »).
fix(text) is idempotent, and lint finds nothing in its output.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

NNBSP = "\u202f"
HSPACE = "[ \\t\u00a0\u202f]"
URL = re.compile(r"(?:https?|ftp)://[^\s<>«»\"]+|www\.[^\s<>«»\"]+")


@dataclass(frozen=True)
class SpacingRule:
    pattern: re.Pattern
    replace: Callable[[re.Match], str]


def _before_punctuation(match: re.Match) -> str:
    text, start, end = match.string, match.start(), match.end()
    is_ratio = match.group(1) == ":" and text[start - 1].isdigit() and end < len(text) and text[end].isdigit()
    return match.group(0) if is_ratio else NNBSP + match.group(1)


SPACING = [
    SpacingRule(re.compile(rf"(?<=\S){HSPACE}*([;:!?]+)"), _before_punctuation),
    SpacingRule(re.compile(rf"(?<=\S){HSPACE}*»"), lambda m: NNBSP + "»"),
    SpacingRule(re.compile(rf"«{HSPACE}*(?=\S)"), lambda m: "«" + NNBSP),
]


def url_spans(text: str) -> list[tuple[int, int]]:
    return [match.span() for match in URL.finditer(text)]


def in_spans(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= position < end for start, end in spans)


def spacing_mistakes(text: str) -> list[re.Match]:
    """Every place where the spacing around ; : ! ? « » differs from the house rule."""
    spans = url_spans(text)
    found = []
    for rule in SPACING:
        for match in rule.pattern.finditer(text):
            if not in_spans(match.start(), spans) and rule.replace(match) != match.group(0):
                found.append(match)
    return sorted(found, key=lambda match: match.start())


def straight_quotes(text: str) -> list[int]:
    spans = url_spans(text)
    return [i for i, char in enumerate(text) if char in "\"'" and not in_spans(i, spans)]


def fix(text: str) -> str:
    text = _replace_outside_urls(text, re.compile("'"), lambda m: "’")
    text = "\n".join(_curl_double_quotes(line) for line in text.split("\n"))
    for rule in SPACING:
        text = _replace_outside_urls(text, rule.pattern, rule.replace)
    return text


def _replace_outside_urls(text: str, pattern: re.Pattern, replace: Callable[[re.Match], str]) -> str:
    spans = url_spans(text)
    return pattern.sub(lambda m: m.group(0) if in_spans(m.start(), spans) else replace(m), text)


def _curl_double_quotes(line: str) -> str:
    """Straight double quotes alternate « and »; an odd last one opens if a space precedes it."""
    positions = [i for i in straight_quotes(line) if line[i] == '"']
    chars = list(line)
    for n, i in enumerate(positions):
        opening = n % 2 == 0
        if n == len(positions) - 1 and opening:
            opening = i == 0 or line[i - 1].isspace()
        chars[i] = "«" if opening else "»"
    return "".join(chars)
