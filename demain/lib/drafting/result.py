"""What drafting returns: the validated draft, its house-format text, lint findings, notes, footprint."""

from __future__ import annotations

from dataclasses import dataclass, field

from demain.lib.footprint import Factors, Footprint, Generation, account, total
from demain.lib.houseformat.lint import Finding


@dataclass
class Completion:
    """One answer of a model, with what it cost."""

    text: str
    generation: Generation


@dataclass
class DraftResult:
    kind: str  # "article" or "app_review"
    backend: str
    model: str
    draft: dict  # valid in the kind's JSON schema (schema.py)
    text: str  # the draft in the house format
    findings: list[Finding]  # the house linter's findings on ``text``
    notes: list[str] = field(default_factory=list)  # for the editor, in French
    left_out: list[dict] = field(default_factory=list)  # [{source, url, reason}]: articles not sent
    generations: list[Generation] = field(default_factory=list)
    prompt_version: str = ""
    attempts: int = 1

    def footprint(self, factors: Factors) -> Footprint:
        """Every generation of this draft (retries included), summed, with its perimeter."""
        return total(account(generation, factors) for generation in self.generations)

    def to_dict(self) -> dict:
        return {"kind": self.kind, "backend": self.backend, "model": self.model, "draft": self.draft,
                "text": self.text, "findings": [f.to_dict() for f in self.findings], "notes": self.notes,
                "left_out": self.left_out, "generations": [g.to_dict() for g in self.generations],
                "prompt_version": self.prompt_version, "attempts": self.attempts}
