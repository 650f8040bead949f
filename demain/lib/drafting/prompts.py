"""Prompts live in versioned template files (``prompts/<kind>.v<N>.txt``), in French.

A template has the system message, a line ``=== utilisateur ===``, then the
user message; ``$story_title``, ``$app_name``, ``$sources``,
``$disagreements`` and ``$schema`` are filled in (string.Template: a
placeholder left unknown is an error, not a silent blank).
"""

from __future__ import annotations

import json
import string
from dataclasses import dataclass
from pathlib import Path

from .schema import SCHEMAS
from .story import SourceArticle, Story

PROMPTS_DIR = Path(__file__).with_name("prompts")
SEPARATOR = "=== utilisateur ==="
CURRENT = {"article": "article.v1", "app_review": "app_review.v1"}


@dataclass(frozen=True)
class Prompt:
    version: str  # "article.v1": the template's file name, recorded with every draft
    system: str
    user: str

    def messages(self) -> list[dict]:
        return [{"role": "system", "content": self.system}, {"role": "user", "content": self.user}]


def load_template(version: str) -> tuple[str, str]:
    text = (PROMPTS_DIR / f"{version}.txt").read_text(encoding="utf-8")
    system, _, user = text.partition(f"\n{SEPARATOR}\n")
    if not user:
        raise ValueError(f"prompt template {version}: no line {SEPARATOR!r}")
    return system.strip(), user.strip()


def format_sources(articles: list[SourceArticle]) -> str:
    return "\n\n".join(
        f"[{number}] {a.source} — {a.url} (langue : {a.language})\n{a.text.strip()}"
        for number, a in enumerate(articles, start=1))


def format_disagreements(story: Story) -> str:
    lines = []
    for d in story.disagreements:
        who = f" ({', '.join(d.sources)})" if d.sources else ""
        lines.append(f"- {d.summary or ' / '.join(d.sentences)}{who}")
    return "\n".join(lines) or "(aucun)"


def build(story: Story, articles: list[SourceArticle], version: str | None = None) -> Prompt:
    version = version or CURRENT[story.kind]
    system, user = load_template(version)
    values = {"story_title": story.title, "app_name": story.app_name or story.title,
              "sources": format_sources(articles), "disagreements": format_disagreements(story),
              "schema": json.dumps(SCHEMAS[story.kind], ensure_ascii=False)}
    return Prompt(version, string.Template(system).substitute(values), string.Template(user).substitute(values))
