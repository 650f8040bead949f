"""The figure parser (demain.lib.figures.find_figures) on French and English forms: pure tests."""

import math

import pytest

from demain.lib.figures import find_figures, guess_lang


def one(text, lang):
    figures = find_figures(text, lang)
    assert len(figures) == 1, [f.text for f in figures]
    return figures[0]


def close(a, b):
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)


# (text, lang, span as written, kind, value in the base unit, unit, dimension)
FORMS = [
    # scales, French
    ("Le marché pèse 14,3 milliards d'euros.", "fr", "14,3 milliards d'euros", "money", 14.3e9, "EUR", "currency"),
    ("Il faudra 3 millions de GPU.", "fr", "3 millions", "number", 3e6, "", "number"),
    ("Un milliard de requêtes par jour.", "fr", "Un milliard", "number", 1e9, "", "number"),
    ("Deux millions de personnes l'utilisent.", "fr", "Deux millions", "number", 2e6, "", "number"),
    ("Quelque 5 mille abonnés.", "fr", "5 mille", "number", 5e3, "", "number"),
    ("Un budget de 14,3 Md€.", "fr", "14,3 Md€", "money", 14.3e9, "EUR", "currency"),
    ("Il a levé 1,5 M€.", "fr", "1,5 M€", "money", 1.5e6, "EUR", "currency"),
    ("Une prime de 5 k€.", "fr", "5 k€", "money", 5e3, "EUR", "currency"),
    ("La dette atteint 2 billions d'euros.", "fr", "2 billions d'euros", "money", 2e12, "EUR", "currency"),
    ("Un trillion de jetons.", "fr", "Un trillion de jetons", "quantity", 1e18, "tokens", "count"),
    # scales, English
    ("The company raised $14.3 billion.", "en", "$14.3 billion", "money", 14.3e9, "USD", "currency"),
    ("It lost €13bn.", "en", "€13bn", "money", 13e9, "EUR", "currency"),
    ("A US$2.5bn deal.", "en", "US$2.5bn", "money", 2.5e9, "USD", "currency"),
    ("Worth £200m.", "en", "£200m", "money", 200e6, "GBP", "currency"),
    ("A $1T valuation.", "en", "$1T", "money", 1e12, "USD", "currency"),
    ("It has 1.5M users.", "en", "1.5M", "number", 1.5e6, "", "number"),
    ("It has 10k stars.", "en", "10k", "number", 1e4, "", "number"),
    ("A billion queries.", "en", "A billion", "number", 1e9, "", "number"),
    ("Debt reached 2 trillion dollars.", "en", "2 trillion dollars", "money", 2e12, "USD", "currency"),
    ("Spending of 3 thousand dollars.", "en", "3 thousand dollars", "money", 3e3, "USD", "currency"),
    ("Paid USD 3 million.", "en", "USD 3 million", "money", 3e6, "USD", "currency"),
    # French billion in a French text that writes it the English way
    ("OpenAI a levé $14.3 billion.", "fr", "$14.3 billion", "money", 14.3e9, "USD", "currency"),
    # separators
    ("Plus de 10 000 foyers.", "fr", "10 000", "number", 1e4, "", "number"),
    ("Plus de 10\u00a0000 foyers.", "fr", "10\u00a0000", "number", 1e4, "", "number"),
    ("Plus de 10\u202f000 foyers.", "fr", "10\u202f000", "number", 1e4, "", "number"),
    ("Plus de 1\u202f234\u202f567,8 litres.", "fr", "1\u202f234\u202f567,8 litres", "quantity", 1234567.8, "L", "volume"),
    ("More than 10,000 homes.", "en", "10,000", "number", 1e4, "", "number"),
    ("About 1,000,000 GPUs.", "en", "1,000,000", "number", 1e6, "", "number"),
    ("Some 1,234.5 litres.", "en", "1,234.5 litres", "quantity", 1234.5, "L", "volume"),
    ("Quelque 1.234,5 litres.", "fr", "1.234,5 litres", "quantity", 1234.5, "L", "volume"),
    ("Un coût de 1,500 euro.", "fr", "1,500 euro", "money", 1.5, "EUR", "currency"),
    ("A cost of 1,500 euros.", "en", "1,500 euros", "money", 1500, "EUR", "currency"),
    # energy
    ("Une requête consomme 0,24 Wh.", "fr", "0,24 Wh", "quantity", 0.24, "Wh", "energy"),
    ("A query uses 0.24 watt-hours.", "en", "0.24 watt-hours", "quantity", 0.24, "Wh", "energy"),
    ("Une requête consomme 0,24\u202fWh.", "fr", "0,24\u202fWh", "quantity", 0.24, "Wh", "energy"),
    ("Une requête consomme 0,24Wh.", "fr", "0,24Wh", "quantity", 0.24, "Wh", "energy"),
    ("Il a fallu 12 kWh.", "fr", "12 kWh", "quantity", 12e3, "Wh", "energy"),
    ("Il a fallu 12 kilowattheures.", "fr", "12 kilowattheures", "quantity", 12e3, "Wh", "energy"),
    ("It took 12 kilowatt-hours.", "en", "12 kilowatt-hours", "quantity", 12e3, "Wh", "energy"),
    ("Training used 1,287 MWh.", "en", "1,287 MWh", "quantity", 1287e6, "Wh", "energy"),
    ("Le site consomme 300 GWh.", "fr", "300 GWh", "quantity", 300e9, "Wh", "energy"),
    ("Les centres consomment 415 TWh.", "fr", "415 TWh", "quantity", 415e12, "Wh", "energy"),
    ("Il faut 3 600 J.", "fr", "3 600 J", "quantity", 1.0, "Wh", "energy"),
    ("Il faut 7,2 MJ.", "fr", "7,2 MJ", "quantity", 2000.0, "Wh", "energy"),
    # power
    ("Un campus de 120 MW.", "fr", "120 MW", "quantity", 120e6, "W", "power"),
    ("Un campus de 1,5 GW.", "fr", "1,5 GW", "quantity", 1.5e9, "W", "power"),
    ("A 120 megawatts site.", "en", "120 megawatts", "quantity", 120e6, "W", "power"),
    ("Une puce de 700 W.", "fr", "700 W", "quantity", 700, "W", "power"),
    ("Une baie de 20 kW.", "fr", "20 kW", "quantity", 20e3, "W", "power"),
    # mass and CO2e
    ("Un serveur de 30 kg.", "fr", "30 kg", "quantity", 30e3, "g", "mass"),
    ("Il pèse 3 tonnes.", "fr", "3 tonnes", "quantity", 3e6, "g", "mass"),
    ("Il émet 1,14 gCO2e par requête.", "fr", "1,14 gCO2e", "quantity", 1.14, "gCO2e", "co2e"),
    ("It emits 1.14 gCO2eq per query.", "en", "1.14 gCO2eq", "quantity", 1.14, "gCO2e", "co2e"),
    ("Il émet 12 kg CO2e en tout.", "fr", "12 kg CO2e", "quantity", 12e3, "gCO2e", "co2e"),
    ("Il émet 3,5 tCO2e.", "fr", "3,5 tCO2e", "quantity", 3.5e6, "gCO2e", "co2e"),
    ("Soit 4 millions de tonnes de CO2.", "fr", "4 millions de tonnes de CO2", "quantity", 4e12, "gCO2e", "co2e"),
    ("Soit 500 tonnes d'équivalent CO2.", "fr", "500 tonnes d'équivalent CO2", "quantity", 5e8, "gCO2e", "co2e"),
    ("Some 500 metric tons of CO2 equivalent.", "en", "500 metric tons of CO2 equivalent", "quantity", 5e8, "gCO2e", "co2e"),
    # volume and length
    ("Une bouteille de 500 mL.", "fr", "500 mL", "quantity", 0.5, "L", "volume"),
    ("Un verre de 25 cL.", "fr", "25 cL", "quantity", 0.25, "L", "volume"),
    ("Il boit 2 L.", "fr", "2 L", "quantity", 2.0, "L", "volume"),
    ("Soit 1,2 milliard de litres.", "fr", "1,2 milliard de litres", "quantity", 1.2e9, "L", "volume"),
    ("Soit 1,2 million de mètres cubes.", "fr", "1,2 million de mètres cubes", "quantity", 1.2e9, "L", "volume"),
    ("It drew 3 m³.", "en", "3 m³", "quantity", 3e3, "L", "volume"),
    ("It drew 1.5 billion litres.", "en", "1.5 billion litres", "quantity", 1.5e9, "L", "volume"),
    ("Une pluie de 12 mm.", "fr", "12 mm", "quantity", 0.012, "m", "length"),
    # percent and points
    ("Une hausse de 40 %.", "fr", "40 %", "percent", 40, "%", "percent"),
    ("Une hausse de 40\u202f%.", "fr", "40\u202f%", "percent", 40, "%", "percent"),
    ("Up 25%.", "en", "25%", "percent", 25, "%", "percent"),
    ("Une hausse de 40 pour cent.", "fr", "40 pour cent", "percent", 40, "%", "percent"),
    ("Up 40 percent.", "en", "40 percent", "percent", 40, "%", "percent"),
    ("Up 12 per cent.", "en", "12 per cent", "percent", 12, "%", "percent"),
    ("Soit 2,5 points de pourcentage.", "fr", "2,5 points de pourcentage", "percent", 2.5, "pp", "points"),
    ("Up 3 percentage points.", "en", "3 percentage points", "percent", 3, "pp", "points"),
    # currency words and symbols
    ("Il coûte 20 €.", "fr", "20 €", "money", 20, "EUR", "currency"),
    ("Il coûte 20 euros.", "fr", "20 euros", "money", 20, "EUR", "currency"),
    ("Il coûte 50 dollars.", "fr", "50 dollars", "money", 50, "USD", "currency"),
    ("Il coûte 3 000 $.", "fr", "3 000 $", "money", 3000, "USD", "currency"),
    ("Il coûte 200 £.", "fr", "200 £", "money", 200, "GBP", "currency"),
    ("It costs EUR 20.", "en", "EUR 20", "money", 20, "EUR", "currency"),
    ("Il a levé 3,5 G€.", "fr", "3,5 G€", "money", 3.5e9, "EUR", "currency"),
    ("Il a levé 14 Md$.", "fr", "14 Md$", "money", 14e9, "USD", "currency"),
    ("Soit 12 millions de dollars américains.", "fr", "12 millions de dollars américains", "money", 12e6, "USD", "currency"),
    ("Soit 0,5 centime par requête.", "fr", "0,5 centime", "money", 0.005, "EUR", "currency"),
    ("It costs 40 cents.", "en", "40 cents", "money", 0.4, "USD", "currency"),
    ("It costs $0.002 per query.", "en", "$0.002", "money", 0.002, "USD", "currency"),
    # time
    ("Il a fallu 3 heures.", "fr", "3 heures", "quantity", 10800, "s", "time"),
    ("It took 20 minutes.", "en", "20 minutes", "quantity", 1200, "s", "time"),
    ("Il a 10 ans.", "fr", "10 ans", "quantity", 10 * 365.25 * 86400, "s", "time"),
    ("It took 2 days.", "en", "2 days", "quantity", 2 * 86400, "s", "time"),
    # counts
    ("Un modèle de 70 milliards de paramètres.", "fr", "70 milliards de paramètres", "quantity", 70e9, "parameters", "count"),
    ("A 70B parameters model.", "en", "70B parameters", "quantity", 70e9, "parameters", "count"),
    ("Trained on 15 trillion tokens.", "en", "15 trillion tokens", "quantity", 15e12, "tokens", "count"),
    ("Vu 15 000 milliards de tokens.", "fr", "15 000 milliards de tokens", "quantity", 15e12, "tokens", "count"),
    # temperature
    ("Un réchauffement de +1,5 °C.", "fr", "+1,5 °C", "quantity", 1.5, "°C", "temperature"),
    ("Il fait 40°C.", "fr", "40°C", "quantity", 40, "°C", "temperature"),
    ("Warming of 2 degrees.", "en", "2 degrees", "quantity", 2, "°C", "temperature"),
    ("It hit 104 °F.", "en", "104 °F", "quantity", 104, "°F", "temperature"),
    # data
    ("Il a 80 Go de mémoire.", "fr", "80 Go", "quantity", 80e9, "B", "data"),
    ("It has 1.8 TB.", "en", "1.8 TB", "quantity", 1.8e12, "B", "data"),
]


