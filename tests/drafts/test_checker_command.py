"""demain check DRAFT_ID|PATH --sources DIR [--json]: the JSON shape, the report, the exit codes, bad input."""

from __future__ import annotations

import json
import os
import subprocess
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

ROOT = Path(__file__).resolve().parents[2]
SOURCE_FR = ("URL: https://example.org/gemini\n"
             "Google a publié un rapport. Une requête à Gemini consomme 0,24 Wh et 0,26 mL d'eau. "
             "« Nettement inférieur à de nombreuses estimations publiques », se félicite l'entreprise.\n")
SOURCE_HTML = ("<html><head><title>Meta buys into Scale AI</title></head><body><article>"
               "<h1>Meta buys into Scale AI</h1><p>Meta paid $14.3 billion for a stake in Scale AI, the data "
               "company run by Alexandr Wang, according to a filing published on Friday.</p>"
               "<p>The deal is the largest in the company's history and values Scale AI at about $29 billion, "
               "people familiar with the matter said.</p></article></body></html>")
GOOD = ("Google affirme qu'une requête à Gemini consomme 0,24 Wh. « Nettement inférieur à de nombreuses "
        "estimations publiques », dit l'entreprise. Meta a versé 14,3 milliards de dollars à Scale AI.\n")
BAD = ("Google affirme qu'une requête à Gemini consomme 0,24 Wh et 0,26 mm d'eau. Meta a versé 14,3 millions "
       "de dollars à Scale AI, selon Mark Zuckerberg.\n")


@pytest.fixture
def sources(tmp_path) -> Path:
    directory = tmp_path / "sources"
    directory.mkdir()
    (directory / "google.txt").write_text(SOURCE_FR, encoding="utf-8")
    (directory / "meta.html").write_text(SOURCE_HTML, encoding="utf-8")
    (directory / "notes.md").write_text("ignored: neither .txt nor .html", encoding="utf-8")
    return directory


def draft(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "draft.txt"
    path.write_text(text, encoding="utf-8")
    return path


def run(*args: str) -> tuple[int, str]:
    out = StringIO()
    try:
        call_command("check", *args, stdout=out, stderr=StringIO())
    except SystemExit as exit:
        return exit.code, out.getvalue()
    return 0, out.getvalue()


def test_it_prints_exactly_the_json_shape_and_exits_0_when_all_is_supported(tmp_path, sources):
    code, out = run(str(draft(tmp_path, GOOD)), "--sources", str(sources), "--json")
    data = json.loads(out)
    assert code == 0
    assert list(data) == ["items"]
    assert {item["kind"] for item in data["items"]} == {"figure", "quote", "entity"}
    for item in data["items"]:
        assert list(item) == ["text", "kind", "status", "source", "snippet"]
        assert item["status"] == "supported" and item["source"] in ("google.txt", "meta.html") and item["snippet"]
    by_text = {item["text"]: item for item in data["items"]}
    assert by_text["14,3 milliards de dollars"]["source"] == "meta.html"  # HTML read through extraction
    assert "$14.3 billion" in by_text["14,3 milliards de dollars"]["snippet"]


def test_it_exits_1_and_reports_unsupported_and_contradicted_items(tmp_path, sources):
    code, out = run(str(draft(tmp_path, BAD)), "--sources", str(sources), "--json")
    items = {item["text"]: item for item in json.loads(out)["items"]}
    assert code == 1
    assert items["0,26 mm"]["status"] == "contradicted" and items["0,26 mm"]["source"] == "google.txt"
    assert items["14,3 millions de dollars"]["status"] == "contradicted"
    assert items["Mark Zuckerberg"] == {"text": "Mark Zuckerberg", "kind": "entity", "status": "unsupported",
                                        "source": None, "snippet": None}


def test_it_writes_a_readable_french_report(tmp_path, sources):
    code, out = run(str(draft(tmp_path, BAD)), "--sources", str(sources))
    assert code == 1
    assert "Vérification de draft.txt" in out
    assert "✗ chiffre « 0,26 mm » — contredit par google.txt" in out
    assert "glissement d'unité" in out and "glissement d'échelle" in out
    assert "? nom « Mark Zuckerberg » — non étayé" in out
    assert "avant approbation" in out


def test_it_exits_with_the_checkers_verdict_from_the_demain_command(tmp_path, sources):
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path}/db.sqlite3"}
    good = subprocess.run([str(ROOT / ".venv/bin/demain"), "check", str(draft(tmp_path, GOOD)), "--sources",
                           str(sources), "--json"], capture_output=True, text=True, env=env)
    assert good.returncode == 0, good.stderr
    bad = subprocess.run([str(ROOT / ".venv/bin/demain"), "check", str(draft(tmp_path, BAD)), "--sources",
                          str(sources)], capture_output=True, text=True, env=env)
    assert bad.returncode == 1, bad.stderr
    assert "contredit" in bad.stdout


@pytest.mark.parametrize("make,message", [
    (lambda tmp: ["12", "--sources", "SOURCES"], "aucun brouillon n° 12"),
    (lambda tmp: ["nowhere.txt", "--sources", "SOURCES"], "ni un fichier, ni un numéro de brouillon"),
    (lambda tmp: [str(draft(tmp, GOOD)), "--sources", str(tmp / "missing")], "no such directory"),
    (lambda tmp: [str(draft(tmp, GOOD))], "--sources DIR"),
    (lambda tmp: [_written(tmp, "empty.txt", b"  \n"), "--sources", "SOURCES"], "fichier vide"),
    (lambda tmp: [_written(tmp, "binary.txt", b"\x00\x01\x02PK"), "--sources", "SOURCES"], "fichier binaire"),
    (lambda tmp: [_written(tmp, "latin.txt", "Déjà".encode("latin-1")), "--sources", "SOURCES"], "UTF-8"),
])
def test_it_refuses_bad_input_with_a_clear_error(tmp_path, sources, make, message, db):  # a number: a stored draft
    args = [str(sources) if arg == "SOURCES" else arg for arg in make(tmp_path)]
    with pytest.raises(CommandError, match=message) as error:
        call_command("check", *args, stdout=StringIO(), stderr=StringIO())
    assert error.value.returncode == 2


def test_it_refuses_a_sources_directory_without_sources(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "readme.md").write_text("nothing", encoding="utf-8")
    with pytest.raises(CommandError, match="no .txt or .html source"):
        call_command("check", str(draft(tmp_path, GOOD)), "--sources", str(empty), stdout=StringIO())


def test_it_names_a_broken_source(tmp_path, sources):
    (sources / "broken.html").write_bytes(b"\x00\x00\x00 not a page")
    with pytest.raises(CommandError, match="broken.html"):
        call_command("check", str(draft(tmp_path, GOOD)), "--sources", str(sources), stdout=StringIO())


def _written(tmp: Path, name: str, data: bytes) -> str:
    path = tmp / name
    path.write_bytes(data)
    return str(path)


def test_it_runs_django_system_checks_when_no_draft_is_named():
    out = StringIO()
    call_command("check", stdout=out)
    assert "System check identified no issues" in out.getvalue()
    with pytest.raises(CommandError, match="un seul brouillon"):
        call_command("check", "1", "2", sources=Path("."))
