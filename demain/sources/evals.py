"""`demain eval extraction`: our extraction against plain trafilatura on a benchmark."""

from __future__ import annotations

import json
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError

from demain.lib.extract.benchmark import BenchmarkError, load_pages, run
from demain.site.evaluation import Evaluation, progress_bar


def default_benchmark() -> Path:
    return Path(settings.BASE_DIR).parent / "shared" / "data" / "article-extraction-benchmark"


class ExtractionEvaluation(Evaluation):
    name = "extraction"
    help = ("Précision, rappel et F1 de notre extraction et de trafilatura seul sur "
            "l’article-extraction-benchmark (suites de 4 mots du corps de l’article).")

    @classmethod
    def add_arguments(cls, parser) -> None:
        super().add_arguments(parser)
        parser.add_argument("--data", type=Path, default=None,
                            help="dossier du banc d’essai avec ground-truth.json et html/ "
                                 "(défaut : <dépôt>/../shared/data/article-extraction-benchmark)")

    def run(self, *, json: bool = False, data: Path | None = None, **_) -> None:
        directory = data or default_benchmark()
        try:
            total = len(load_pages(directory))
        except BenchmarkError as error:
            raise CommandError(f"{error} (give the benchmark directory with --data)") from None
        started = time.monotonic()
        with progress_bar(enabled=not json) as bar:
            task = bar.add_task("extraction", total=total)
            result = run(directory, on_page=lambda _page: bar.advance(task))
        seconds = round(time.monotonic() - started, 1)
        ours = result.scores["demain"]
        if json:
            figures = {name: {"precision": round(score.precision, 4), "recall": round(score.recall, 4),
                              "f1": round(score.f1, 4), "seconds": round(result.seconds[name], 1)}
                       for name, score in result.scores.items()}
            self.stdout.write(dumps({"data": str(directory), "pages": total, "seconds": seconds, **figures}))
        else:
            self.stdout.write(f"{total} pages in {directory} ({seconds} s)")
            for name, label in (("demain", "demain"), ("trafilatura", "plain trafilatura")):
                score = result.scores[name]
                self.stdout.write(f"  {label:<18} precision={score.precision:.3f} recall={score.recall:.3f} "
                                  f"F1={score.f1:.3f}  ({result.seconds[name]:.1f} s extracting)")
        self.stdout.write(f"extraction_f1={ours.f1:.3f}")


def dumps(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False)


EVALUATIONS = [ExtractionEvaluation]