@pytest.mark.parametrize("text,lang,span,kind,value,unit,dimension", FORMS, ids=[f[0] for f in FORMS])
def test_it_reads_the_figure(text, lang, span, kind, value, unit, dimension):
    figure = one(text, lang)
    assert figure.text == span
    assert text[figure.start:figure.end] == span
    assert (figure.kind, figure.unit, figure.dimension) == (kind, unit, dimension)
    assert close(figure.value, value), figure.value


MULTIPLIERS = [
    ("L'IA consomme cinquante fois plus d'énergie.", "fr", "cinquante fois plus", 50, "more"),
    ("Trois fois moins d'eau.", "fr", "Trois fois moins", 3, "less"),
    ("Un modèle 10 fois plus gros.", "fr", "10 fois plus", 10, "more"),
    ("It is 10x more efficient.", "en", "10x more", 10, "more"),
    ("A 10x gain.", "en", "10x", 10, None),
    ("Performance ×3.", "fr", "×3", 3, None),
    ("It runs 3× faster.", "en", "3×", 3, None),
    ("It needs three times as many chips.", "en", "three times as many", 3, None),
    ("It uses 2.5 times less water.", "en", "2.5 times less", 2.5, "less"),
    ("It uses fifty times more energy.", "en", "fifty times more", 50, "more"),
]


