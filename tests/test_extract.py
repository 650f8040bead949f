"""Article extraction on pages written for the project, and on hostile input."""

from __future__ import annotations

import gzip

import pytest

from demain.lib.extract import Extraction, ExtractionError, extract
from demain.lib.extract.core import MAX_DEPTH, nesting_depth, without_headline
from demain.lib.extract.language import declared_language, detect_language
from demain.lib.extract.main_text import main_text
from tests.extract_pages import (BOILERPLATE_EN, BOILERPLATE_FR, ENGLISH_PARAGRAPHS, FRENCH_PARAGRAPHS,
                                 english_page, french_page)


@pytest.mark.parametrize(
    "page, url, metadata, paragraphs, boilerplate",
    [
        (french_page(), "https://quotidien.example/tech/rhone",
         ("Un centre de données refroidi par le Rhône", "Camille Besson", "2026-03-14", "fr"),
         FRENCH_PARAGRAPHS, [BOILERPLATE_FR, "Mentions légales", "Le cloud souverain", "Accueil"]),
        (english_page().encode("utf-8"), None,  # metadata from JSON-LD, page as bytes
         ("Libraries lend language models on USB sticks", "Dana Whitfield", "2026-02-03", "en"),
         ENGLISH_PARAGRAPHS, [BOILERPLATE_EN, "All rights reserved", "Sport"]),
    ],
    ids=["french", "english"],
)
def test_it_extracts_an_article_with_its_metadata(page, url, metadata, paragraphs, boilerplate):
    found = extract(page, url)
    assert isinstance(found, Extraction)
    assert (found.title, found.author, found.date, found.language) == metadata
    for paragraph in paragraphs:
        assert paragraph in found.text
    for junk in boilerplate:
        assert junk not in found.text


def test_it_guesses_the_language_when_the_page_declares_none():
    assert extract(french_page(declare_language=False)).language == "fr"


def test_it_reads_the_language_from_meta_tags():
    page = french_page(declare_language=False).replace(
        "<head>", '<head><meta property="og:locale" content="de_DE">')
    assert declared_language(page) == "de"
    page = french_page(declare_language=False).replace(
        "<head>", '<head><meta http-equiv="Content-Language" content="it-IT, en">')
    assert declared_language(page) == "it"


def test_it_overrules_a_template_language_when_the_long_text_says_otherwise():
    assert extract(french_page().replace('lang="fr-FR"', 'lang="en-US"')).language == "fr"


def test_it_trusts_the_declared_language_on_a_short_text():
    short = "<p>Deux phrases en français, guère plus.</p><p>Le reste manque.</p>"
    assert detect_language(f'<html lang="en"><body>{short}</body></html>', "Deux phrases en français.") == "en"
    assert detect_language(f"<html><body>{short}</body></html>", "x") is None


def test_it_reads_a_page_in_a_legacy_charset():
    found = extract(french_page().replace('charset="utf-8"', 'charset="windows-1252"').encode("cp1252"))
    assert FRENCH_PARAGRAPHS[0] in found.text


def test_it_keeps_one_paragraph_a_line():
    lines = extract(english_page()).text.splitlines()
    assert [line for line in lines if line in ENGLISH_PARAGRAPHS] == ENGLISH_PARAGRAPHS


def test_it_takes_the_second_opinion_when_the_first_text_is_far_too_short():
    page = french_page()
    short = FRENCH_PARAGRAPHS[0]
    recovered = main_text(page, short)
    for paragraph in FRENCH_PARAGRAPHS:
        assert paragraph in recovered


def test_it_keeps_the_first_text_when_it_is_long_enough():
    full = "\n".join(FRENCH_PARAGRAPHS)
    assert main_text(french_page(), full) == full


def test_it_is_a_frozen_record():
    found = extract(english_page())
    with pytest.raises(AttributeError):
        found.title = "changed"


# --- hostile input -----------------------------------------------------------------


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "PNG image"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF document"),
        (gzip.compress(french_page().encode()), "gzip"),
        (b"<html>\x00\x00\x00\x01\x02<body>", "NUL"),
        (bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15]) * 100, "control bytes"),
    ],
)
def test_it_refuses_binary_content(data, reason):
    with pytest.raises(ExtractionError, match="binary content") as refused:
        extract(data)
    assert reason in str(refused.value)


@pytest.mark.parametrize("data", [b"", "", "   \n\t  ", b"\n\n"])
def test_it_refuses_an_empty_page(data):
    with pytest.raises(ExtractionError, match="empty page"):
        extract(data)


def test_it_refuses_a_page_over_the_size_limit():
    page = french_page()
    with pytest.raises(ExtractionError, match=r"page too large: \d+ bytes, over the 1000-byte limit"):
        extract(page, max_bytes=1000)
    assert extract(page, max_bytes=len(page.encode()) + 1).text


def test_it_refuses_a_giant_page_at_the_default_limit():
    giant = "<html><body>" + "<p>mot </p>" * 600_000 + "</body></html>"
    with pytest.raises(ExtractionError, match="page too large"):
        extract(giant)


