"""`demain eval stories`: B-cubed precision, recall and F1 of the clustering on a labelled corpus."""

from __future__ import annotations

import json
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError

from demain.lib.clustering.embed import E5Embedder, EmbeddingCache
from demain.lib.clustering.evaluate import CorpusError, evaluate, load_pages, read_labels
from demain.site.evaluation import Evaluation, progress_bar

SAMPLE = Path(__file__).resolve().parent.parent / "sources" / "sample"


class StoriesEvaluation(Evaluation):
    name = "stories"
    help = ("B-cubed precision, recall and F1 of the story clustering on a directory of HTML "
            "pages labelled by a CSV `file,story` (default: the shipped sample corpus).")

    @classmethod
    def add_arguments(cls, parser) -> None:
        super().add_arguments(parser)
        parser.add_argument("--corpus", type=Path, default=None,
                            help="directory of .html/.html.gz pages (default: the sample corpus)")
        parser.add_argument("--labels", type=Path, default=None,
                            help="CSV with the header file,story (default: labels.csv in or beside the corpus)")

    def run(self, *, json: bool = False, corpus: Path | None = None, labels: Path | None = None, **_) -> None:
        directory = corpus or SAMPLE / "pages"
        labels = labels or default_labels(directory)
        started = time.monotonic()
        try:
            gold = read_labels(labels)
            with progress_bar(enabled=not json) as bar:
                task = bar.add_task("extraction", total=len(gold))
                pages = load_pages(directory, gold, on_page=lambda _name: bar.advance(task))
        except CorpusError as error:
            raise CommandError(str(error)) from None
        cache = EmbeddingCache(E5Embedder(), Path(settings.VAR_DIR) / "embeddings.sqlite3")
        report = evaluate(pages, gold, cache)
        seconds = round(time.monotonic() - started, 1)
        scores = report.scores
        if json:
            self.stdout.write(dumps({
                "corpus": str(directory), "labels": str(labels), "pages": report.pages, "seconds": seconds,
                "precision": round(scores.precision, 4), "recall": round(scores.recall, 4),
                "f1": round(scores.f1, 4), "stories": len(report.stories), "events": len(set(gold.values())),
                "language_splits": report.language_splits, "errors": report.errors}))
        else:
            self.stdout.write(f"{report.pages} pages, {len(set(gold.values()))} labelled events, "
                              f"{len(report.stories)} stories found ({seconds} s)")
            for name, error in report.errors.items():
                self.stdout.write(f"  unreadable: {name}: {error}")
            for split in report.language_splits:
                pairs = "; ".join(" / ".join(pair) for pair in split["pairs"][:3])
                self.stdout.write(f"  French/English split in {split['story']}: {pairs}")
            self.stdout.write(f"precision={scores.precision:.3f} recall={scores.recall:.3f} f1={scores.f1:.3f}")
        self.stdout.write(f"bcubed_f1={scores.f1:.2f}")


def default_labels(directory: Path) -> Path:
    for candidate in (directory / "labels.csv", directory.parent / "labels.csv"):
        if candidate.is_file():
            return candidate
    return directory / "labels.csv"


def dumps(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False)


EVALUATIONS = [StoriesEvaluation]