@pytest.mark.parametrize("text,lang,span,value,direction", MULTIPLIERS, ids=[m[0] for m in MULTIPLIERS])
def test_it_reads_multipliers(text, lang, span, value, direction):
    figure = one(text, lang)
    assert (figure.text, figure.kind, figure.dimension, figure.unit) == (span, "multiplier", "ratio", "×")
    assert figure.value == value and figure.direction == direction


def test_it_does_not_take_a_repetition_for_a_multiplier():
    assert find_figures("Elle a demandé trois fois les chiffres.", "fr") == []
    assert find_figures("She asked three times without an answer.", "en") == []


DATES = [
    ("Le 12 mars 2025, Google a publié.", "fr", "12 mars 2025", "2025-03-12"),
    ("Le 1er avril 2024.", "fr", "1er avril 2024", "2024-04-01"),
    ("En mars 2025.", "fr", "mars 2025", "2025-03"),
    ("Le 12/03/2025.", "fr", "12/03/2025", "2025-03-12"),
    ("On March 12, 2025, it said.", "en", "March 12, 2025", "2025-03-12"),
    ("By 12 March 2025.", "en", "12 March 2025", "2025-03-12"),
    ("On 03/12/2025.", "en", "03/12/2025", "2025-03-12"),
    ("Published 2025-03-12.", "en", "2025-03-12", "2025-03-12"),
    ("En 2024, il a grandi.", "fr", "2024", "2024"),
    ("Depuis 2019 il grandit.", "fr", "2019", "2019"),
    ("It will double by 2030.", "en", "2030", "2030"),
    ("The 2020s are here.", "en", "2020s", "202X"),
    ("Les années 2020 sont là.", "fr", "années 2020", "202X"),
    ("Rendez-vous à 14 h 05.", "fr", "14 h 05", "T14:05"),
]


