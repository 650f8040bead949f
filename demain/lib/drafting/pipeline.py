"""Drafting with a model: leave out TDM-reserved articles, prompt, validate, retry once, render.

Every backend that calls a model (``openai``, ``local``) goes through
:func:`draft_with_model`; the backend only turns messages into a
:class:`Completion`. An answer that is not valid JSON in the schema is sent
back once with the validation error; a second invalid answer is a
DraftingError (``invalid_answer``), and nothing half-parsed is returned.
"""

from __future__ import annotations

import string
from typing import Protocol

from . import prompts
from .budget import TokenBudget
from .errors import DraftingError
from .render import render
from .result import Completion, DraftResult
from .schema import SCHEMAS, InvalidAnswer, parse_answer
from .story import SourceArticle, Story

RETRY_TEMPLATE = "retry.v1"


class ModelBackend(Protocol):
    name: str
    model: str

    def complete(self, messages: list[dict], schema: dict, max_tokens: int) -> Completion: ...


def tdm_note(article: SourceArticle) -> str:
    return (f"« {article.source} » ({article.url}) n’a pas été envoyé au modèle : son éditeur réserve ses droits "
            "de fouille de textes et de données (TDM).")


def model_sources(story: Story) -> tuple[list[SourceArticle], list[dict], list[str]]:
    """(articles a model may read, left-out records, notes); a clear error when none is left."""
    if not story.articles:
        raise DraftingError("no_source", "Le sujet n’a aucun article source.", "The story has no source article.")
    allowed, reserved = story.usable_by_models()
    left_out = [{"source": a.source, "url": a.url, "reason": "tdm_reserved"} for a in reserved]
    notes = [tdm_note(a) for a in reserved]
    if not allowed:
        raise DraftingError(
            "no_usable_source",
            "Tous les articles de ce sujet réservent leurs droits de fouille (TDM) : aucun ne peut être envoyé à "
            "un modèle. Utilisez le moteur « extractive » ou rédigez à la main.",
            "Every article of this story is TDM-reserved: none may be sent to a model. Use the « extractive » "
            "backend or write it by hand.")
    return allowed, left_out, notes


def retry_message(error: InvalidAnswer) -> str:
    template = (prompts.PROMPTS_DIR / f"{RETRY_TEMPLATE}.txt").read_text(encoding="utf-8")
    return string.Template(template.strip()).substitute(error=str(error))


def draft_with_model(backend: ModelBackend, story: Story, budget: TokenBudget, max_tokens: int,
                     prompt_version: str | None = None) -> DraftResult:
    allowed, left_out, notes = model_sources(story)
    visible = story.for_models()
    if len(visible.disagreements) < len(story.disagreements):
        notes.append("Un désaccord relevé citait un article réservé (TDM) : il n’a pas été transmis au modèle.")
    prompt = prompts.build(visible, allowed, prompt_version)
    urls = {a.url for a in allowed}
    messages = prompt.messages()
    generations = []
    for attempt in (1, 2):
        budget.check(messages, max_tokens)
        completion = backend.complete(messages, SCHEMAS[story.kind], max_tokens)
        generation = completion.generation
        generations.append(generation)
        if not generation.cached:
            budget.spend(generation.input_tokens + generation.output_tokens)
        try:
            data = parse_answer(story.kind, completion.text, urls)
        except InvalidAnswer as error:
            if attempt == 2:
                failure = DraftingError(
                    "invalid_answer",
                    "Le modèle a répondu deux fois hors du schéma JSON attendu ; rien n’a été enregistré.",
                    "The model answered twice outside the expected JSON schema; nothing was stored.",
                    str(error))
                failure.generations = generations
                raise failure from None
            messages = [*messages, {"role": "assistant", "content": completion.text},
                        {"role": "user", "content": retry_message(error)}]
            continue
        text, findings = render(story.kind, data)
        return DraftResult(story.kind, backend.name, backend.model, data, text, findings, notes, left_out,
                           generations, prompt.version, attempt)
    raise AssertionError("unreachable")
