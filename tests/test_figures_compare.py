"""Comparing figures and finding disagreements between sources (demain.lib.figures): pure tests."""

import pytest

from demain.lib.figures import best_match, compare, disagreements, find_figures, same_quantity

from .dedupe_samples import EN_A, EN_B, FR_A, FR_B


def fig(text, lang="fr"):
    figures = [f for f in find_figures(text, lang) if f.kind != "date"]
    assert len(figures) == 1, [f.text for f in figures]
    return figures[0]


SAME = [
    # one value, written differently: French and English, separators, scales, units
    ("14,3 milliards d'euros", "fr", "€14.3 billion", "en"),
    ("14,3 milliards d'euros", "fr", "14,3 Md€", "fr"),
    ("0,24 Wh", "fr", "0.24 watt-hours", "en"),
    ("0,24 Wh", "fr", "240 mWh", "fr"),
    ("1,2 TWh", "fr", "1 200 GWh", "fr"),
    ("10 000 foyers", "fr", "10,000 homes", "en"),
    ("10\u202f000 foyers", "fr", "10\u00a0000 foyers", "fr"),
    ("1,14 gCO2e", "fr", "1.14 g CO2e", "en"),
    ("3,5 tCO2e", "fr", "3 500 kgCO2e", "fr"),
    ("500 mL", "fr", "0,5 L", "fr"),
    ("40 %", "fr", "40 percent", "en"),
    ("3 millions d'utilisateurs", "fr", "3M users", "en"),
    ("un milliard de dollars", "fr", "$1bn", "en"),
    ("cinquante fois plus", "fr", "50x more", "en"),
    ("1,5 GW", "fr", "1 500 MW", "fr"),
    ("3 600 J", "fr", "1 Wh", "fr"),
]


@pytest.mark.parametrize("a,lang_a,b,lang_b", SAME, ids=[f"{s[0]} = {s[2]}" for s in SAME])
def test_it_finds_the_same_value_in_other_formats(a, lang_a, b, lang_b):
    result = compare(fig(a, lang_a), fig(b, lang_b))
    assert result.agrees, result
    assert same_quantity(fig(b, lang_b), fig(a, lang_a))


ROUNDED = [
    ("1,2 milliard de litres", "1,24 milliard de litres"),  # within the precision of « 1,2 »
    ("0,24 Wh", "0,2412 Wh"),
    ("90 000 foyers", "92 000 foyers"),  # a round figure: ± 5 %
    ("environ 40 %", "43 %"),  # « environ »: ± 10 %
    ("plus de 10 000 foyers", "12 000 foyers"),  # a lower bound
    ("jusqu'à 40 GPU", "32 GPU"),  # an upper bound
]


@pytest.mark.parametrize("a,b", ROUNDED, ids=[f"{a} ~ {b}" for a, b in ROUNDED])
def test_it_allows_rounding_within_the_tolerance(a, b):
    result = compare(fig(a), fig(b))
    assert result.status == "rounded", result


DIFFERENT = [
    ("1,2 milliard de litres", "1,5 milliard de litres"),
    ("0,24 Wh", "0,3 Wh"),
    ("1,14 gCO2e", "0,18 gCO2e"),
    ("90 000 foyers", "120 000 foyers"),
    ("40 %", "45 %"),
    ("plus de 10 000 foyers", "8 000 foyers"),
    ("cinquante fois plus", "trente fois plus"),
    ("3 fois plus", "3 fois moins"),
]


@pytest.mark.parametrize("a,b", DIFFERENT, ids=[f"{a} != {b}" for a, b in DIFFERENT])
def test_it_tells_different_values_apart(a, b):
    result = compare(fig(a), fig(b))
    assert result.status == "different", result
    assert not same_quantity(fig(a), fig(b))


SLIPS = [
    ("500 mL", "500 mm", "unit_slip"),
    ("12 kWh", "12 MWh", "unit_slip"),
    ("14,3 milliards d'euros", "14,3 milliards de dollars", "unit_slip"),
    ("3 %", "3 points de pourcentage", "unit_slip"),
    ("1,14 gCO2e", "1,14 kgCO2e", "unit_slip"),
    ("1,14 gCO2e", "1,14 g", "unit_slip"),  # CO2e is not a mass
    ("14,3 milliards d'euros", "14,3 millions d'euros", "scale_slip"),
    ("3 millions d'utilisateurs", "3 milliards d'utilisateurs", "scale_slip"),
]


