"""`demain eval stories`: B-cubed precision, recall and F1 of the newsroom's stories on a labelled corpus.

The corpus goes through the real pipeline, into a throwaway database: the pages are laid out with
one RSS feed listing them (each item dated by its page's markup), and demain.stories.throwaway, in
its own process, serves them on loopback, ingests them (fetch, extraction, duplicates, storage)
into a fresh SQLite file and runs the stories stage day by day. The stories it reads back are
scored against the labels; the main database is never opened.
"""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError

from demain.lib.clustering.evaluate import CorpusError, labelled_files, markup_date, read_labels, read_page, score
from demain.site.evaluation import Evaluation, progress_bar

SAMPLE = Path(__file__).resolve().parent.parent / "sources" / "sample"


def lay_out(files: dict[str, Path], root: Path) -> tuple[dict[str, str], dict[str, str]]:
    """Write the pages under root/pages and a feed listing them; (served path → page name, page errors)."""
    from demain.sources.sample import feedwriter
    from demain.stories.throwaway import FEED

    (root / "pages").mkdir(parents=True)
    served, errors, items = {}, {}, []
    for number, (name, path) in enumerate(sorted(files.items())):
        try:
            raw = read_page(path)
        except (OSError, EOFError, gzip.BadGzipFile) as error:
            errors[name] = f"unreadable: {error}"
            continue
        page = f"/pages/p{number:05d}.html"
        (root / page.lstrip("/")).write_bytes(raw)
        served[page] = name
        date = markup_date(raw)
        items.append(("{{BASE}}" + page, name, f"{date[:10]}T00:00:00+00:00" if date else ""))
    (root / FEED).parent.mkdir(parents=True)
    (root / FEED).write_text(feedwriter.rss20("Corpus", "{{BASE}}/", items), encoding="utf-8")
    return served, errors


def through_newsroom(root: Path, bar, task) -> dict:
    """Run demain.stories.throwaway on the laid-out corpus; its JSON answer."""
    command = [sys.executable, "-m", "demain.stories.throwaway", str(root), "--var-dir", str(settings.VAR_DIR)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    answer = None
    for line in process.stdout:
        if line.startswith("progress "):
            bar.update(task, description=line.split(" ", 1)[1].strip(), advance=1)
        elif line.strip():
            answer = line
    stderr = process.stderr.read()
    if process.wait() != 0 or answer is None:
        raise CommandError(f"the throwaway newsroom failed: {stderr.strip()[-2000:]}")
    return json.loads(answer)


class StoriesEvaluation(Evaluation):
    name = "stories"
    help = ("Précision, rappel et F1 B-cubed du regroupement en sujets sur un dossier de pages HTML "
            "étiquetées par un CSV `file,story` (défaut : le corpus d’exemple livré).")

    @classmethod
    def add_arguments(cls, parser) -> None:
        super().add_arguments(parser)
        parser.add_argument("--corpus", type=Path, default=None,
                            help="dossier de pages .html/.html.gz (défaut : le corpus d’exemple)")
        parser.add_argument("--labels", type=Path, default=None,
                            help="CSV d’en-tête file,story (défaut : labels.csv dans le corpus ou à côté)")

    def run(self, *, json: bool = False, corpus: Path | None = None, labels: Path | None = None, **_) -> None:
        directory = corpus or SAMPLE / "pages"
        labels = labels or default_labels(directory)
        started = time.monotonic()
        try:
            gold = read_labels(labels)
            files = labelled_files(directory, gold)
        except CorpusError as error:
            raise CommandError(str(error)) from None
        with tempfile.TemporaryDirectory(prefix="demain-eval-stories-") as tmp, \
                progress_bar(enabled=not json) as bar:
            root = Path(tmp)
            served, errors = lay_out(files, root)
            task = bar.add_task("ingestion", total=None)
            answer = through_newsroom(root, bar, task)
        predicted, language = {}, {}
        for url, found in answer["pages"].items():
            name = served.get(url.removeprefix(answer["base"]))
            if name is None:
                continue
            if found.get("story") is not None:
                predicted[name], language[name] = found["story"], found.get("language")
            elif name not in errors:
                errors[name] = found.get("error") or "not in any story"
        for name in set(gold) - set(predicted) - set(errors):
            errors[name] = "not ingested"
        report = score(predicted, gold, language, errors)
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
