"""`demain eval checker`: the grounding checker on variants of correct drafts (injected errors, rewrites)."""

from __future__ import annotations

import json
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError

from demain.lib.grounding import SourceError, Source, read_sources
from demain.lib.grounding.evaluation import ERRORS, EXTRA_ERRORS, REWRITES, Case, Score, evaluate, variants
from demain.lib.houseformat import HouseFormatError, parse
from demain.site.evaluation import Evaluation, progress_bar

CASES_DIR = Path(__file__).resolve().parent / "eval"
SEED_NAME = "000_186302cdc7413e06.txt"
TARGET_CAUGHT = 0.95
TARGET_FALSE_ALARMS = 0.05


def default_seed() -> Path:
    return Path(settings.BASE_DIR).parent / "shared" / "seeds" / SEED_NAME


def project_cases(directory: Path = CASES_DIR) -> list[Case]:
    """One case per directory holding draft.txt and sources/."""
    cases = []
    for folder in sorted(p for p in directory.iterdir() if (p / "draft.txt").is_file()):
        cases.append(Case(folder.name, (folder / "draft.txt").read_text(encoding="utf-8"),
                          read_sources(folder / "sources")))
    if not cases:
        raise SourceError(f"{directory}: no case (a folder with draft.txt and sources/)")
    return cases


def seed_cases(path: Path) -> list[Case]:
    """Each article of a house-format issue is a draft; every article of the issue is a source."""
    issue = parse(path.read_text(encoding="utf-8"))
    texts = []
    for article in issue.articles:
        parts = [article.title, *article.facts, *article.turn, *article.analysis, article.closing]
        texts.append((article.title, "\n\n".join(p for p in parts if p)))
    if issue.editorial:
        texts.append(("éditorial", "\n\n".join([*issue.editorial, issue.punchline])))
    review = issue.app_review
    if review:
        texts.append((f"App sous le radar : {review.name}",
                      "\n\n".join(p for p in (*review.intro, review.good, review.bad, review.verdict) if p)))
    sources = [Source(f"seed:{name}", text) for name, text in texts]
    return [Case(f"seed:{name}", text, sources) for name, text in texts]


def table(score: Score) -> list[str]:
    lines = [f"{'injected error':<18} {'variants':>8} {'contradicted':>13} {'unsupported':>12} {'missed':>7} {'caught':>7}"]
    for kind in ERRORS + EXTRA_ERRORS:
        counts = score.kinds.get(kind)
        if not counts:
            continue
        total = sum(counts.values())
        caught = counts["contradicted"] + counts["unsupported"]
        lines.append(f"{kind:<18} {total:>8} {counts['contradicted']:>13} {counts['unsupported']:>12} "
                     f"{counts['missed']:>7} {caught / total:>7.2f}" + ("  (outside the targets)"
                                                                      if kind in EXTRA_ERRORS else ""))
    lines.append(f"{'harmless rewrite':<18} {'variants':>8} {'clean':>13} {'false alarm':>12} {'':>7} {'rate':>7}")
    for kind in REWRITES:
        counts = score.kinds.get(kind)
        if not counts:
            continue
        total = sum(counts.values())
        lines.append(f"{kind:<18} {total:>8} {counts['clean']:>13} {counts['false_alarm']:>12} {'':>7} "
                     f"{counts['false_alarm'] / total:>7.2f}")
    return lines


class CheckerEvaluation(Evaluation):
    name = "checker"
    help = ("Erreurs injectées repérées et fausses alertes sur des réécritures sans danger, pour le vérificateur, "
            "sur les textes du projet et le numéro d’amorce (cibles : repérées ≥ 0,95, fausses alertes ≤ 0,05).")

    @classmethod
    def add_arguments(cls, parser) -> None:
        super().add_arguments(parser)
        parser.add_argument("--cases", type=Path, default=CASES_DIR,
                            help="dossier de cas, chacun un dossier avec draft.txt et sources/ "
                                 "(défaut : ceux du projet, demain/drafts/eval)")
        parser.add_argument("--seed", type=Path, default=None,
                            help=f"un numéro au format maison dont les articles servent aussi "
                                 f"(défaut : ../shared/seeds/{SEED_NAME} s’il est présent)")
        parser.add_argument("--no-seed", action="store_true", help="laisser de côté le numéro d’amorce")
        parser.add_argument("--misses", action="store_true", help="lister chaque erreur manquée et chaque fausse alerte")

    def run(self, *, json: bool = False, cases: Path = CASES_DIR, seed: Path | None = None,
            no_seed: bool = False, misses: bool = False, **_) -> None:
        try:
            groups = {"project": project_cases(cases)}
        except (SourceError, OSError) as error:
            raise CommandError(str(error)) from None
        seed_path = seed or default_seed()
        if seed is not None and not seed.is_file():
            raise CommandError(f"{seed}: no such file")
        if not no_seed and seed_path.is_file():
            try:
                groups["seed"] = seed_cases(seed_path)
            except (HouseFormatError, OSError, UnicodeDecodeError) as error:
                raise CommandError(f"{seed_path}: {error}") from None
        elif not no_seed and not json:
            self.stdout.write(f"seed issue absent ({seed_path}): project texts only")
        total = sum(len(variants(case)) for group in groups.values() for case in group)
        started = time.monotonic()
        scores: dict[str, Score] = {}
        with progress_bar(enabled=not json) as bar:
            task = bar.add_task("checker", total=total)
            for name, group in groups.items():
                scores[name] = evaluate(group, on_variant=lambda: bar.advance(task))
        seconds = round(time.monotonic() - started, 1)
        overall = Score()
        for score in scores.values():
            overall.merge(score)
        if json:
            self.stdout.write(dumps({
                "variants": total, "seconds": seconds,
                "groups": {name: {"cases": len(groups[name]), "caught": round(s.caught, 4),
                                  "false_alarms": round(s.false_alarms, 4),
                                  "kinds": {k: dict(c) for k, c in s.kinds.items()}}
                           for name, s in scores.items()},
                "caught": round(overall.caught, 4), "false_alarms": round(overall.false_alarms, 4)}))
        else:
            for name, score in scores.items():
                self.stdout.write(f"\n{name}: {len(groups[name])} drafts")
                for line in table(score):
                    self.stdout.write("  " + line)
                self.stdout.write(f"  caught={score.caught:.2f} false_alarms={score.false_alarms:.2f}")
            if misses:
                self.stdout.write("\nmissed errors and false alarms:")
                for case, variant, said in overall.misses:
                    self.stdout.write(f"  [{variant.kind}] {case}: {variant.note} — {said}")
            self.stdout.write(f"\n{total} variants in {seconds} s; targets caught ≥ {TARGET_CAUGHT} "
                              f"false_alarms ≤ {TARGET_FALSE_ALARMS}")
        self.stdout.write(f"caught={overall.caught:.2f} false_alarms={overall.false_alarms:.2f}")


def dumps(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False)


EVALUATIONS = [CheckerEvaluation]