@pytest.mark.parametrize("text,lang,span,iso", DATES, ids=[d[0] for d in DATES])
def test_it_reads_dates_as_dates(text, lang, span, iso):
    figure = one(text, lang)
    assert (figure.text, figure.kind, figure.iso, figure.value) == (span, "date", iso, None)


def test_it_keeps_a_count_that_looks_like_a_year_a_count():
    figure = one("Il emploie 2000 personnes.", "fr")
    assert (figure.kind, figure.value, figure.noun) == ("number", 2000, "people")


def test_it_reads_a_date_and_a_quantity_in_one_sentence():
    figures = find_figures("Le 12 mars 2025, Helvion a annoncé 120 MW pour 2027.", "fr")
    assert [(f.text, f.kind) for f in figures] == [("12 mars 2025", "date"), ("120 MW", "quantity"), ("2027", "date")]


def test_it_decides_billion_by_language():
    assert one("Une dette de 3 billions d'euros.", "fr").value == 3e12
    assert one("A debt of 3 billion euros.", "en").value == 3e9
    assert one("3 trillions d'euros.", "fr").value == 3e18
    assert one("3 trillion euros.", "en").value == 3e12
    assert one("3 milliards d'euros.", "fr").value == one("3 billion euros.", "en").value


def test_it_gives_the_number_scale_and_precision_as_written():
    figure = one("Soit 1,2 milliard de litres.", "fr")
    assert (figure.number, figure.scale, figure.scale_text, figure.unit_text) == (1.2, 1e9, "milliard", "litres")
    assert close(figure.precision, 0.05e9) and figure.decimals == 1
    assert close(one("Une requête consomme 0,24 Wh.", "fr").precision, 0.005)
    assert close(one("Plus de 90 000 foyers.", "fr").precision, 4500)  # round: 5 % at most


