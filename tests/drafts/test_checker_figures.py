"""The checker on figures: number forms and scales in French and English, units, slips, rounding, derived."""

from __future__ import annotations

import pytest

from .checker_helpers import finding, findings

FR_SOURCE = ("Une requête consomme 0,24 Wh d'énergie et émet 0,03 gCO2e. Le centre utilise 1,2 milliard de "
             "litres d'eau par an. OpenAI a levé 14,3 milliards de dollars. Le site compte 10 000 serveurs. "
             "La part du charbon atteint 40 % du mix.")
EN_SOURCE = ("A prompt uses 0.24 watt-hours of energy and emits 0.03 grams of CO2e. The campus draws 1.2 billion "
             "litres of water a year. OpenAI raised $14.3 billion. The site has 10,000 servers. Coal makes up "
             "40% of the mix.")


@pytest.mark.parametrize("source", [FR_SOURCE, EN_SOURCE], ids=["fr-source", "en-source"])
@pytest.mark.parametrize("draft,figure", [
    ("Une requête consomme 0,24 Wh.", "0,24 Wh"),
    ("A prompt uses 0.24 Wh.", "0.24 Wh"),
    ("Une requête consomme 0,24 wattheure.", "0,24 wattheure"),
    ("Une requête consomme 0,00024 kWh.", "0,00024 kWh"),
    ("Elle émet 0,03 g de CO2e.", "0,03 g de CO2e"),
    ("It emits 0.00003 kgCO2e.", "0.00003 kgCO2e"),
    ("Le centre utilise 1,2 milliard de litres d'eau.", "1,2 milliard de litres"),
    ("Le centre utilise 1 200 millions de litres d'eau.", "1 200 millions de litres"),
    ("The campus draws 1.2bn litres of water.", "1.2bn litres"),
    ("OpenAI a levé 14,3 milliards de dollars.", "14,3 milliards de dollars"),
    ("OpenAI a levé 14,3 Md$.", "14,3 Md$"),
    ("OpenAI raised $14.3bn.", "$14.3bn"),
    ("Le site compte 10 000 serveurs.", "10 000"),
    ("Le site compte 10\u202f000 serveurs.", "10\u202f000"),
    ("Le site compte 10\u00a0000 serveurs.", "10\u00a0000"),
    ("Le site compte 10000 serveurs.", "10000"),
    ("The site has 10,000 servers.", "10,000"),
    ("Le charbon pèse 40 % du mix.", "40 %"),
    ("Le charbon pèse 40 pour cent du mix.", "40 pour cent"),
    ("Coal is 40% of the mix.", "40%"),
])
def test_it_supports_a_figure_in_any_french_or_english_form(source, draft, figure):
    found = finding(draft, source, kind="figure", text=figure)
    assert found.status == "supported", found.explanation
    assert found.source == "source-1"
    assert found.snippet and found.snippet in " ".join(source.split())


def test_it_reads_the_french_billion_as_a_thousand_milliards():
    found = finding("Le marché pèse 1,2 billion d'euros.", "Le marché pèse 1,2 milliard d'euros.",
                    kind="figure", text="1,2 billion d'euros")
    assert found.status == "contradicted" and found.reason == "scale_slip"


@pytest.mark.parametrize("draft,figure,written", [
    ("Une requête utilise 0,26 mm d'eau.", "0,26 mm", "0,26 mL"),  # the classic slip: mm for mL
    ("Une requête consomme 0,24 kWh.", "0,24 kWh", "0,24 Wh"),
    ("Le centre émet 3 kg de CO2e par jour.", "3 kg de CO2e par jour", "3 gCO2e"),
])
def test_it_flags_a_unit_slip_and_never_accepts_it(draft, figure, written):
    source = "Une requête utilise 0,26 mL d'eau et 0,24 Wh. Le centre émet 3 gCO2e par jour."
    found = finding(draft, source, kind="figure", text=figure)
    assert found.status == "contradicted"
    assert found.reason == "unit_slip"
    assert written in found.snippet
    assert figure.split()[0] in found.explanation and "glissement d'unité" in found.explanation


@pytest.mark.parametrize("draft,figure", [
    ("Meta a versé 14,3 millions de dollars.", "14,3 millions de dollars"),
    ("Meta paid $14.3 million.", "$14.3 million"),
])
def test_it_flags_a_scale_slip(draft, figure):
    found = finding(draft, "Meta a versé 14,3 milliards de dollars à Scale AI.", kind="figure", text=figure)
    assert found.status == "contradicted" and found.reason == "scale_slip"


def test_it_contradicts_another_value_for_the_same_quantity():
    found = finding("Le centre consommera 1,5 milliard de litres d'eau par an.",
                    "Le centre consommera 1,2 milliard de litres d'eau par an.", kind="figure",
                    text="1,5 milliard de litres")
    assert found.status == "contradicted" and found.reason == "different"
    assert "1,2 milliard" in found.snippet


