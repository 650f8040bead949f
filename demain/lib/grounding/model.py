"""What the checker reads (sources) and what it finds (one finding per checkable item)."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["KINDS", "STATUSES", "Finding", "Report", "Source"]

KINDS = ("figure", "quote", "entity")
STATUSES = ("supported", "unsupported", "contradicted")


@dataclass(frozen=True)
class Source:
    """One source text, French or English, with the name (and URL) the editor knows it by."""

    name: str
    text: str
    url: str = ""
    lang: str | None = None  # « fr » or « en »; guessed from the text when None


@dataclass(frozen=True)
class Finding:
    """One checkable item of the draft and what the sources say about it.

    ``status``: supported (``source`` and ``snippet`` name the support),
    unsupported (no source says it; ``source`` and ``snippet`` are None) or
    contradicted (a source gives another value, or the same number with
    another unit or scale, or other words for a quote: ``source`` and
    ``snippet`` show it). ``reason`` says why in a word — ``exact``,
    ``normalised``, ``rounded``, ``derived``, ``different``, ``unit_slip``,
    ``scale_slip``, ``misquoted``, ``translated``, ``not_found`` — and
    ``explanation`` in a French sentence for the editor (the rounding bound used, the computation
    of a derived figure, the slip). ``needs_acceptance`` is true for every
    item the editor must fix or accept with a recorded reason: unsupported
    and contradicted items, a translated quote among them.
    """

    text: str
    kind: str  # figure | quote | entity
    status: str  # supported | unsupported | contradicted
    start: int
    end: int
    source: str | None = None
    snippet: str | None = None
    reason: str = ""
    explanation: str = ""

    @property
    def needs_acceptance(self) -> bool:
        return self.status != "supported"

    def as_json(self) -> dict:
        """The item exactly as ``demain check --json`` prints it."""
        return {"text": self.text, "kind": self.kind, "status": self.status,
                "source": self.source, "snippet": self.snippet}


@dataclass(frozen=True)
class Report:
    """Every finding of one draft, in the order of the draft."""

    findings: list[Finding] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when every item is supported: nothing blocks approval."""
        return all(f.status == "supported" for f in self.findings)

    def count(self, status: str) -> int:
        return sum(1 for f in self.findings if f.status == status)

    def as_json(self) -> dict:
        return {"items": [f.as_json() for f in self.findings]}
