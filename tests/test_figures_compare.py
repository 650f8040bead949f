"""Comparing figures and finding disagreements between sources (demain.lib.figures): pure tests."""

import pytest

from demain.lib.figures import best_match, compare, derivations, disagreements, find_figures, same_quantity

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


def test_it_compares_rates():
    assert compare(fig("2 TWh par an"), fig("5,5 GWh par jour")).status == "rounded"
    assert compare(fig("500 gCO2e/kWh"), fig("0,5 kgCO2e/kWh")).status == "same"
    result = compare(fig("500 gCO2e/kWh"), fig("500 gCO2e"))
    assert result.agrees and "one side" in result.detail
    assert compare(fig("500 gCO2e/kWh"), fig("500 gCO2e/MWh")).status == "unit_slip"
    assert compare(fig("500 gCO2e/kWh"), fig("12 gCO2e par an")).status == "incomparable"
    assert compare(fig("1,2 milliard de litres par an"), fig("1.5 billion litres", "en")).status == "different"


def test_it_compares_dates():
    march = find_figures("Le 12 mars 2025.", "fr")[0]
    english = find_figures("On March 12, 2025.", "en")[0]
    year = find_figures("En 2025, rien.", "fr")[0]
    other = find_figures("Le 13 mars 2025.", "fr")[0]
    assert compare(march, english).status == "same"
    assert compare(march, year).status == "rounded"
    assert compare(march, other).status == "different"
    no_year = find_figures("Le 12 mars, rien.", "fr")[0]
    assert compare(no_year, english).status == "rounded"
    assert compare(no_year, other).status == "different"


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
        assert {d.a.number * d.a.scale, d.b.number * d.b.scale} == {1.2e9, 1.5e9}
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


def test_it_does_not_pair_shares_of_different_things():
    found = disagreements(by_source(
        a="Selon le MIT, 95 % des projets d'IA générative en entreprise échouent.",
        b="Selon le MIT, seuls 5 % ont un impact financier sur les projets d'IA générative en entreprise.",
        c="Selon le MIT, 40 % des salariés utilisent l'IA générative en entreprise.",
    ))
    assert found == []


def test_it_pairs_percentages_about_the_same_noun():
    found = disagreements(by_source(
        a="L'action Teleperformance a chuté de 35 % de sa valeur en une semaine.",
        b="Teleperformance stock lost 25% of its value in a week.",
    ))
    assert [(d.a.text, d.b.text) for d in found] == [("35 %", "25%")]


SOURCES = ("Une requête émet 1,14 gCO2e selon Mistral, contre 0,03 gCO2e selon Google. "
           "Le taux passe de 5 % à 7,5 %. La puissance passe de 120 MW à 150 MW.")


@pytest.mark.parametrize(
    "draft,computation",
    [
        ("38 fois plus", "1,14 gCO2e / 0,03 gCO2e = 38"),
        ("2,5 points de pourcentage", "7,5 % − 5 % = 2.5 points"),
        ("50 %", "(7,5 % − 5 %) / 5 % = 50 %"),
        ("25 %", "(150 MW − 120 MW) / 120 MW = 25 %"),
        ("30 MW", "150 MW − 120 MW = 30 MW"),
        ("270 MW", "120 MW + 150 MW = 270 MW"),
    ],
)
def test_it_shows_how_a_derived_figure_is_computed(draft, computation):
    found = derivations(fig(draft), find_figures(SOURCES, "fr"))
    assert computation in [d.text for d in found]


@pytest.mark.parametrize("draft", ["cinquante fois plus", "4 points de pourcentage", "40 MW", "12 %"])
def test_it_finds_no_computation_for_an_unsupported_figure(draft):
    assert derivations(fig(draft), find_figures(SOURCES, "fr")) == []


def test_it_lets_a_claim_round_its_source_but_not_the_reverse():
    source, draft = fig("4,87 kWh"), fig("5 kWh")
    assert compare(draft, source, directed=True).status == "rounded"
    assert compare(source, draft, directed=True).status == "different"
    assert compare(source, draft).status == "rounded"  # symmetric: either may have rounded


def test_it_prefers_support_with_the_same_unit():
    sources = find_figures("Le n° 5 du classement coûte 5 dollars et gagne 5 % par an.", "fr")
    match, result = best_match(fig("5 euros"), sources)
    assert (match.text, result.status) == ("5 dollars", "unit_slip")
    match, result = best_match(fig("5 points de pourcentage"), sources)
    assert (match.text, result.status) == ("5 %", "unit_slip")
    match, result = best_match(fig("5 %"), sources)
    assert (match.text, result.status) == ("5 %", "same")
    match, result = best_match(fig("14,3 milliards"), find_figures("Un chiffre de 14,3 milliards d'euros.", "fr"))
    assert result.agrees and match.unit == "EUR"  # the draft leaves the unit implicit


def test_it_matches_a_fraction_with_its_percentage():
    assert compare(fig("un tiers des projets"), fig("33 % des projets")).agrees
    assert compare(fig("a fifth of its demand", "en"), fig("20 % de sa demande")).agrees
    assert not compare(fig("un tiers des projets"), fig("40 % des projets")).agrees
