"""Drafting: a story (plain data) becomes an article in the house format, by one of three backends.

    from demain.lib.drafting import Story, draft, make_backend
    result = draft(Story.from_dict(data), settings)            # DRAFT_BACKEND, default extractive
    result = draft(story, settings, backend="local")            # or per call
    result.text, result.findings, result.notes, result.generations

- ``extractive`` (extractive.py): no model; the sources' own sentences.
- ``openai`` (openai.py): any OpenAI-compatible chat-completions endpoint.
- ``local`` (local.py): llama.cpp with the Gemma 3 270M shipped on PyPI.

The model backends answer in a JSON schema (schema.py), prompted from versioned
templates (prompts/), validated and retried once (pipeline.py). TDM-reserved
articles never reach a model. ``settings`` is the mapping ``demain.conf.load()``
returns (or Django's settings module): the code here reads nothing else.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Mapping

from .budget import TokenBudget
from .cache import DirectoryStore, MemoryStore
from .errors import DraftingError
from .extractive import ExtractiveBackend
from .pipeline import draft_with_model
from .render import render
from .result import DraftResult
from .story import Disagreement, SourceArticle, Story

BACKENDS = ("extractive", "openai", "local")

__all__ = ["BACKENDS", "DraftResult", "DraftingError", "Disagreement", "SourceArticle", "Story", "TokenBudget",
           "draft", "make_backend", "render"]


def make_backend(name: str, settings: Mapping[str, Any]):
    if name == "extractive":
        return ExtractiveBackend()
    if name == "openai":
        from .openai import OpenAIBackend, OpenAISettings
        cache = DirectoryStore(Path(settings["VAR_DIR"]) / "llm-cache") if settings["LLM_CACHE"] else None
        return OpenAIBackend(OpenAISettings.from_settings(settings), cache=cache)
    if name == "local":
        from .local import LocalBackend
        return LocalBackend(settings["LOCAL_LLM_MODEL_PATH"], settings["LOCAL_LLM_THREADS"], settings["VAR_DIR"])
    raise DraftingError("unknown_backend", f"Moteur de rédaction inconnu : « {name} » ({', '.join(BACKENDS)}).",
                        f"Unknown drafting backend: « {name} » ({', '.join(BACKENDS)}).")


def draft(story: Story, settings: Mapping[str, Any], backend: str | object | None = None,
          budget: TokenBudget | None = None) -> DraftResult:
    """Draft one story. ``backend``: a name, a backend object, or None for ``DRAFT_BACKEND``.

    ``budget``: share one TokenBudget across a run (several stories); by default
    a new one of ``LLM_TOKEN_BUDGET`` tokens.
    """
    owned = backend is None or isinstance(backend, str)
    chosen = make_backend(backend or settings["DRAFT_BACKEND"], settings) if owned else backend
    if isinstance(chosen, ExtractiveBackend):
        return chosen.draft(story)
    budget = budget if budget is not None else TokenBudget(settings["LLM_TOKEN_BUDGET"])
    try:
        return draft_with_model(chosen, story, budget, settings["LLM_MAX_OUTPUT_TOKENS"])
    finally:
        if owned and hasattr(chosen, "close"):
            chosen.close()
