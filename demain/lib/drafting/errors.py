"""Drafting errors, each with a code a machine reads and a message in French and English."""

from __future__ import annotations


class DraftingError(Exception):
    """Drafting failed; nothing was stored.

    ``code``: bad_key, unknown_model, server_down, timeout, http_error,
    token_budget, invalid_answer, no_usable_source, no_source, local_unavailable,
    unknown_backend.
    """

    def __init__(self, code: str, french: str, english: str, detail: str = ""):
        self.code = code
        self.french = french
        self.english = english
        self.detail = detail
        text = f"{french} / {english}"
        super().__init__(f"{text} ({detail})" if detail else text)

    def to_dict(self) -> dict:
        return {"code": self.code, "fr": self.french, "en": self.english, "detail": self.detail}