def test_it_refuses_text_that_is_not_html():
    with pytest.raises(ExtractionError, match="not HTML"):
        extract("Just a sentence, and no markup at all, so nothing to extract from.")


def test_it_refuses_a_page_without_article_text():
    with pytest.raises(ExtractionError, match="no article text"):
        extract("<html><head><title>Vide</title><style>p {color: red}</style></head>"
                "<body><div id='app'></div><script>render('app')</script></body></html>")


def test_it_reads_the_text_of_malformed_html():
    sentence = "Cette phrase appartient à un article dont les balises ne sont jamais fermées correctement."
    broken = ("<html><head><title>Cassé</title><body><div><p>" + sentence + " <b>Gras <i>italique <p>"
              + (sentence + " ") * 6 + "<table><tr><td>cellule</div></span></html></html>")
    assert sentence in extract(broken).text


@pytest.mark.parametrize(
    "junk",
    ["<<<>>><html<body>>", "<html><body><p>&#xD800;&#0; &bogus; <!-- unterminated comment", "<![CDATA[ <p>x"],
)
def test_it_gives_a_result_or_a_clear_error_on_junk_markup(junk):
    try:
        found = extract(junk)
    except ExtractionError as error:
        assert str(error)
    else:
        assert isinstance(found.text, str)


def test_it_refuses_deeply_nested_html_quickly():
    paragraph = "<p>" + FRENCH_PARAGRAPHS[0] + "</p>"
    depth = 50_000
    with pytest.raises(ExtractionError, match=f"nested too deeply: over {MAX_DEPTH} levels"):
        extract("<html><body>" + "<div>" * depth + paragraph + "</div>" * depth + "</body></html>")


def test_it_counts_nesting_without_void_or_optional_end_tags():
    assert nesting_depth("<div><section><p>a<p>b<br><img src=x><li>c</section></div>", 100) == 2
    assert nesting_depth("<div></div>" * 1000, 100) == 1
    assert nesting_depth("<span>" * 10 + "</span>" * 10, 100) == 10


def test_it_leaves_the_headline_out_of_the_text_when_it_repeats_the_title():
    found = extract(french_page())
    assert found.text.splitlines() == FRENCH_PARAGRAPHS


def test_it_keeps_a_first_line_that_is_not_the_title():
    page = english_page().replace("<h1>Libraries lend language models on USB sticks</h1>", "<h2>Lending AI</h2>")
    assert extract(page).text.splitlines()[0] == "Lending AI"


def test_it_takes_no_date_rather_than_the_copyright_year():
    undated = english_page().replace('"datePublished": "2026-02-03T14:30:00-05:00"', '"genre": "news"')
    undated = undated.replace(" · February 3, 2026", "")
    assert "Copyright 2026" in undated
    assert extract(undated).date is None
    assert extract(undated, "https://ledger.example/2025/11/07/usb-sticks").date == "2025-11-07"


def test_it_keeps_a_first_of_january_that_the_markup_states():
    new_year = english_page().replace("2026-02-03T14:30:00-05:00", "2026-01-01T09:00:00-05:00")
    assert extract(new_year).date == "2026-01-01"


@pytest.mark.parametrize("codec", ["utf-16", "utf-32", "utf-8-sig"])
def test_it_reads_a_page_with_a_byte_order_mark(codec):
    found = extract(english_page().encode(codec))
    assert found.text.splitlines() == ENGLISH_PARAGRAPHS


def test_it_refuses_broken_text_after_a_byte_order_mark():
    with pytest.raises(ExtractionError, match="invalid utf-16 text"):
        extract(b"\xff\xfe<\x00h\x00\x00\xd8")


@pytest.mark.parametrize(
    "title",
    ["Libraries lend language models on USB sticks - The Midwest Ledger",
     "The Midwest Ledger | Libraries lend language models on USB sticks"],
)
def test_it_recognises_the_headline_inside_a_title_with_the_site_name(title):
    assert without_headline("Libraries lend language models on USB sticks\nBody.", title) == "Body."


def test_it_keeps_a_short_first_line_that_only_begins_the_title():
    assert without_headline("Libraries\nBody.", "Libraries lend language models") == "Libraries\nBody."


def test_it_does_not_expand_entities_declared_by_the_page():
    laughs = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    bomb = (f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY l0 "ha">{laughs}]>'
            "<html><body><article><p>" + FRENCH_PARAGRAPHS[0] + " &l9;</p></article></body></html>")
    try:
        found = extract(bomb)
    except ExtractionError as error:
        assert str(error)
    else:
        assert len(found.text) < 10_000
        assert "hahaha" not in found.text


def test_it_does_not_count_self_closing_svg_shapes_as_nesting():
    svg = "<svg>" + '<path d="M0 0"/>' * (MAX_DEPTH + 10) + "</svg>"
    assert nesting_depth(svg, MAX_DEPTH) == 1
