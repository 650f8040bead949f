"""demain eval checker: injected errors caught, harmless rewrites left alone, on the project's texts and the seed."""

from __future__ import annotations

import os
import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from demain.drafts.evals import project_cases, seed_cases
from demain.lib.grounding import Report, evaluation
from demain.lib.grounding.evaluation import ERRORS, REWRITES, evaluate, variants

SEED = Path(__file__).resolve().parents[2].parent / "shared" / "seeds" / "000_186302cdc7413e06.txt"


def test_it_makes_every_kind_of_variant_from_the_projects_texts():
    cases = project_cases()
    made = [v for case in cases for v in variants(case)]
    kinds = {v.kind for v in made}
    assert set(ERRORS) | set(REWRITES) <= kinds
    drafts = {case.draft for case in cases}
    assert all(v.text not in drafts for v in made)  # every variant changes its draft
    for v in made:
        if v.harmful:
            start, end = v.span
            assert 0 <= start < end <= len(v.text)


def test_it_meets_its_targets_on_the_projects_own_texts():
    score = evaluate(project_cases())
    assert score.caught >= 0.95, score.misses
    assert score.false_alarms <= 0.05, score.misses
    assert score.total(ERRORS, ("contradicted", "unsupported", "missed")) >= 100


def test_it_meets_its_targets_on_the_seed_issue():
    if not SEED.exists():
        if os.environ.get("DEMAIN_REQUIRE_SEEDS") == "1":
            pytest.fail(f"seed missing: {SEED} (DEMAIN_REQUIRE_SEEDS=1)")
        print(f"skipped: the seed issue is absent ({SEED})")
        pytest.skip(f"the seed issue is absent ({SEED})")
    score = evaluate(seed_cases(SEED))
    assert score.caught >= 0.95, score.misses
    assert score.false_alarms <= 0.05, score.misses


def test_it_counts_what_a_blind_checker_would_miss(monkeypatch):
    """The score can fail: a checker that supports everything catches nothing."""
    monkeypatch.setattr(evaluation, "check", lambda text, corpus: Report([]))
    score = evaluate(project_cases()[:1])
    assert score.caught == 0.0 and score.total(ERRORS, ("missed",)) > 0


def test_it_prints_a_confusion_matrix_per_kind_and_its_last_line():
    out = StringIO()
    call_command("eval", "checker", "--no-seed", stdout=out)
    text = out.getvalue()
    for kind in ERRORS + REWRITES:
        assert re.search(rf"^  {kind} +\d+", text, re.MULTILINE), kind
    assert "contradicted" in text and "false alarm" in text
    last = text.strip().splitlines()[-1]
    match = re.fullmatch(r"caught=(\d\.\d\d) false_alarms=(\d\.\d\d)", last)
    assert match and float(match.group(1)) >= 0.95 and float(match.group(2)) <= 0.05
