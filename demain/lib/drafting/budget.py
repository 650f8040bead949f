"""A per-run token budget: a call that could exceed it is refused before it is made."""

from __future__ import annotations

from .errors import DraftingError

CHARS_PER_TOKEN = 3  # a cautious guess for French text: real tokenizers give 3.5–4.5 chars per token


def estimate_tokens(messages: list[dict]) -> int:
    return sum(len(m["content"]) for m in messages) // CHARS_PER_TOKEN + 4 * len(messages)


class TokenBudget:
    """``limit`` tokens (input + output) for the whole run; 0 means no limit."""

    def __init__(self, limit: int = 0):
        self.limit = limit
        self.used = 0

    def check(self, messages: list[dict], max_tokens: int) -> None:
        needed = estimate_tokens(messages) + max_tokens
        if self.limit and self.used + needed > self.limit:
            raise DraftingError(
                "token_budget",
                f"Budget de jetons atteint : {self.used} utilisés sur {self.limit}, cet appel pourrait en demander "
                f"{needed}. Rien n’a été envoyé (LLM_TOKEN_BUDGET).",
                f"Token budget reached: {self.used} used of {self.limit}, this call could need {needed}. "
                "Nothing was sent (LLM_TOKEN_BUDGET).")

    def spend(self, tokens: int) -> None:
        self.used += tokens
