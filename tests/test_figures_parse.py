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
    ("Il émet 12 kg CO2e par an.", "fr", "12 kg CO2e", "quantity", 12e3, "gCO2e", "co2e"),
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


def test_it_spreads_a_range_s_unit_to_its_first_bound():
    figures = find_figures("Entre 0,18 et 0,27 gCO2e par requête.", "fr")
    assert [(f.text, f.unit, f.value) for f in figures] == [("0,18", "gCO2e", 0.18), ("0,27 gCO2e", "gCO2e", 0.27)]
    figures = find_figures("From 2 to 3 billion dollars.", "en")
    assert [(f.unit, f.value) for f in figures] == [("USD", 2e9), ("USD", 3e9)]
    figures = find_figures("Between 10 and 20 TWh.", "en")
    assert [f.value for f in figures] == [10e12, 20e12]


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


def test_it_skips_spelled_numbers_without_scale_unit_or_multiplier():
    assert find_figures("Deux chercheurs et trois ingénieurs.", "fr") == []
    assert find_figures("One of two companies.", "en") == []


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
