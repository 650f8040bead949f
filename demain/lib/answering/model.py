"""A model writes the answer; the grounding checker keeps only the sentences its passages support.

Pure code. The prompt is a versioned template of the drafting prompts
(``demain/lib/drafting/prompts/question.v1.txt``); the model answers in JSON
(:data:`SCHEMA`): sentences, each with the numbers of the passages it cites.
:func:`ground` then checks every sentence against its own cited passages with
demain.lib.grounding: a sentence with a figure, quotation or name they do not
support, or citing no passage (or one that was not given), is removed.
"""

from __future__ import annotations

import json
import string
from dataclasses import dataclass, field

from demain.lib.drafting import prompts
from demain.lib.grounding import Source, check

PROMPT_VERSION = "question.v1"
SCHEMA = {
    "type": "object",
    "properties": {"sentences": {"type": "array", "items": {
        "type": "object",
        "properties": {"text": {"type": "string"}, "citations": {"type": "array", "items": {"type": "integer"}}},
        "required": ["text", "citations"], "additionalProperties": False}}},
    "required": ["sentences"],
    "additionalProperties": False,
}


@dataclass(frozen=True)
class Numbered:
    """A passage as the model sees it: its number in the prompt, where it comes from, its text."""

    number: int
    label: str  # « N° 3, “Titre de l’article” »
    text: str


@dataclass
class Written:
    text: str
    citations: list[int]


@dataclass
class Checked:
    kept: list[Written] = field(default_factory=list)
    removed: list[tuple[Written, str]] = field(default_factory=list)  # (sentence, reason in French)


class InvalidAnswer(ValueError):
    pass


def messages(question: str, passages: list[Numbered], version: str = PROMPT_VERSION) -> list[dict]:
    system, user = prompts.load_template(version)
    values = {"question": question,
              "passages": "\n\n".join(f"[{p.number}] {p.label}\n{p.text.strip()}" for p in passages),
              "schema": json.dumps(SCHEMA, ensure_ascii=False)}
    return [{"role": "system", "content": string.Template(system).substitute(values)},
            {"role": "user", "content": string.Template(user).substitute(values)}]


def parse(text: str) -> list[Written]:
    """The model's sentences; InvalidAnswer when the text is not the JSON asked for."""
    text = text.strip()
    if text.startswith("```"):
        text = text.strip("`").removeprefix("json").strip()
    try:
        data = json.loads(text)
    except ValueError as error:
        raise InvalidAnswer(f"not JSON: {error}") from None
    items = data.get("sentences") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise InvalidAnswer("no list « sentences »")
    written = []
    for item in items:
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            raise InvalidAnswer("a sentence without text")
        numbers = item.get("citations") or []
        if not isinstance(numbers, list):
            raise InvalidAnswer("citations is not a list")
        cited = [n for n in numbers if isinstance(n, int) and not isinstance(n, bool)]
        if item["text"].strip():
            written.append(Written(" ".join(item["text"].split()), list(dict.fromkeys(cited))))
    return written


def ground(written: list[Written], passages: list[Numbered]) -> Checked:
    """Keep the sentences whose every figure, quotation and name their cited passages support."""
    by_number = {p.number: p for p in passages}
    result = Checked()
    for sentence in written:
        cited = [by_number[n] for n in sentence.citations if n in by_number]
        if not cited:
            result.removed.append((sentence, "ne cite aucun passage fourni"))
            continue
        report = check(sentence.text, [Source(f"[{p.number}] {p.label}", p.text) for p in cited])
        failed = [f for f in report.findings if f.status != "supported"]
        if failed:
            what = ", ".join(f"« {f.text} » ({'contredit' if f.status == 'contradicted' else 'introuvable'})"
                             for f in failed)
            result.removed.append((sentence, f"non étayé par les passages cités : {what}"))
            continue
        result.kept.append(Written(sentence.text, [p.number for p in cited]))
    return result


def supported(sentence: str, passages: list[tuple[str, str]]) -> bool:
    """True when every figure, quotation and name of ``sentence`` is found in the (name, text) passages."""
    if not passages:
        return False
    return check(sentence, [Source(name, text) for name, text in passages]).ok
