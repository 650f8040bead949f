"""`demain eval stories` on the shipped corpus, on the held-out corpus, and on bad input."""

import json
import re
import shutil
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tests.conftest import ROOT

HELDOUT = ROOT / "tests" / "data" / "stories-heldout"


def run(*args) -> str:
    out = StringIO()
    call_command("eval", "stories", *args, stdout=out)
    return out.getvalue()


def test_it_clusters_the_shipped_corpus_above_the_quality_gate():
    output = run()
    last = output.strip().splitlines()[-1]
    assert re.fullmatch(r"bcubed_f1=\d\.\d\d", last)
    assert float(last.split("=")[1]) >= 0.90
    assert "French/English split" not in output


def test_it_clusters_the_held_out_corpus_and_reports_json():
    output = run("--corpus", str(HELDOUT / "pages"), "--labels", str(HELDOUT / "labels.csv"), "--json")
    data = json.loads(output.splitlines()[0])
    assert data["pages"] == 22 and data["events"] == 11
    assert data["f1"] >= 0.90
    assert data["language_splits"] == []
    assert output.strip().splitlines()[-1] == f"bcubed_f1={data['f1']:.2f}"


def test_it_clusters_the_second_held_out_corpus_written_after_the_weights():
    corpus = ROOT / "tests" / "data" / "stories-heldout2"
    data = json.loads(run("--corpus", str(corpus / "pages"), "--json").splitlines()[0])
    assert data["pages"] == 18 and data["f1"] >= 0.90 and data["language_splits"] == []


def test_it_dates_pages_from_their_markup_whatever_the_year(tmp_path):
    """Extraction refuses dates after today and guesses (a copyright year); the markup is kept."""
    from demain.lib.clustering.evaluate import markup_date

    page = (ROOT / "tests/data/stories-heldout2/pages/daily-compute--nexa-n2-chip.html").read_bytes()
    assert markup_date(page).startswith("2027-01-14")
    assert markup_date(b"<html><body><p>Un texte. (c) 2026</p></body></html>") is None


def test_it_reports_a_french_english_split(tmp_path):
    """Labelled as one event, an English and a French article about different things split."""
    pages = tmp_path / "pages"
    pages.mkdir()
    for name in ("daily-compute--ferrite-photonic-accelerator.html", "anf--marseille-port-conteneurs-ia.html"):
        shutil.copy(HELDOUT / "pages" / name, pages / name)
    (tmp_path / "labels.csv").write_text(
        "file,story\ndaily-compute--ferrite-photonic-accelerator.html,one\nanf--marseille-port-conteneurs-ia.html,one\n")
    output = run("--corpus", str(pages))
    assert "French/English split in one" in output
    assert output.strip().endswith("bcubed_f1=0.67")


def test_it_refuses_a_corpus_whose_labels_do_not_match(tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "a.html").write_text("<html><body><p>Un article.</p></body></html>")
    (tmp_path / "labels.csv").write_text("file,story\nb.html,e1\n")
    with pytest.raises(CommandError, match="not found"):
        run("--corpus", str(pages))
    (tmp_path / "labels.csv").write_text("file,story\na.html,e1\nb.html,e1\n")
    (pages / "b.html").write_text("<html></html>")
    (pages / "c.html").write_text("<html></html>")
    with pytest.raises(CommandError, match="no label"):
        run("--corpus", str(pages))
    with pytest.raises(CommandError, match="cannot read labels"):
        run("--corpus", str(pages), "--labels", str(tmp_path / "nowhere.csv"))


def test_it_keeps_an_unreadable_page_as_a_recorded_error(tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    names = ["circuit-ledger--french-publishers-sue-orlo.html", "anf--editeurs-assignent-orlo-labs.html"]
    for name in names:
        shutil.copy(ROOT / "demain/sources/sample/pages" / name, pages / name)
    (pages / "broken.html").write_bytes(b"\x00\x01binary")
    (tmp_path / "labels.csv").write_text(f"file,story\n{names[0]},suit\n{names[1]},suit\nbroken.html,suit\n")
    data = json.loads(run("--corpus", str(pages), "--json").splitlines()[0])
    assert "binary" in data["errors"]["broken.html"]
    assert data["pages"] == 3 and data["precision"] == 1.0 and data["recall"] < 1.0


@pytest.mark.django_db
def test_it_ingests_the_corpus_into_a_throwaway_database_and_leaves_the_main_one_alone(tmp_path):
    """The pages go through fetch, extraction, duplicates and storage: a copy becomes a sighting of its
    original, so it lands in the original's story; the main database stays empty."""
    from demain.sources.models import Article, FetchLog
    from demain.stories.models import Story

    pages = tmp_path / "pages"
    pages.mkdir()
    names = ["circuit-ledger--french-publishers-sue-orlo.html", "anf--editeurs-assignent-orlo-labs.html",
             "harbor-wire--us-export-rule-ai-accelerators.html"]
    for name in names:
        shutil.copy(ROOT / "demain/sources/sample/pages" / name, pages / name)
    shutil.copy(pages / names[0], pages / "copy-of-the-first.html")
    (tmp_path / "labels.csv").write_text(
        f"file,story\n{names[0]},suit\n{names[1]},suit\ncopy-of-the-first.html,suit\n{names[2]},chips\n")
    output = run("--corpus", str(pages), "--json")
    data = json.loads(output.splitlines()[0])
    assert data["pages"] == 4 and data["errors"] == {} and data["stories"] == 2
    assert data["f1"] == 1.0 and output.strip().endswith("bcubed_f1=1.00")
    assert Article.objects.count() == 0 and FetchLog.objects.count() == 0 and Story.objects.count() == 0
