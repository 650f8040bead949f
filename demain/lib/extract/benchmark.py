"""Scoring extraction on a benchmark directory laid out like article-extraction-benchmark.

The directory holds `ground-truth.json` ({page id: {"url": ..., "articleBody": ...}})
and `html/<page id>.html.gz` (or `.html`). Ours and plain trafilatura (the
benchmark's own way of calling it) are scored in the same run.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import trafilatura

from demain.lib.extract.core import ExtractionError, extract
from demain.lib.extract.files import read_page
from demain.lib.extract.metric import PageScore, Score, aggregate, score_page


class BenchmarkError(ValueError):
    """The benchmark directory is missing or malformed."""


def load_pages(directory: Path) -> list[tuple[str, str | None, str, Path]]:
    """(id, url, expected body, html path) for every page, checked before any run."""
    truth_path = directory / "ground-truth.json"
    if not truth_path.is_file():
        raise BenchmarkError(f"no benchmark at {directory}: {truth_path.name} is missing")
    try:
        truth = json.loads(truth_path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise BenchmarkError(f"{truth_path}: not valid JSON ({error})") from error
    if not isinstance(truth, dict) or not truth:
        raise BenchmarkError(f"{truth_path}: expected a non-empty object keyed by page id")
    pages = []
    for page_id, entry in sorted(truth.items()):
        if not isinstance(entry, dict) or not isinstance(entry.get("articleBody"), str):
            raise BenchmarkError(f"{truth_path}: page {page_id!r} has no articleBody string")
        html = directory / "html" / f"{page_id}.html.gz"
        if not html.is_file():
            html = directory / "html" / f"{page_id}.html"
        if not html.is_file():
            raise BenchmarkError(f"page {page_id!r}: no html/{page_id}.html.gz or .html")
        pages.append((page_id, entry.get("url"), entry["articleBody"], html))
    return pages


def ours(html: bytes, url: str | None) -> str:
    return extract(html, url).text


def plain_trafilatura(html: bytes, url: str | None) -> str:
    """The benchmark's reference call: defaults, comments left out, HTML read as UTF-8."""
    return trafilatura.extract(html.decode("utf-8", "replace"), include_comments=False) or ""


def found_text(extractor: Callable[[bytes, str | None], str], html: bytes, url: str | None) -> str:
    """What the extractor found; a page it refuses or fails on counts as nothing found."""
    try:
        return extractor(html, url)
    except Exception:  # an extractor's failure on one page is a miss, scored as such
        return ""


EXTRACTORS: dict[str, Callable[[bytes, str | None], str]] = {
    "demain": ours,
    "trafilatura": plain_trafilatura,
}


@dataclass(frozen=True)
class Result:
    scores: dict[str, Score]
    pages: dict[str, dict[str, PageScore]]  # extractor → page id → score


def run(directory: Path, on_page: Callable[[str], None] | None = None) -> Result:
    """Score every extractor on every page of the benchmark."""
    pages = load_pages(directory)
    per_page: dict[str, dict[str, PageScore]] = {name: {} for name in EXTRACTORS}
    for page_id, url, expected, path in pages:
        try:
            html = read_page(path)
        except ExtractionError:
            html = b""
        for name, extractor in EXTRACTORS.items():
            per_page[name][page_id] = score_page(expected, found_text(extractor, html, url))
        if on_page:
            on_page(page_id)
    scores = {name: aggregate(found.values()) for name, found in per_page.items()}
    return Result(scores, per_page)

