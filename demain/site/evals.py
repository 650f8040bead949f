"""`demain eval archive`: asking the archive, scored on a question set written over the demo archive.

By default the evaluation runs in a throwaway database: a child process with
``DATABASE_URL`` pointing at a SQLite file in a temporary directory migrates it,
loads the demo archive (``demain demo``), indexes it and asks every question;
the file is deleted after. ``--here`` runs on the current database instead,
as it is (use it when that database holds the demo archive, e.g. after
``make demo``).

Figures:
- ``recall_at_5``: over the questions that have answers, the share of their
  expected articles (``/numeros/N/#anchor``) among the first five distinct
  articles the answer cites (a refusal cites none);
- ``supported``: the share of answer sentences whose every figure, quotation
  and name the grounding checker finds in the passages they cite;
- ``refusals``: the share of questions without an answer in the archive that
  get « Les archives n'en parlent pas. »

``--calibrate`` also asks the questions of demain/site/archive/calibration.py
(no archive answers them) and prints the refusal thresholds they give.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import CommandError

from demain.site.evaluation import Evaluation, progress_bar, write_above

DEFAULT_QUESTIONS = Path(__file__).resolve().parent / "demo" / "questions.json"
TOP = 5
TARGET_SUPPORTED = 1.0
TARGET_REFUSALS = 0.9


def load_questions(path: Path) -> list[dict]:
    """The question set: a JSON list of {"question": str, "answers": ["/numeros/N/#anchor", …]}."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise CommandError(f"{path}: cannot read it ({error.strerror or error})") from None
    except ValueError as error:
        raise CommandError(f"{path}: not JSON ({error})") from None
    if not isinstance(data, list) or not data:
        raise CommandError(f"{path}: expected a non-empty JSON list of {{\"question\", \"answers\"}} objects")
    for index, item in enumerate(data, start=1):
        if not (isinstance(item, dict) and isinstance(item.get("question"), str) and item["question"].strip()
                and isinstance(item.get("answers"), list) and all(isinstance(a, str) for a in item["answers"])):
            raise CommandError(f"{path}: item {index} is not {{\"question\": text, \"answers\": [url, …]}}")
        bad = [a for a in item["answers"] if not a.startswith("/numeros/") or "#" not in a]
        if bad:
            raise CommandError(f"{path}: item {index}: answers are /numeros/N/#anchor, not {bad[0]!r}")
    return data


def article_key(path: str) -> str:
    """« /numeros/3/#article-2 » and « https://site/numeros/3/#article-2 » name one article."""
    return path[path.index("/numeros/"):] if "/numeros/" in path else path


def score(items: list[dict]) -> dict:
    """The three figures from the per-question results."""
    answerable = [i for i in items if i["expected"]]
    unanswerable = [i for i in items if not i["expected"]]
    recall = [len(set(i["expected"]) & set(i["cited"][:TOP])) / len(set(i["expected"])) for i in answerable]
    sentences = [s for i in items for s in i["supported"]]
    return {"questions": len(items), "answerable": len(answerable), "unanswerable": len(unanswerable),
            "recall_at_5": sum(recall) / len(recall) if recall else 0.0,
            "supported": sum(sentences) / len(sentences) if sentences else 1.0,
            "sentences": len(sentences),
            "refusals": sum(i["refused"] for i in unanswerable) / len(unanswerable) if unanswerable else 1.0,
            "answered_when_answerable": (sum(not i["refused"] for i in answerable) / len(answerable)
                                         if answerable else 1.0)}


