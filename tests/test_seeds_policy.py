"""Without ../shared/seeds/ the seed tests are skipped, saying why; DEMAIN_REQUIRE_SEEDS=1 makes that a failure."""

import os
import subprocess
import sys

from tests.conftest import ROOT


def run_seed_tests(tmp_path, **env) -> subprocess.CompletedProcess:
    environ = {key: value for key, value in os.environ.items() if key != "DEMAIN_REQUIRE_SEEDS"}
    environ.update(DEMAIN_SEEDS_DIR=str(tmp_path / "nowhere"), **env)
    return subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider",
                           "tests/test_houseformat_parse.py", "tests/test_houseformat_export.py"],
                          cwd=ROOT, env=environ, capture_output=True, text=True, timeout=300)


def test_it_skips_the_seed_tests_with_the_reason_when_the_seeds_are_absent(tmp_path):
    result = run_seed_tests(tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "seeds: absent" in result.stdout
    assert "SKIPPED" in result.stdout and "seed absent:" in result.stdout and "nowhere" in result.stdout
    assert " passed" in result.stdout and "failed" not in result.stdout


def test_it_fails_the_seed_tests_when_ci_requires_the_seeds(tmp_path):
    result = run_seed_tests(tmp_path, DEMAIN_REQUIRE_SEEDS="1")
    assert result.returncode == 1
    assert "DEMAIN_REQUIRE_SEEDS=1 requires it" in result.stdout
    assert "skipped" not in result.stdout.splitlines()[-1]