RATES = [
    ("Le réseau émet 500 gCO2e/kWh.", "fr", "500 gCO2e/kWh", 0.5, "gCO2e", "Wh"),
    ("Il émet 12 kgCO2e par an.", "fr", "12 kgCO2e par an", 12e3 / (365.25 * 86400), "gCO2e", "s"),
    ("Un abonnement à 9,99 €/mois.", "fr", "9,99 €/mois", 9.99 / 2629800, "EUR", "s"),
    ("Un centre à 1,8 L/kWh.", "fr", "1,8 L/kWh", 1.8e-3, "L", "Wh"),
    ("It draws 1.5 billion litres a year.", "en", "1.5 billion litres a year", 1.5e9 / (365.25 * 86400), "L", "s"),
    ("It uses 2 TWh annually.", "en", "2 TWh annually", 2e12 / (365.25 * 86400), "Wh", "s"),
    ("It costs $20 per month.", "en", "$20 per month", 20 / 2629800, "USD", "s"),
    ("It needs 3 Wh per token.", "en", "3 Wh per token", 3.0, "Wh", "tokens"),
]


@pytest.mark.parametrize("text,lang,span,value,unit,per", RATES, ids=[r[0] for r in RATES])
def test_it_reads_rates_per_base_unit_of_their_denominator(text, lang, span, value, unit, per):
    figure = one(text, lang)
    assert (figure.text, figure.unit, figure.per) == (span, unit, per)
    assert close(figure.value, value)


def test_it_reads_no_rate_per_a_noun():
    figure = one("Une requête consomme 0,24 Wh par requête.", "fr")
    assert (figure.text, figure.per, figure.noun) == ("0,24 Wh", "", "query")


def test_it_spreads_a_range_s_unit_to_its_first_bound():
    figures = find_figures("Entre 0,18 et 0,27 gCO2e par requête.", "fr")
    assert [(f.text, f.unit, f.value) for f in figures] == [("0,18", "gCO2e", 0.18), ("0,27 gCO2e", "gCO2e", 0.27)]
    figures = find_figures("From 2 to 3 billion dollars.", "en")
    assert [(f.unit, f.value) for f in figures] == [("USD", 2e9), ("USD", 3e9)]
    figures = find_figures("Between 10 and 20 TWh.", "en")
    assert [f.value for f in figures] == [10e12, 20e12]
    figures = find_figures("Capital expenditures of $64-72 billion.", "en")
    assert [(f.text, f.unit, f.value) for f in figures] == [("$64", "USD", 64e9), ("72 billion", "USD", 72e9)]