def test_it_leaves_a_figure_no_source_gives_unsupported_with_no_source():
    found = finding("Le centre emploie 85 ingénieurs.", "Le centre consomme 120 MW.", kind="figure", text="85")
    assert (found.status, found.source, found.snippet) == ("unsupported", None, None)


@pytest.mark.parametrize("draft,figure,status", [
    ("Le modèle obtient 82 % au test.", "82 %", "supported"),  # 82,5 written as 82: within ±0,5
    ("Le modèle obtient 83 % au test.", "83 %", "supported"),
    ("Le modèle obtient 84 % au test.", "84 %", "rejected"),  # outside the bound (2 % of 84 would allow it)
    ("Le modèle obtient 82,4 % au test.", "82,4 %", "rejected"),  # more precise than the source: no rounding
    ("L'entraînement a coûté 5 millions d'euros.", "5 millions d'euros", "supported"),  # 4,87 → 5
    ("L'entraînement a coûté 4,9 millions d'euros.", "4,9 millions d'euros", "supported"),
    ("L'entraînement a coûté 4,7 millions d'euros.", "4,7 millions d'euros", "rejected"),
    ("L'entraînement a coûté environ 4,5 millions d'euros.", "4,5 millions d'euros", "supported"),  # « environ »: 10 %
])
def test_it_allows_rounding_within_the_drafts_stated_precision(draft, figure, status):
    source = "Le modèle obtient 82,5 % au test. L'entraînement a coûté 4,87 millions d'euros."
    found = finding(draft, source, kind="figure", text=figure)
    if status == "rejected":
        assert found.status in ("unsupported", "contradicted"), found.explanation
        return
    assert found.status == status, found.explanation
    if found.reason == "rounded":
        assert "arrondi admis" in found.explanation


def test_it_supports_a_derived_figure_only_by_showing_the_computation():
    source = "Le modèle obtient 82,5 % au test, contre 71,3 % pour la version précédente du modèle au test."
    found = finding("Le modèle gagne 11,2 points de pourcentage au test.", source, kind="figure",
                    text="11,2 points de pourcentage")
    assert found.status == "supported" and found.reason == "derived"
    assert "82,5 % − 71,3 % = 11.2 points" in found.explanation
    assert "82,5 % − 71,3 %" in found.snippet


def test_it_shows_a_ratio_and_a_difference_of_two_sourced_figures():
    source = ("L'API coûte 0,40 dollar par million de jetons, contre 2,50 dollars chez les grands laboratoires. "
              "Les centres de données ont consommé 10 TWh en 2025 et consommeront 23 TWh en 2030.")
    ratio = finding("L'API coûte six fois moins que chez les grands laboratoires.", source, kind="figure",
                    text="six fois moins")
    assert ratio.status == "supported" and "0,40 dollar / 2,50 dollars" in ratio.explanation
    difference = finding("Les centres de données consommeront 13 TWh de plus.", source, kind="figure",
                         text="13 TWh")
    assert difference.status == "supported" and "23 TWh − 10 TWh = 13 TWh" in difference.explanation


def test_it_does_not_derive_a_figure_that_no_pair_computes():
    source = "Les centres de données ont consommé 10 TWh en 2025 et consommeront 23 TWh en 2030."
    found = finding("Les centres de données consommeront 17 TWh de plus.", source, kind="figure", text="17 TWh")
    assert found.status != "supported" and found.reason != "derived"


def test_it_checks_dates_in_both_languages():
    assert finding("La règle s'applique le 1er mai 2026.", "The rule takes effect on May 1, 2026.",
                   kind="figure", text="1er mai 2026").status == "supported"
    assert finding("La règle s'applique le 2 mai 2026.", "The rule takes effect on May 1, 2026.",
                   kind="figure", text="2 mai 2026").status == "unsupported"


def test_it_ignores_the_figures_of_urls_and_the_list_of_sources():
    draft = "Une requête consomme 0,24 Wh.\n\nSources\n- Rapport 2025 — https://example.org/2024/rapport-42\n"
    texts = [f.text for f in findings(draft, "Une requête consomme 0,24 Wh.", kind="figure")]
    assert texts == ["0,24 Wh"]


def test_it_does_not_take_a_bare_number_for_a_figure_with_a_unit_the_sources_write():
    source = "L'accord couvre 40 pays. Le charbon pèse 25 % du mix."
    assert finding("Le charbon pèse 40 % du mix.", source, kind="figure", text="40 %").status != "supported"
    assert finding("Il couvre 40 pays.", source, kind="figure", text="40").status == "supported"


def test_it_contradicts_a_value_taken_from_another_sentence_of_the_source():
    source = ("Evaporative cooling accounts for 70 % of the water volume of the site. "
              "A closed-loop system will cut the total consumption by 35 %.")
    found = finding("Evaporative cooling accounts for 35 % of the water volume of the site.", source,
                    kind="figure", text="35 %")
    assert found.status == "contradicted" and found.reason == "different"
    assert "70 %" in found.snippet
    kept = finding("A closed-loop system will cut the total consumption by 35 %.", source, kind="figure",
                   text="35 %")
    assert kept.status == "supported"
