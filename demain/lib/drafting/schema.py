"""The JSON schemas a model answers in, and their validation (jsonschema).

An article: title, facts, sauf_que (optional, may be empty), enjeux, closing,
sources [{label, url}]. « App sous le radar »: name, intro, good (« Le bon »),
bad (« Le moins bon »), verdict (« Le verdict »), source {label, url}.
Beyond the schema, ``problems`` checks what a schema cannot say: a title is
one line without a final full stop, and every source URL is one of the story's.
"""

from __future__ import annotations

import json
from typing import Iterable

import jsonschema

TEXT = {"type": "string", "minLength": 1}
PARAGRAPHS = {"type": "array", "items": TEXT}
SOURCE = {
    "type": "object",
    "properties": {"label": TEXT, "url": TEXT},
    "required": ["label", "url"],
    "additionalProperties": False,
}

ARTICLE_SCHEMA = {
    "type": "object",
    "properties": {
        "title": {"type": "string", "minLength": 3, "maxLength": 120},
        "facts": {**PARAGRAPHS, "minItems": 1, "maxItems": 6},
        "sauf_que": {**PARAGRAPHS, "maxItems": 4},
        "enjeux": {**PARAGRAPHS, "minItems": 1, "maxItems": 5},
        "closing": {"type": "string", "minLength": 1, "maxLength": 240},
        "sources": {"type": "array", "items": SOURCE, "minItems": 1},
    },
    "required": ["title", "facts", "enjeux", "closing", "sources"],
    "additionalProperties": False,
}

APP_REVIEW_SCHEMA = {
    "type": "object",
    "properties": {
        "name": {"type": "string", "minLength": 1, "maxLength": 80},
        "intro": {**PARAGRAPHS, "maxItems": 3},
        "good": TEXT,
        "bad": TEXT,
        "verdict": TEXT,
        "source": SOURCE,
    },
    "required": ["name", "good", "bad", "verdict", "source"],
    "additionalProperties": False,
}

SCHEMAS = {"article": ARTICLE_SCHEMA, "app_review": APP_REVIEW_SCHEMA}


class InvalidAnswer(ValueError):
    """The model's answer is not valid JSON in the schema; the message says why (in French)."""


def parse_answer(kind: str, text: str, allowed_urls: Iterable[str]) -> dict:
    """The answer as a dict, or InvalidAnswer listing every problem (never a half-parsed draft)."""
    try:
        data = json.loads(strip_fences(text))
    except json.JSONDecodeError as error:
        raise InvalidAnswer(f"la réponse n’est pas du JSON valide ({error.msg}, position {error.pos})") from None
    validator = jsonschema.Draft202012Validator(SCHEMAS[kind])
    found = [f"{'/'.join(map(str, e.absolute_path)) or 'racine'} : {e.message}"
             for e in sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))]
    if not found:
        found = problems(kind, data, set(allowed_urls))
    if found:
        raise InvalidAnswer("; ".join(found))
    return data


def problems(kind: str, data: dict, allowed_urls: set[str]) -> list[str]:
    found = []
    title = data.get("title") if kind == "article" else data.get("name")
    if "\n" in title or title.rstrip().endswith("."):
        found.append("title : le titre tient sur une ligne, sans point final")
    sources = data["sources"] if kind == "article" else [data["source"]]
    for source in sources:
        if source["url"] not in allowed_urls:
            found.append(f"sources : l’URL {source['url']!r} n’est pas celle d’un des articles fournis")
    return found


def strip_fences(text: str) -> str:
    """Models often wrap JSON in ```json fences; take what is between them."""
    stripped = text.strip()
    if stripped.startswith("```"):
        stripped = stripped.split("\n", 1)[1] if "\n" in stripped else ""
        stripped = stripped.rsplit("```", 1)[0]
    return stripped.strip()