@pytest.mark.parametrize("a,b,status", SLIPS, ids=[f"{a} / {b}" for a, b, _ in SLIPS])
def test_it_flags_unit_and_scale_slips(a, b, status):
    result = compare(fig(a), fig(b))
    assert result.status == status, result
    assert not result.agrees


def test_it_does_not_compare_unrelated_kinds():
    assert compare(fig("120 MW"), fig("45 litres")).status == "incomparable"
    date = find_figures("Le 12 mars 2025.", "fr")[0]
    assert compare(date, fig("12 %")).status == "incomparable"
    assert compare(fig("120 MW"), fig("120 litres")).status == "unit_slip"  # the same number: flagged


def test_it_compares_dates():
    march = find_figures("Le 12 mars 2025.", "fr")[0]
    english = find_figures("On March 12, 2025.", "en")[0]
    year = find_figures("En 2025, rien.", "fr")[0]
    other = find_figures("Le 13 mars 2025.", "fr")[0]
    assert compare(march, english).status == "same"
    assert compare(march, year).status == "rounded"
    assert compare(march, other).status == "different"


def test_it_finds_the_best_support_among_candidates():
    sources = find_figures("Le site consommera 120 MW et 1,2 milliard de litres d'eau pour 40 % de chaleur.", "fr")
    supported, result = best_match(fig("1.2 billion litres", "en"), sources)
    assert supported.text == "1,2 milliard de litres" and result.agrees
    contradicted, result = best_match(fig("1,5 milliard de litres"), sources)
    assert contradicted.text == "1,2 milliard de litres" and result.status == "different"
    slipped, result = best_match(fig("1,2 million de litres"), sources)
    assert slipped.text == "1,2 milliard de litres" and result.status == "scale_slip"
    nothing, result = best_match(fig("3 tonnes"), sources)
    assert nothing is None and result.status == "incomparable"


def by_source(**texts):
    return {name: find_figures(text) for name, text in texts.items()}


def test_it_finds_the_disagreement_between_sources_in_both_languages():
    found = disagreements(by_source(en_a=EN_A, en_b=EN_B, fr_a=FR_A, fr_b=FR_B))
    pairs = {(d.source_a, d.source_b) for d in found}
    assert pairs == {("en_a", "en_b"), ("en_a", "fr_b"), ("en_b", "fr_a"), ("fr_a", "fr_b")}
    for d in found:
        assert d.a.dimension == d.b.dimension == "volume"
        assert {d.a.value, d.b.value} == {1.2e9, 1.5e9}
        assert d.comparison.status == "different"
    # A and its French version, B and its French version agree on every figure
    assert disagreements(by_source(en_a=EN_A, fr_a=FR_A)) == []
    assert disagreements(by_source(en_b=EN_B, fr_b=FR_B)) == []


def test_it_finds_no_disagreement_on_one_value_written_differently():
    found = disagreements(by_source(
        a="Selon Google, une requête à Gemini consomme 0,24 Wh et émet 0,03 gCO2e.",
        b="Google says a Gemini query uses 0.24 watt-hours and emits 0.03 g CO2e.",
        c="D'après Google, chaque requête Gemini consomme 0,24\u202fWh.",
    ))
    assert found == []


def test_it_finds_a_disagreement_on_the_same_quantity():
    found = disagreements(by_source(
        a="Selon Google, une requête à Gemini consomme 0,24 Wh d'électricité.",
        b="Selon une étude, une requête à Gemini consomme en réalité 2,9 Wh d'électricité.",
    ))
    assert len(found) == 1
    d = found[0]
    assert (d.a.text, d.b.text, d.comparison.status) == ("0,24 Wh", "2,9 Wh", "different")
    assert {"gemini", "query", "electricity"} <= d.shared


def test_it_finds_no_disagreement_between_different_quantities():
    found = disagreements(by_source(
        a="Le campus compte 10 000 serveurs et consomme 120 MW.",
        b="La ville compte 90 000 foyers. Le réseau de chaleur fournit 40 MW aux logements et 25 MW à l'hôpital.",
    ))
    assert found == []


def test_it_does_not_report_a_source_that_gives_the_old_and_the_new_value():
    found = disagreements(by_source(
        a="La levée atteint 1,4 milliard de dollars.",
        b="La levée, d'abord annoncée à 1 milliard de dollars, atteint finalement 1,4 milliard de dollars.",
    ))
    assert found == []


def test_it_reports_a_scale_slip_between_sources():
    found = disagreements(by_source(
        a="La levée de fonds atteint 1,4 milliard de dollars.",
        b="La levée de fonds atteint 1,4 million de dollars.",
    ))
    assert [d.comparison.status for d in found] == ["scale_slip"]
