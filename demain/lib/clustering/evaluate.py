"""Clustering quality on a labelled corpus: a directory of HTML pages and a CSV `file,story`.

Each page is extracted (demain.lib.extract), clustered with the production clusterer, and the
result scored with B-cubed. French/English pairs about one event left in two stories are listed,
since the newsroom must never show one event twice because it was told in two languages.
"""

from __future__ import annotations

import csv
import gzip
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

import htmldate

from demain.lib.clustering.bcubed import BCubed, bcubed
from demain.lib.clustering.cluster import Article, Weights, cluster, features
from demain.lib.clustering.embed import EmbeddingCache, embedding_text
from demain.lib.clustering.text import guess_language
from demain.lib.extract import ExtractionError, extract

UNDATED = datetime(2000, 1, 1, tzinfo=timezone.utc)  # undated pages all share one moment


class CorpusError(ValueError):
    """The corpus or its labels cannot be read; the message says why."""


@dataclass
class Page:
    file: str
    article: Article | None
    error: str | None = None


@dataclass
class Report:
    pages: int
    scores: BCubed
    stories: dict[int, list[str]]
    language_splits: list[dict] = field(default_factory=list)
    errors: dict[str, str] = field(default_factory=dict)


def read_labels(path: Path) -> dict[str, str]:
    """file -> story from a CSV with the header `file,story`."""
    try:
        with open(path, newline="", encoding="utf-8") as handle:
            reader = csv.DictReader(handle)
            if reader.fieldnames is None or not {"file", "story"} <= set(reader.fieldnames):
                raise CorpusError(f"{path}: the labels need a header `file,story`, got {reader.fieldnames}")
            labels = {}
            for line, row in enumerate(reader, start=2):
                name, story = (row["file"] or "").strip(), (row["story"] or "").strip()
                if not name or not story:
                    raise CorpusError(f"{path}, line {line}: empty file or story")
                if name in labels:
                    raise CorpusError(f"{path}, line {line}: {name} is labelled twice")
                labels[name] = story
    except (OSError, UnicodeDecodeError) as error:
        raise CorpusError(f"cannot read labels {path}: {error}") from None
    if not labels:
        raise CorpusError(f"{path}: no labelled page")
    return labels


def corpus_files(directory: Path) -> dict[str, Path]:
    if not directory.is_dir():
        raise CorpusError(f"{directory} is not a directory")
    return {str(p.relative_to(directory)): p for p in sorted(directory.rglob("*"))
            if p.is_file() and (p.name.endswith(".html") or p.name.endswith(".html.gz"))}


def labelled_files(directory: Path, labels: dict[str, str]) -> dict[str, Path]:
    """The corpus's pages by name; CorpusError unless every page has a label and every label a page."""
    files = corpus_files(directory)
    unlabelled = sorted(set(files) - set(labels))
    missing = sorted(set(labels) - set(files))
    if missing:
        raise CorpusError(f"{len(missing)} labelled page(s) not found in {directory}, e.g. {missing[:3]}")
    if unlabelled:
        raise CorpusError(f"{len(unlabelled)} page(s) of {directory} have no label, e.g. {unlabelled[:3]}")
    return files


def read_page(path: Path) -> bytes:
    """The page's bytes, gunzipped for .html.gz (OSError, EOFError or gzip.BadGzipFile when unreadable)."""
    raw = path.read_bytes()
    return gzip.decompress(raw) if path.name.endswith(".gz") else raw


def load_pages(directory: Path, labels: dict[str, str], on_page: Callable[[str], None] | None = None) -> list[Page]:
    """Extract every labelled page; a page that cannot be extracted is kept with its error."""
    files = labelled_files(directory, labels)
    pages = []
    for name in sorted(labels):
        path = files[name]
        try:
            raw = read_page(path)
            found = extract(raw)
        except (ExtractionError, OSError, EOFError, gzip.BadGzipFile) as error:
            pages.append(Page(name, None, str(error)))
        else:
            pages.append(Page(name, Article(
                id=name, title=found.title or "", text=found.text, published=published(markup_date(raw)),
                author=found.author, language=found.language or guess_language(found.text))))
        if on_page:
            on_page(name)
    return pages


def markup_date(raw: bytes) -> str | None:
    """The publication date the page's markup declares (meta tags, JSON-LD, <time>), any year.

    Not the extraction's date: its search through the text accepts no date after today and falls
    back on guesses such as a copyright year, which would scatter one event over years.
    A page without one is undated, and undated pages share one moment.
    """
    try:
        return htmldate.find_date(raw.decode("utf-8", "replace"), extensive_search=False, original_date=True,
                                  max_date="2999-12-31")
    except (ValueError, TypeError):
        return None


def published(date: str | None) -> datetime:
    if not date:
        return UNDATED
    try:
        when = datetime.fromisoformat(date)
    except ValueError:
        return UNDATED
    return when if when.tzinfo else when.replace(tzinfo=timezone.utc)


def evaluate(pages: list[Page], labels: dict[str, str], cache: EmbeddingCache,
             weights: Weights = Weights()) -> Report:
    articles = [p.article for p in pages if p.article is not None]
    vectors = cache.embed([embedding_text(a.title, a.text) for a in articles])
    assignments = cluster([(a.id, features(a, v)) for a, v in zip(articles, vectors)], weights)
    predicted: dict[str, object] = {a.article_id: a.story_id for a in assignments}
    errors = {p.file: p.error for p in pages if p.error}
    return score(predicted, labels, {a.id: a.language for a in articles}, errors)


def score(predicted: dict[str, int], labels: dict[str, str], language: dict[str, str | None],
          errors: dict[str, str]) -> Report:
    """B-cubed of the stories found (page name → story id) against the labels; an unreadable page
    (in ``errors``) stands alone, and costs recall."""
    predicted = dict(predicted)
    for name in errors:
        predicted[name] = f"unread:{name}"
    stories: dict[int, list[str]] = defaultdict(list)
    for name, story in predicted.items():
        if not (isinstance(story, str) and story.startswith("unread:")):
            stories[story].append(name)
    return Report(len(labels), bcubed(predicted, labels), dict(stories),
                  language_splits(predicted, labels, language), errors)


def language_splits(predicted: dict[str, object], labels: dict[str, str],
                    language: dict[str, str | None]) -> list[dict]:
    """Events whose French and English articles ended in different stories."""
    by_label: dict[str, list[str]] = defaultdict(list)
    for name, story in labels.items():
        by_label[story].append(name)
    splits = []
    for story, names in sorted(by_label.items()):
        fr = {n for n in names if language.get(n) == "fr"}
        en = {n for n in names if language.get(n) == "en"}
        apart = sorted((f, e) for f in fr for e in en if predicted[f] != predicted[e])
        if apart:
            splits.append({"story": story, "pairs": [list(pair) for pair in apart]})
    return splits
