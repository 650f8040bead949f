"""demain extract and demain eval extraction, on files the tests write and on the shared benchmark."""

from __future__ import annotations

import gzip
import json
import os
import re
import subprocess
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from tests.conftest import ROOT, SHARED
from tests.extract_pages import ENGLISH_PARAGRAPHS, FRENCH_PARAGRAPHS, english_page, french_page

KEYS = {"file", "title", "text", "author", "date", "language"}
BENCHMARK = SHARED / "data" / "article-extraction-benchmark"


def run(*args) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.fixture
def pages(tmp_path):
    folder = tmp_path / "pages"
    (folder / "sub").mkdir(parents=True)
    (folder / "rhone.html").write_text(french_page(), encoding="utf-8")
    (folder / "sub" / "libraries.html.gz").write_bytes(gzip.compress(english_page().encode()))
    (folder / "notes.txt").write_text("not a page, ignored")
    return folder


def test_it_prints_one_json_object_per_file(pages):
    out, err = run("extract", str(pages), "--json")
    records = [json.loads(line) for line in out.splitlines()]
    assert [set(record) for record in records] == [KEYS, KEYS]
    french, english = records
    assert french["file"] == str(pages / "rhone.html")
    assert (french["language"], french["author"], french["date"]) == ("fr", "Camille Besson", "2026-03-14")
    assert french["text"].splitlines() == FRENCH_PARAGRAPHS
    assert english["file"] == str(pages / "sub" / "libraries.html.gz")
    assert english["title"] == "Libraries lend language models on USB sticks"
    assert ENGLISH_PARAGRAPHS[-1] in english["text"]
    assert err == ""


def test_it_reports_a_bad_file_and_goes_on(pages):
    (pages / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (pages / "empty.html").write_bytes(b"")
    (pages / "bomb.html.gz").write_bytes(gzip.compress(b"<p>" + b" " * 3_000_000))
    (pages / "cut.html.gz").write_bytes(gzip.compress(french_page().encode())[:200])
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError, match="pour 4 fichiers sur 6"):
        call_command("extract", str(pages), "--json", "--max-bytes", "1000000", stdout=out, stderr=err)
    assert [json.loads(line)["file"] for line in out.getvalue().splitlines()] == [
        str(pages / "rhone.html"), str(pages / "sub" / "libraries.html.gz")]
    errors = err.getvalue()
    assert f"{pages / 'image.html'}: error: binary content, not HTML (PNG image)" in errors
    assert f"{pages / 'empty.html'}: error: empty page" in errors
    assert f"{pages / 'bomb.html.gz'}: error: page too large once decompressed" in errors
    assert f"{pages / 'cut.html.gz'}: error: truncated gzip data" in errors


def test_it_prints_a_readable_summary(pages):
    out, _ = run("extract", str(pages / "rhone.html"))
    assert "title: Un centre de données refroidi par le Rhône" in out
    assert "author: Camille Besson · date: 2026-03-14 · language: fr" in out
    assert out.rstrip().endswith("1 page extraite, 0 échec.")


def test_it_refuses_a_missing_path_or_a_folder_without_pages(tmp_path):
    with pytest.raises(CommandError, match="no such file or directory"):
        run("extract", str(tmp_path / "missing"))
    with pytest.raises(CommandError, match="no .html or .html.gz page"):
        run("extract", str(tmp_path))


