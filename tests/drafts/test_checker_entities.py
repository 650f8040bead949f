"""The checker on names: people, companies, products, in French and English, and their variants."""

from __future__ import annotations

import pytest

from .checker_helpers import finding, findings

SOURCE = ("Google a publié un rapport sur Gemini. Meta a versé 14,3 milliards à Scale AI, selon Alexandr Wang. "
          "Le modèle NanoBanana et GPT-5 d'OpenAI sont comparés. La CNIL enquête. Open-Source Robotics "
          "travaille avec Hugging Face. L'Agence française de l'électricité publie ses chiffres.")


def names(draft: str, *texts: str) -> dict[str, str]:
    return {f.text: f.status for f in findings(draft, *texts, kind="entity")}


def test_it_finds_people_companies_products_acronyms_and_names_with_digits():
    draft = ("Selon Alexandr Wang, Meta mise sur Scale AI. Le modèle NanoBanana affronte GPT-5 d'OpenAI, "
             "sous l'œil de la CNIL.")
    assert names(draft, SOURCE) == {"Alexandr Wang": "supported", "Meta": "supported", "Scale AI": "supported",
                                    "NanoBanana": "supported", "GPT-5": "supported", "OpenAI": "supported",
                                    "CNIL": "supported"}


def test_it_does_not_take_capitalised_common_words_at_the_start_of_a_sentence_for_names():
    draft = ("Reste à savoir. Cette annonce change tout. Objectif : rassurer. Pourtant Google insiste. "
             "Meanwhile, researchers disagree. Instead Google waits.")
    assert names(draft, SOURCE) == {"Google": "supported"}


def test_it_takes_a_name_at_the_start_of_a_sentence_when_it_is_one():
    assert names("Gemini consomme peu. Zuckerberg paie.", SOURCE) == {"Gemini": "supported",
                                                                     "Zuckerberg": "unsupported"}


@pytest.mark.parametrize("draft,name", [
    ("Le rapport de google est sorti, dit-on chez GOOGLE.", "GOOGLE"),  # case
    ("Les chiffres de Google's report.", "Google"),  # possessive
    ("Le dernier modèle d'OpenAI.", "OpenAI"),  # elision
    ("Le travail d'Open Source Robotics.", "Open Source Robotics"),  # hyphenation
    ("Le travail de OpenSource Robotics.", "OpenSource Robotics"),
    ("Face à HuggingFace, rien.", "HuggingFace"),
    ("Le cas de Nano-Banana.", "Nano-Banana"),
    ("La version GPT 5 sort.", "GPT 5"),  # a version number, not a figure
    ("L'agence parle de l'Electricite.", "Electricite"),  # accents
])
def test_it_supports_close_variants_of_a_name(draft, name):
    found = finding(draft, SOURCE, kind="entity", text=name)
    assert found.status == "supported", found


def test_it_leaves_a_name_no_source_writes_unsupported():
    found = finding("Le partenaire est Anthropic, selon Sam Altman.", SOURCE, kind="entity", text="Sam Altman")
    assert (found.status, found.source, found.snippet) == ("unsupported", None, None)
    assert finding("Le partenaire est Anthropic.", SOURCE, kind="entity", text="Anthropic").status == "unsupported"


def test_it_reads_names_in_an_english_draft_against_a_french_source():
    draft = "Meta paid Scale AI, Alexandr Wang said. The French regulator CNIL is watching. Monday is quiet."
    assert names(draft, SOURCE) == {"Meta": "supported", "Scale AI": "supported", "Alexandr Wang": "supported",
                                    "CNIL": "supported"}


def test_it_knows_french_and_english_names_of_places():
    source = "Data centres in Ireland already use 21% of all electricity, and Germany plans more."
    assert names("En Irlande, ils utilisent 21 % de l'électricité ; l'Allemagne suit.", source) == {
        "Irlande": "supported", "Allemagne": "supported"}


def test_it_never_takes_units_months_or_generic_acronyms_for_names():
    draft = "En mars, l'IA a consommé 2 TWh et émis 3 tCO2e, selon le PDG. Sauf que.\n\nEnjeux et perspectives\n"
    assert names(draft, SOURCE) == {}


def test_it_keeps_a_capitalised_article_inside_a_name_and_skips_centuries():
    source = "Dans un entretien au Monde, le patron de La Poste parle. Au XXe siècle, tout était différent."
    assert names("Selon Le Monde, La Poste investit, comme au XXe siècle. I think U.S. regulators agree.",
                 source) == {"Le Monde": "supported", "La Poste": "supported"}


def test_it_does_not_read_a_title_case_headline_as_names():
    source = "Meta trained Llama on public posts, the company said. Regulators in Brussels are watching."
    draft = "Voice Data, Fine Print: How Meta Trained Llama\n\nRegulators in Brussels are watching Meta."
    assert names(draft, source) == {"Meta": "supported", "Llama": "supported", "Regulators": "supported",
                                    "Brussels": "supported"}


def test_it_never_glues_ordinary_words_of_a_source_into_a_name():
    source = "Le groupe met à jour ses chiffres. Open AI et Banque de France publient."
    assert names("Meta publie. OpenAI aussi, comme la BanqueDeFrance.", source) == {
        "Meta": "unsupported", "OpenAI": "supported", "BanqueDeFrance": "supported"}