def test_it_reads_qualifiers():
    assert one("Environ 40 % de l'énergie.", "fr").qualifier == "about"
    assert one("Plus de 10 000 foyers.", "fr").qualifier == "over"
    assert one("Less than 5% of queries.", "en").qualifier == "under"
    assert one("Jusqu'à 40 GPU.", "fr").qualifier == "up to"
    assert one("Il emploie 40 personnes.", "fr").qualifier is None


def test_it_names_the_quantified_noun_in_both_languages():
    assert one("Plus de 10 000 foyers.", "fr").noun == one("More than 10,000 homes.", "en").noun == "home"
    assert one("3 millions d'utilisateurs.", "fr").noun == one("1.5M users.", "en").noun == "user"
    assert one("Environ 40 % de l'énergie.", "fr").noun == "energy"
    assert one("Il faut 3 GPU.", "fr").noun == "gpu"


def test_it_skips_names_and_versions():
    assert find_figures("Llama 3 et Gemini 2.5 face à GPT-4o et aux H100 ; la 5G.", "fr") == []
    assert find_figures("Claude 3.7 and GPT-5 beat o3 and COVID-19.", "en") == []


def test_it_skips_small_spelled_numbers_without_scale_unit_or_multiplier():
    assert find_figures("Deux chercheurs et trois ingénieurs.", "fr") == []
    assert find_figures("One of two companies.", "en") == []
    assert one("Dix mille foyers.", "fr").value == 10_000
    assert one("Two hundred engineers.", "en").value == 200


def test_it_finds_every_figure_in_order_without_overlap():
    text = ("Le 12 mars 2025, Helvion a levé 1,4 milliard de dollars ($1.4 billion) ; son site de 120 MW "
            "consommera 1,2 milliard de litres d'eau, cinquante fois plus qu'en 2020, et 40 % de moins.")
    figures = find_figures(text, "fr")
    assert [f.text for f in figures] == ["12 mars 2025", "1,4 milliard de dollars", "$1.4 billion", "120 MW",
                                         "1,2 milliard de litres", "cinquante fois plus", "2020", "40 %"]
    for before, after in zip(figures, figures[1:]):
        assert before.end <= after.start
    assert all(text[f.start:f.end] == f.text for f in figures)
    water = figures[4]
    assert water.noun == "water" and "water" in water.keywords


def test_it_guesses_the_language():
    assert guess_lang("Le modèle est entraîné sur des données publiques et il consomme peu.") == "fr"
    assert guess_lang("The model is trained on public data and it uses little energy.") == "en"
    figures = find_figures("The debt reached 3 billion dollars and the company is worth more.")
    assert figures[0].value == 3e9 and figures[0].lang == "en"


def test_it_refuses_bad_input_clearly():
    with pytest.raises(TypeError, match="str"):
        find_figures(None, "fr")
    with pytest.raises(ValueError, match="lang"):
        find_figures("10 %", "de")
    assert find_figures("", "fr") == []
    assert find_figures("Pas un seul chiffre ici.", "fr") == []


def test_it_reads_spelled_numbers_joined_by_et():
    assert one("Vingt et un millions d'euros.", "fr").value == 21e6
    assert one("Soixante-dix et deux cent mille euros.", "fr").value == 200e3  # 70 alone is no figure
    assert one("Quatre-vingt-dix fois plus.", "fr").value == 90
    assert one("Twenty-five times more.", "en").value == 25


@pytest.mark.parametrize(
    "hostile",
    [
        "dix-sept-" * 40 + "x",  # once exponential in a spelled-number regex
        "vingt et " * 2000 + "fois plus",
        "1" * 5000 + " Wh",
        "9" * 400 + " €",
        "1," * 5000 + "5 %",
        "\x00\ufffd" * 1000,
        "x" * 100_000,
    ],
    ids=["hyphen chain", "et chain", "long digits", "overflow", "comma chain", "control chars", "one long word"],
)
def test_it_survives_hostile_text(hostile):
    figures = find_figures(hostile, "fr")
    assert all(math.isfinite(f.value) for f in figures if f.value is not None)
    assert len(figures) <= 1