class ArchiveEvaluation(Evaluation):
    name = "archive"
    help = ("Poser aux archives de la démo chaque question d’un jeu : rappel des citations à 5, part des phrases "
            "étayées par leurs citations, refus justes (cibles : étayées 1,00 en extractif, refus ≥ 0,90).")

    @classmethod
    def add_arguments(cls, parser) -> None:
        super().add_arguments(parser)
        parser.add_argument("--questions", type=Path, default=DEFAULT_QUESTIONS,
                            help="une liste JSON de {\"question\", \"answers\": [\"/numeros/N/#ancre\", …]} "
                                 "(défaut : demain/site/demo/questions.json)")
        parser.add_argument("--backend", choices=("extractive", "openai", "local"), default=None,
                            help="moteur de réponse (défaut : ASK_BACKEND)")
        parser.add_argument("--here", action="store_true",
                            help="utiliser la base actuelle telle quelle, au lieu d’une base jetable avec la démo")
        parser.add_argument("--calibrate", action="store_true",
                            help="afficher aussi les seuils de refus que donnent les questions de calibrage")
        parser.add_argument("--load-demo", action="store_true", help="(interne) migrer et charger la démo d’abord")

    def run(self, *, json: bool = False, questions: Path = DEFAULT_QUESTIONS, backend: str | None = None,
            here: bool = False, calibrate: bool = False, load_demo: bool = False, **_) -> None:
        items = load_questions(questions)
        if not here:
            return self.run_throwaway(questions, json, backend, calibrate)
        if load_demo:
            prepare_demo()
        self.evaluate(items, json, backend, calibrate)

    def run_throwaway(self, questions: Path, json: bool, backend: str | None, calibrate: bool) -> None:
        with tempfile.TemporaryDirectory(prefix="demain-eval-archive-") as directory:
            env = {**os.environ, "DATABASE_URL": f"sqlite:///{Path(directory) / 'archive.sqlite3'}"}
            command = [sys.executable, "-m", "demain.cli", "eval", "archive", "--here", "--load-demo",
                       "--questions", str(questions.resolve())]
            command += ["--json"] * json + ["--calibrate"] * calibrate + (["--backend", backend] if backend else [])
            if not json:
                self.stderr.write("Base jetable : migration, numéros de démonstration, indexation…")
            done = subprocess.run(command, env=env, capture_output=True, text=True)
        self.stdout.write(done.stdout.rstrip("\n"))
        if done.returncode:
            raise CommandError(f"the throwaway run failed (exit {done.returncode}):\n{done.stderr[-2000:]}")

    def evaluate(self, items: list[dict], json: bool, backend: str | None, calibrate: bool) -> None:
        from demain.site.archive.answer import ask, sentence_supported

        results = []
        started = time.monotonic()
        with progress_bar(enabled=not json) as bar:
            task = bar.add_task("questions", total=len(items))
            for item in items:
                began = time.perf_counter()
                answer = ask(item["question"], backend=backend)
                results.append({
                    "question": item["question"], "expected": [article_key(a) for a in item["answers"]],
                    "cited": [article_key(u) for u in answer.cited_urls], "refused": answer.refused,
                    "supported": [sentence_supported(s) for s in answer.sentences],
                    "evidence": answer.evidence, "seconds": round(time.perf_counter() - began, 3)})
                if not json:
                    write_above(bar, self.stdout, line(results[-1]) + "\n")
                bar.advance(task)
        figures = score(results)
        figures["seconds"] = round(time.monotonic() - started, 1)
        if calibrate:
            figures["calibration"] = calibration(backend)
        if json:
            self.stdout.write(dumps({**figures, "results": results}))
        else:
            self.stdout.write(f"\n{figures['questions']} questions ({figures['answerable']} with an answer, "
                              f"{figures['unanswerable']} without) in {figures['seconds']} s; "
                              f"answered when answerable {figures['answered_when_answerable']:.2f}; "
                              f"{figures['sentences']} answer sentences; targets supported ≥ {TARGET_SUPPORTED:.2f} "
                              f"(extractive), refusals ≥ {TARGET_REFUSALS:.2f}")
            if calibrate:
                self.stdout.write(f"calibration: {dumps(figures['calibration'])}")
        self.stdout.write(f"recall_at_5={figures['recall_at_5']:.2f} supported={figures['supported']:.2f} "
                          f"refusals={figures['refusals']:.2f}")


def line(result: dict) -> str:
    if result["expected"]:
        found = set(result["expected"]) & set(result["cited"][:TOP])
        mark = "ok " if found == set(result["expected"]) else ("½  " if found else "RAT")
    else:
        mark = "ok " if result["refused"] else "FAUX"
    state = "refus" if result["refused"] else f"{len(result['supported'])} phrase(s)"
    evidence = result["evidence"]
    return (f"{mark:<4} {state:<12} {evidence.get('language')} score {evidence.get('score')} "
            f"cos {evidence.get('cosine')} couv. {evidence.get('coverage', 0):.2f}  {result['question'][:80]}")


def calibration(backend: str | None) -> dict:
    from demain.site.archive.answer import ask
    from demain.site.archive.calibration import UNANSWERABLE, thresholds

    figures = [ask(question, backend="extractive").evidence for question in UNANSWERABLE]
    return thresholds(figures)


def prepare_demo() -> None:
    """A fresh database: its tables, the demo archive, its passages indexed."""
    devnull = open(os.devnull, "w")
    with devnull:
        call_command("migrate", verbosity=0, stdout=devnull)
        call_command("demo", stdout=devnull)
    from demain.site.archive.index import embed_pending, reindex_all

    reindex_all()
    embed_pending()


def dumps(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False)


EVALUATIONS = [ArchiveEvaluation]