def test_it_exits_non_zero_from_the_demain_program(pages):
    (pages / "broken.html").write_bytes(b"\x00\x01\x02")
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{pages}/db.sqlite3"}
    done = subprocess.run([str(ROOT / ".venv" / "bin" / "demain"), "extract", str(pages), "--json"],
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert done.returncode == 1
    assert len(done.stdout.splitlines()) == 2
    assert "broken.html: error: binary content" in done.stderr


# --- demain eval extraction ---------------------------------------------------------


@pytest.fixture
def tiny_benchmark(tmp_path):
    folder = tmp_path / "bench"
    (folder / "html").mkdir(parents=True)
    truth = {
        "fr": {"url": "https://quotidien.example/rhone", "articleBody": "\n".join(FRENCH_PARAGRAPHS)},
        "en": {"url": "https://ledger.example/usb", "articleBody": "\n".join(ENGLISH_PARAGRAPHS)},
        # the expected body is half of what the page holds: precision about one half
        "half": {"url": None, "articleBody": "\n".join(ENGLISH_PARAGRAPHS[:2])},
    }
    (folder / "ground-truth.json").write_text(json.dumps(truth), encoding="utf-8")
    (folder / "html" / "fr.html.gz").write_bytes(gzip.compress(french_page().encode()))
    (folder / "html" / "en.html").write_text(english_page(), encoding="utf-8")
    (folder / "html" / "half.html.gz").write_bytes(gzip.compress(english_page().encode()))
    return folder


def test_it_scores_ours_and_plain_trafilatura_on_a_benchmark_directory(tiny_benchmark):
    out, _ = run("eval", "extraction", "--data", str(tiny_benchmark))
    lines = out.splitlines()
    assert lines[0] == f"3 pages in {tiny_benchmark} ({lines[0].split('(')[1]}"
    ours = re.match(r"  demain +precision=(\d\.\d+) recall=(\d\.\d+) F1=(\d\.\d+)  \(\d+\.\d s extracting\)$",
                    lines[1])
    assert re.match(r"  plain trafilatura +precision=\d\.\d+ recall=\d\.\d+ F1=\d\.\d+  \(", lines[2])
    precision, recall, f1 = map(float, ours.groups())
    assert recall == 1.0
    assert 0.8 < precision < 0.9  # two pages exact, one about half right
    assert re.fullmatch(r"extraction_f1=0\.\d{3}", lines[-1])
    assert lines[-1] == f"extraction_f1={f1:.3f}"


def test_it_prints_the_figures_as_json_then_the_f1_line(tiny_benchmark):
    out, _ = run("eval", "extraction", "--json", "--data", str(tiny_benchmark))
    first, last = out.splitlines()
    figures = json.loads(first)
    assert set(figures) == {"data", "pages", "seconds", "demain", "trafilatura"}
    assert figures["pages"] == 3
    assert set(figures["demain"]) == set(figures["trafilatura"]) == {"precision", "recall", "f1", "seconds"}
    assert figures["demain"]["recall"] == 1.0
    assert last == f"extraction_f1={figures['demain']['f1']:.3f}"


@pytest.mark.parametrize(
    "damage, message",
    [
        (lambda folder: (folder / "ground-truth.json").unlink(), "ground-truth.json is missing"),
        (lambda folder: (folder / "ground-truth.json").write_text("{oops"), "not valid JSON"),
        (lambda folder: (folder / "html" / "en.html").unlink(), "page 'en': no html/en.html.gz or .html"),
        (lambda folder: (folder / "ground-truth.json").write_text('{"fr": {"url": null}}'), "no articleBody"),
    ],
)
def test_it_explains_a_missing_or_broken_benchmark(tiny_benchmark, damage, message):
    damage(tiny_benchmark)
    with pytest.raises(CommandError, match=re.escape(message)):
        run("eval", "extraction", "--data", str(tiny_benchmark))


def test_it_offers_evaluations_as_subcommands():
    with pytest.raises(CommandError, match="invalid choice: 'nonsense'"):
        run("eval", "nonsense")


def require_benchmark(folder) -> None:
    """Skip, saying why, when the shared benchmark is absent; fail instead if DEMAIN_REQUIRE_SEEDS=1."""
    if (folder / "ground-truth.json").is_file():
        return
    reason = f"the extraction benchmark is absent ({folder})"
    if os.environ.get("DEMAIN_REQUIRE_SEEDS") == "1":
        pytest.fail(f"{reason} and DEMAIN_REQUIRE_SEEDS=1")
    print(f"skipped: {reason}")
    pytest.skip(reason)


@pytest.mark.parametrize("required, outcome", [("1", pytest.fail.Exception), ("", pytest.skip.Exception)])
def test_it_skips_or_fails_without_the_shared_benchmark(tmp_path, monkeypatch, required, outcome):
    monkeypatch.setenv("DEMAIN_REQUIRE_SEEDS", required)
    with pytest.raises(outcome, match="the extraction benchmark is absent"):
        require_benchmark(tmp_path)
    (tmp_path / "ground-truth.json").write_text("{}")
    require_benchmark(tmp_path)  # present: neither skips nor fails


def test_it_beats_plain_trafilatura_on_the_shared_benchmark():
    require_benchmark(BENCHMARK)
    out, _ = run("eval", "extraction", "--json")
    figures = json.loads(out.splitlines()[0])
    assert figures["pages"] == 181
    assert figures["demain"]["f1"] >= 0.96
    assert figures["demain"]["f1"] > figures["trafilatura"]["f1"]


def test_it_refuses_a_size_limit_that_is_not_a_positive_number(pages):
    with pytest.raises(CommandError, match="a positive number of bytes is expected, not '-3'"):
        run("extract", str(pages), "--max-bytes", "-3")