def test_it_reads_every_figure_of_a_long_text():
    figures = find_figures(" ".join(["10 000 foyers."] * 3000), "fr")
    assert len(figures) == 3000 and {f.value for f in figures} == {10000}


def test_it_reads_years_in_pairs_lists_and_cues():
    figures = find_figures("De 2022 et 2023, puis 2000 et 3000 personnes, d’ici 2030 et à la mi-2024.", "fr")
    assert [(f.text, f.kind) for f in figures] == [
        ("2022", "date"), ("2023", "date"), ("2000", "number"), ("3000", "number"), ("2030", "date"),
        ("mi-2024", "date")]
    figures = find_figures("Pitts 1943\nTuring 1950\nDeep Learning 2015 [LeCun]", "en")
    assert [f.iso for f in figures] == ["1943", "1950", "2015"]


def test_it_skips_numbers_inside_hyphenated_names():
    figures = find_figures("o1-mini-2024-09-12 score 92.0 ; claude-3-5-sonnet score 79.3", "fr")
    assert [f.text for f in figures] == ["92.0", "79.3"]


def test_it_reads_an_escaped_dollar():
    assert one("OpenAI : 157 milliards de \\$ avec.", "fr").unit == "USD"


def test_it_gives_a_json_ready_dict():
    import json

    data = json.loads(json.dumps(one("Soit 1,2 milliard de litres d'eau.", "fr").as_dict()))
    assert data["value"] == 1.2e9 and data["unit"] == "L" and data["text"] == "1,2 milliard de litres"
    assert "water" in data["keywords"] and data["noun"] == "water"


def test_it_reads_signs_but_not_ranges():
    figures = find_figures("Une baisse de −5 % et -3,2 % puis +12 %, entre 10-20 % et (−0,5 Wh).", "fr")
    assert [(f.text, f.value) for f in figures] == [
        ("−5 %", -5), ("-3,2 %", -3.2), ("+12 %", 12), ("10", 10), ("20 %", 20), ("−0,5 Wh", -0.5)]


FRACTIONS = [
    ("Un tiers des projets échouent.", "fr", "Un tiers", 100 / 3, "project"),
    ("La moitié de l'énergie part en chaleur.", "fr", "La moitié", 50, "energy"),
    ("Trois quarts des salariés l'utilisent.", "fr", "Trois quarts", 75, "employee"),
    ("Un cinquième de sa demande.", "fr", "Un cinquième", 20, "demande"),
    ("A third of projects fail.", "en", "A third", 100 / 3, "project"),
    ("Half the energy is heat.", "en", "Half", 50, "energy"),
    ("Two thirds of users agree.", "en", "Two thirds", 200 / 3, "user"),
]


@pytest.mark.parametrize("text,lang,span,value,noun", FRACTIONS, ids=[f[0] for f in FRACTIONS])
def test_it_reads_fractions_as_shares(text, lang, span, value, noun):
    figure = one(text, lang)
    assert (figure.text, figure.kind, figure.unit, figure.noun) == (span, "percent", "%", noun)
    assert close(figure.value, value)


def test_it_does_not_read_third_parties_or_quarter_hours_as_shares():
    assert find_figures("Le tiers payant et des pays tiers, un quart d'heure.", "fr") == []


def test_it_takes_no_verb_for_the_noun():
    assert one("L'action a chuté de 14 %.", "fr").noun is None
    assert one("Elle s'est effondrée de 35 % en bourse.", "fr").noun is None
    assert one("Une consommation de 0,24 Wh.", "fr").noun == "consumption"
    assert one("Soit 10,3 milliards d'euros de chiffre d'affaires.", "fr").noun == "revenue"


def test_it_does_not_read_decades_as_seconds():
    figures = find_figures("In her 80s and in the 90s, the page took 80s to load.", "en")
    assert [(f.text, f.unit, f.value) for f in figures] == [("80s", "s", 80)]
