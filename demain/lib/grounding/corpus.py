"""The sources of one story, read once: their figures, words and names, for every draft checked."""

from __future__ import annotations

from functools import cached_property

from demain.lib.figures import Figure, find_figures, guess_lang

from .entities import EntityIndex, capitalised_inside, capitalised_words, lowercase_words, words_of
from .model import Source
from .quotes import QuoteIndex
from .text import mask

__all__ = ["Corpus"]


class Corpus:
    """Sources with what the checks look up in them, each computed once, on first use."""

    def __init__(self, sources: list[Source]):
        names = [source.name for source in sources]
        if len(set(names)) != len(names):
            raise ValueError("two sources have the same name")
        self.sources = list(sources)

    def lang(self, source: Source) -> str:
        return self._langs[self.sources.index(source)]

    @cached_property
    def _langs(self) -> list[str]:
        return [source.lang or guess_lang(source.text) for source in self.sources]

    @cached_property
    def figures(self) -> list[tuple[Source, Figure]]:
        """(source, figure) for every figure of every source (URLs left out)."""
        return [(source, figure) for source in self.sources
                for figure in find_figures(mask(source.text), self.lang(source))]

    @cached_property
    def _quote_indexes(self) -> list[tuple[Source, QuoteIndex]]:
        return [(source, QuoteIndex(source)) for source in self.sources]

    def quote_indexes(self) -> list[tuple[Source, QuoteIndex]]:
        return self._quote_indexes

    @cached_property
    def _entity_indexes(self) -> list[tuple[Source, EntityIndex]]:
        return [(source, EntityIndex(source.text, words)) for source, words in zip(self.sources, self._words)]

    @cached_property
    def _words(self) -> list:
        return [words_of(source.text) for source in self.sources]

    def entity_indexes(self) -> list[tuple[Source, EntityIndex]]:
        return self._entity_indexes

    @cached_property
    def capitalised(self) -> set[str]:
        """Folded words some source writes with a capital in the middle of a sentence."""
        return set().union(*(capitalised_inside(s.text, words) for s, words in zip(self.sources, self._words)))

    @cached_property
    def lowercase(self) -> set[str]:
        """Folded words some source writes in lower case."""
        return set().union(*(lowercase_words(s.text, words) for s, words in zip(self.sources, self._words)))

    @cached_property
    def capitals(self) -> set[str]:
        """Folded words some source writes with a capital, anywhere."""
        return set().union(*(capitalised_words(s.text, words) for s, words in zip(self.sources, self._words)))
