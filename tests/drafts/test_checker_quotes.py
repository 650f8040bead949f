"""The checker on quotations: exact, normalised, with an ellipsis, fabricated, altered, translated."""

from __future__ import annotations

import pytest

from .checker_helpers import finding, findings

FR = ("« Nous restons un laboratoire de recherche indépendant », a déclaré David Holz. Il ajoute : "
      "« L'entraînement d'un modèle ne justifie pas de garder indéfiniment la voix des personnes. »")
EN = ('"We are not taking water from people, we are taking it from a river that has plenty," said '
      "Claire Maturin.")


@pytest.mark.parametrize("draft,quote,reason", [
    ("Holz l'assure : « Nous restons un laboratoire de recherche indépendant ».",
     "Nous restons un laboratoire de recherche indépendant", "exact"),
    ("Holz l'assure : « nous restons un laboratoire de recherche indépendant ».",
     "nous restons un laboratoire de recherche indépendant", "normalised"),  # case
    ("Holz l'assure : “Nous restons un laboratoire de recherche independant.”",
     "Nous restons un laboratoire de recherche independant.", "normalised"),  # accents, curly quotes, full stop
    ('Holz l\'assure : "Nous  restons un\nlaboratoire de recherche indépendant".',
     "Nous  restons un\nlaboratoire de recherche indépendant", "exact"),  # whitespace, straight quotes
    ("Il dit : « L’entraînement d’un modèle ne justifie pas […] la voix des personnes ».",
     "L’entraînement d’un modèle ne justifie pas […] la voix des personnes", "ellipsis"),
    ("Il dit : « L'entraînement d'un modèle… la voix des personnes ».",
     "L'entraînement d'un modèle… la voix des personnes", "ellipsis"),
])
def test_it_supports_a_quotation_a_source_holds(draft, quote, reason):
    found = finding(draft, FR, kind="quote", text=quote)
    assert found.status == "supported"
    assert found.reason == reason
    assert "laboratoire" in found.snippet or "entraînement" in found.snippet


def test_it_matches_an_english_quotation_in_an_english_source():
    found = finding("« We are not taking water from people », assure Claire Maturin.", EN, kind="quote",
                    text="We are not taking water from people")
    assert found.status == "supported" and found.source == "source-1"


def test_it_leaves_a_fabricated_quotation_unsupported():
    found = finding("Holz promet : « Nous ne serons jamais rachetés par un géant ».", FR, kind="quote",
                    text="Nous ne serons jamais rachetés par un géant")
    assert (found.status, found.source, found.snippet, found.reason) == ("unsupported", None, None, "not_found")


def test_it_contradicts_an_altered_quotation_and_shows_the_real_words():
    found = finding("Holz assure : « Nous restons un laboratoire de recherche rentable ».", FR, kind="quote",
                    text="Nous restons un laboratoire de recherche rentable")
    assert found.status == "contradicted" and found.reason == "misquoted"
    assert "indépendant" in found.snippet


def test_it_keeps_the_pieces_of_an_ellipsis_in_order():
    found = finding("Il dit : « la voix des personnes […] L'entraînement d'un modèle ».", FR, kind="quote",
                    text="la voix des personnes […] L'entraînement d'un modèle")
    assert found.status != "supported"


@pytest.mark.parametrize("draft", [
    "Maturin assure : « Nous ne prenons pas l'eau des gens » (traduit).",
    "Maturin assure, selon une traduction : « Nous ne prenons pas l'eau des gens ».",
    "« Nous ne prenons pas l'eau des gens », assure Maturin (traduction de la rédaction).",
])
def test_it_leaves_a_translated_quotation_to_the_editor_when_the_draft_says_so(draft):
    found = finding(draft, EN, kind="quote", text="Nous ne prenons pas l'eau des gens")
    assert found.status == "unsupported"  # never supported by itself: the editor accepts it
    assert found.reason == "translated" and found.needs_acceptance
    assert found.source is None and found.snippet is None


def test_it_treats_an_unannounced_translation_as_unsupported():
    found = finding("Maturin assure : « Nous ne prenons pas l'eau des gens ».", EN, kind="quote",
                    text="Nous ne prenons pas l'eau des gens")
    assert found.status == "unsupported" and found.reason == "not_found"


def test_it_finds_every_quotation_of_a_draft():
    draft = "« Un » puis “deux mots” et \"trois mots ici\", mais pas l'apostrophe d'un mot."
    assert [f.text for f in findings(draft, FR, kind="quote")] == ["Un", "deux mots", "trois mots ici"]
