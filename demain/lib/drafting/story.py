"""The input of drafting: a story as plain data (no Django).

A story has a title, the articles that tell it (each with its source's name,
URL, language, main text and the newsroom's ``tdm_reserved`` flag: the
publisher opted out of text and data mining, so no model may read it) and the
disagreements the newsroom found between sources.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping


@dataclass(frozen=True)
class SourceArticle:
    source: str  # the publisher or document's name, used as the source label
    url: str
    text: str
    language: str = "fr"  # "fr", "en"…
    title: str = ""
    tdm_reserved: bool = False

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "SourceArticle":
        return cls(source=str(data.get("source") or data.get("source_name") or ""),
                   url=str(data.get("url") or ""), text=str(data.get("text") or ""),
                   language=str(data.get("language") or "fr"), title=str(data.get("title") or ""),
                   tdm_reserved=bool(data.get("tdm_reserved", False)))


@dataclass(frozen=True)
class Disagreement:
    """Sources that disagree, or a contested claim: a summary and the sources' own sentences."""

    summary: str = ""
    sources: tuple[str, ...] = ()
    sentences: tuple[str, ...] = ()  # each as written in one of the story's articles

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | str) -> "Disagreement":
        if isinstance(data, str):
            return cls(summary=data)
        return cls(summary=str(data.get("summary") or ""), sources=tuple(data.get("sources") or ()),
                   sentences=tuple(data.get("sentences") or ()))


@dataclass(frozen=True)
class Story:
    title: str
    articles: tuple[SourceArticle, ...]
    disagreements: tuple[Disagreement, ...] = ()
    kind: str = "article"  # "article" or "app_review"
    app_name: str = ""  # for kind == "app_review"

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "Story":
        return cls(title=str(data.get("title") or ""),
                   articles=tuple(SourceArticle.from_dict(a) for a in data.get("articles") or ()),
                   disagreements=tuple(Disagreement.from_dict(d) for d in data.get("disagreements") or ()),
                   kind=str(data.get("kind") or "article"), app_name=str(data.get("app_name") or ""))

    def for_models(self) -> "Story":
        """The story as a model may see it: no TDM-reserved article, and no disagreement that quotes or
        names one (its sentences would carry the reserved text into the prompt)."""
        allowed, reserved = self.usable_by_models()
        names = {a.source for a in reserved}
        texts = [" ".join(a.text.split()) for a in reserved]

        def clean(d: Disagreement) -> bool:
            quoted = any(" ".join(s.split()) in text for s in d.sentences for text in texts if s.strip())
            return not quoted and not names.intersection(d.sources)

        return Story(self.title, tuple(allowed), tuple(d for d in self.disagreements if clean(d)), self.kind,
                     self.app_name)

    def usable_by_models(self) -> tuple[list[SourceArticle], list[SourceArticle]]:
        """(articles a model may read, articles left out because of a TDM reservation)."""
        allowed = [a for a in self.articles if not a.tdm_reserved]
        reserved = [a for a in self.articles if a.tdm_reserved]
        return allowed, reserved
