"""Bad input to the grounding checker's library gets a clear error, naming what is wrong."""

from __future__ import annotations

import pytest

from demain.lib.grounding import Source, SourceError, check, read_sources


def test_it_refuses_a_draft_that_is_not_text():
    with pytest.raises(TypeError, match="draft must be str"):
        check(b"0,24 Wh", [Source("a", "0,24 Wh")])


def test_it_refuses_two_sources_with_one_name():
    with pytest.raises(ValueError, match="same name"):
        check("0,24 Wh", [Source("a", "0,24 Wh"), Source("a", "0,3 Wh")])


def test_it_checks_a_draft_against_no_source_as_all_unsupported():
    report = check("Google annonce 0,24 Wh.", [])
    assert {(f.kind, f.status) for f in report.findings} == {("entity", "unsupported"), ("figure", "unsupported")}
    assert not report.ok


def test_it_reads_sources_from_a_directory_and_names_a_bad_one(tmp_path):
    (tmp_path / "a.txt").write_text("URL: https://example.org/a\nUne requête consomme 0,24 Wh.", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes("Le coût : 3 € par requête, déjà.".encode("cp1252"))
    sources = read_sources(tmp_path)
    assert [(s.name, s.url) for s in sources] == [("a.txt", "https://example.org/a"), ("b.txt", "")]
    assert sources[0].text.startswith("Une requête") and "déjà" in sources[1].text  # nothing lost
    (tmp_path / "c.txt").write_text("   \n", encoding="utf-8")
    with pytest.raises(SourceError, match="c.txt: empty"):
        read_sources(tmp_path)


def test_it_refuses_a_path_that_is_not_a_directory(tmp_path):
    path = tmp_path / "one.txt"
    path.write_text("0,24 Wh", encoding="utf-8")
    with pytest.raises(SourceError, match="no such directory"):
        read_sources(path)


def test_it_reads_a_draft_with_windows_line_endings():
    draft = "Une requête consomme 0,24 Wh.\r\n\r\nSauf que.\r\n\r\nSources\r\n- Rapport 2025 — https://example.org/42\r\n"
    report = check(draft, [Source("a", "Une requête consomme 0,24 Wh.\r\n")])
    assert [(f.text, f.status) for f in report.findings] == [("0,24 Wh", "supported")]
    assert draft[report.findings[0].start:report.findings[0].end] == "0,24 Wh"  # offsets into the draft


def test_it_leaves_the_house_formats_list_of_sources_unchecked():
    draft = ("Une requête consomme 0,24 Wh.\n\nSources\nLe Rapport 2025 — https://example.org/42\n"
             "- Gridwatch 3 — https://example.org/7\n")
    report = check(draft, [Source("a", "Une requête consomme 0,24 Wh.")])
    assert [(f.text, f.status) for f in report.findings] == [("0,24 Wh", "supported")]
