"""Small helpers for the checker's tests: one draft against a few named source texts."""

from __future__ import annotations

from demain.lib.grounding import Finding, Source, check


def findings(draft: str, *texts: str, kind: str | None = None) -> list[Finding]:
    sources = [Source(f"source-{i + 1}", text) for i, text in enumerate(texts)]
    return [f for f in check(draft, sources).findings if kind is None or f.kind == kind]


def finding(draft: str, *texts: str, kind: str, text: str) -> Finding:
    """The one finding of ``kind`` whose text is ``text`` (fails clearly when absent)."""
    found = [f for f in findings(draft, *texts, kind=kind) if " ".join(f.text.split()) == " ".join(text.split())]
    assert found, f"no {kind} « {text} » among {[f.text for f in findings(draft, *texts)]}"
    return found[0]
