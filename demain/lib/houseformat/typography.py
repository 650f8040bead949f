"""French typography, checked and fixed the same way.

House rules: a narrow no-break space (U+202F) before ; : ! ? », before % after a
number (« 95 % »), and after «; curly apostrophes (’) and French quotes (« »)
instead of ' and ".
URLs are never touched, nor a colon between two digits (« 16:9 », « 10:30 »).
fix(text) is idempotent, and lint finds nothing in its output. space(text) only
sets the spaces (for the site's own texts and emails, see the `typography` tag);
quote(text) wraps a title in « » without nesting guillemets; plural() counts in
French, where 0 and 1 are singular.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from html import escape as html_escape
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
    SpacingRule(re.compile(rf"(?<=\d){HSPACE}*%"), lambda m: NNBSP + "%"),
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
    return space(text)


def space(text: str) -> str:
    """Only the spacing rules: narrow no-break spaces where French wants them, URLs untouched."""
    for rule in SPACING:
        text = _replace_outside_urls(text, rule.pattern, rule.replace)
    return text


def quote(text: str) -> str:
    """« text », its own guillemets turned into “ ” so that guillemets never nest."""
    inner = str(text).strip()
    inner = re.sub(rf"«{HSPACE}*", "“", inner)
    inner = re.sub(rf"{HSPACE}*»", "”", inner)
    return f"«{NNBSP}{inner}{NNBSP}»"


def plural(count: int, one: str, many: str | None = None) -> str:
    """« 0 erreur », « 1 article », « 2 articles »: French counts 0 and 1 as singular."""
    many = many if many is not None else one + "s"
    return f"{count} {one if abs(count) < 2 else many}"


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


# --- HTML: the same spaces in the text between tags, never in tags, attributes or code ---------

TAG = re.compile(r"(<!--.*?-->|<![^>]*>|<[^>]*>)", re.DOTALL)
TAG_NAME = re.compile(r"<\s*(/?)\s*([a-zA-Z][a-zA-Z0-9-]*)")
VERBATIM = frozenset({"script", "style", "pre", "code", "kbd", "samp", "textarea"})
EDGE = "\x00"  # stands for the text on the far side of an inline tag, so « <a>x</a> » is spaced too


def space_html(markup: str) -> str:
    """space() applied to the text of an HTML document: tags, attributes, comments, URLs and code untouched."""
    out = []
    verbatim: list[str] = []
    for piece in TAG.split(markup):
        if not piece:
            continue
        if piece.startswith("<"):
            tag = TAG_NAME.match(piece)
            if tag:
                closing, name = tag.group(1), tag.group(2).lower()
                if name in VERBATIM and not piece.endswith("/>"):
                    if closing and name in verbatim:
                        del verbatim[len(verbatim) - 1 - verbatim[::-1].index(name):]
                    elif not closing:
                        verbatim.append(name)
            out.append(piece)
        elif verbatim:
            out.append(piece)
        else:
            out.append(_space_text_node(piece))
    return "".join(out)


# A mark not already preceded (or, for «, followed) by the narrow space: only then is the node worth a pass.
MAYBE_UNSPACED = re.compile("(?<!\u202f)[;:!?»%]|«(?!\u202f)")


def _space_text_node(text: str) -> str:
    if not MAYBE_UNSPACED.search(text):
        return text
    plain = html.unescape(text)
    spaced = space(EDGE + plain + EDGE)[1:-1]
    if spaced == plain:
        return text
    return html_escape(spaced, quote=False)
