"""Units, scales and currencies: what follows (or precedes) a number.

Each unit maps to a dimension, a base unit and the factor to that base:

    energy   Wh      Wh kWh MWh GWh TWh, J kJ MJ GJ…, watt-heures, kilowatt-hours…
    power    W       W kW MW GW, watts, mégawatts…
    mass     g       mg g kg t kt Mt Gt, grammes, kilos, tonnes…
    co2e     gCO2e   any mass followed by CO2/CO2e/CO2eq/équivalent CO2
                     (gCO2e, kgCO2e, tCO2e, « tonnes de CO2 »); CO2 and CO2e
                     are one dimension here, distinct from mass
    volume   L       mL cL dL L hL m3 m³, litres, mètres cubes, gallons (US)
    length   m       mm cm m km, mètres, kilometres…
    time     s       ms s min h, secondes, minutes, heures, jours, semaines,
                     mois, ans/années, seconds … years (a month is 30.44 days,
                     a year 365.25 days)
    data     B       ko/kB Mo/MB Go/GB To/TB Po/PB, octets, bytes…
    percent  %       %, pour cent, percent, per cent
    points   pp      points de pourcentage, percentage points, pp
    currency EUR/USD/GBP/…  €, $, £, ¥, EUR, USD, euros, dollars, livres sterling
                     (no conversion between currencies: the dimension is
                     currency, the unit its ISO code)
    tokens, parameters, flop   counts (dimension "count", unit the noun)

Scales multiply the number: mille/thousand/k (10^3), million(s)/M/mn
(10^6), milliard(s)/Md/Mds/billion(EN)/bn/B (10^9), billion(FR)/trillion(EN)/
tn (10^12), trillion(FR) (10^18). « billion » and « trillion » depend on the
text's language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Unit", "UNITS", "unit_at", "scale_at", "co2_tail_at", "currency_before",
           "CURRENCY_SYMBOLS"]


@dataclass(frozen=True)
class Unit:
    dimension: str  # energy, power, mass, co2e, volume, length, time, data, percent, points, currency, count
    base: str  # base unit (Wh, W, g, gCO2e, L, m, s, B, %, pp) or ISO currency code or count noun
    factor: float  # multiply by this to reach the base unit


# Case-sensitive symbols (MW is not mW).
_SYMBOLS: dict[str, Unit] = {}
# Case-insensitive words.
_WORDS: dict[str, Unit] = {}


def _add(table, forms, unit):
    for form in forms:
        table[form] = unit


_SI = {"m": 1e-3, "": 1.0, "k": 1e3, "M": 1e6, "G": 1e9, "T": 1e12, "P": 1e15}
_SI_WORDS = {"milli": 1e-3, "": 1.0, "kilo": 1e3, "méga": 1e6, "mega": 1e6, "giga": 1e9,
             "téra": 1e12, "tera": 1e12, "péta": 1e15, "peta": 1e15}

for prefix, factor in _SI.items():
    _add(_SYMBOLS, [f"{prefix}Wh"], Unit("energy", "Wh", factor))
    _add(_SYMBOLS, [f"{prefix}W"], Unit("power", "W", factor))
    _add(_SYMBOLS, [f"{prefix}J"], Unit("energy", "Wh", factor / 3600))
_add(_SYMBOLS, ["EJ"], Unit("energy", "Wh", 1e18 / 3600))
_add(_SYMBOLS, ["kcal"], Unit("energy", "Wh", 4184 / 3600))

for prefix, factor in _SI_WORDS.items():
    for stem in ("watt-heure", "watts-heure", "wattheure", "watt-hour", "watt hour", "watthour"):
        _add(_WORDS, [prefix + stem, prefix + stem + "s"], Unit("energy", "Wh", factor))
    _add(_WORDS, [prefix + "watt", prefix + "watts"], Unit("power", "W", factor))
    _add(_WORDS, [prefix + "joule", prefix + "joules"], Unit("energy", "Wh", factor / 3600))

_MASS = {"mg": 1e-3, "g": 1.0, "kg": 1e3, "t": 1e6, "kt": 1e9, "Mt": 1e12, "Gt": 1e15}
for symbol, factor in _MASS.items():
    _add(_SYMBOLS, [symbol], Unit("mass", "g", factor))
for symbol, factor in _MASS.items():
    for tail in ("CO2e", "CO2eq", "CO2-eq", "CO2éq", "CO2", "CO₂e", "CO₂eq", "CO₂", "eqCO2", "éqCO2", "eCO2"):
        _add(_SYMBOLS, [symbol + tail], Unit("co2e", "gCO2e", factor))
_add(_WORDS, ["gramme", "grammes", "gram", "grams"], Unit("mass", "g", 1.0))
_add(_WORDS, ["milligramme", "milligrammes", "milligram", "milligrams"], Unit("mass", "g", 1e-3))
_add(_WORDS, ["kilogramme", "kilogrammes", "kilogram", "kilograms", "kilo", "kilos"], Unit("mass", "g", 1e3))
_add(_WORDS, ["tonne", "tonnes", "ton", "tons", "metric ton", "metric tons"], Unit("mass", "g", 1e6))
_add(_WORDS, ["kilotonne", "kilotonnes", "kiloton", "kilotons"], Unit("mass", "g", 1e9))
_add(_WORDS, ["mégatonne", "mégatonnes", "megatonne", "megatonnes", "megaton", "megatons"], Unit("mass", "g", 1e12))
_add(_WORDS, ["gigatonne", "gigatonnes", "gigaton", "gigatons"], Unit("mass", "g", 1e15))

_VOLUME = {"mL": 1e-3, "ml": 1e-3, "cL": 1e-2, "cl": 1e-2, "dL": 0.1, "dl": 0.1, "L": 1.0,
           "l": 1.0, "hL": 100.0, "hl": 100.0, "m3": 1e3, "m³": 1e3, "km3": 1e12, "km³": 1e12}
for symbol, factor in _VOLUME.items():
    _add(_SYMBOLS, [symbol], Unit("volume", "L", factor))
_add(_WORDS, ["litre", "litres", "liter", "liters"], Unit("volume", "L", 1.0))
_add(_WORDS, ["millilitre", "millilitres", "milliliter", "milliliters"], Unit("volume", "L", 1e-3))
_add(_WORDS, ["centilitre", "centilitres", "centiliter", "centiliters"], Unit("volume", "L", 1e-2))
_add(_WORDS, ["hectolitre", "hectolitres", "hectoliter", "hectoliters"], Unit("volume", "L", 100.0))
_add(_WORDS, ["mètre cube", "mètres cubes", "mètres cube", "metre cube", "metres cubes",
              "cubic metre", "cubic metres", "cubic meter", "cubic meters"], Unit("volume", "L", 1e3))
_add(_WORDS, ["gallon", "gallons"], Unit("volume", "L", 3.785411784))

for symbol, factor in {"mm": 1e-3, "cm": 1e-2, "m": 1.0, "km": 1e3}.items():
    _add(_SYMBOLS, [symbol], Unit("length", "m", factor))
for prefix, factor in {"milli": 1e-3, "centi": 1e-2, "": 1.0, "kilo": 1e3}.items():
    _add(_WORDS, [prefix + w for w in ("mètre", "mètres", "metre", "metres", "meter", "meters")],
         Unit("length", "m", factor))

_TIME = [
    (["ms"], ["milliseconde", "millisecondes", "millisecond", "milliseconds"], 1e-3),
    (["s"], ["seconde", "secondes", "second", "seconds", "sec"], 1.0),
    (["min"], ["minute", "minutes"], 60.0),
    (["h"], ["heure", "heures", "hour", "hours"], 3600.0),
    ([], ["jour", "jours", "day", "days"], 86400.0),
    ([], ["semaine", "semaines", "week", "weeks"], 604800.0),
    ([], ["mois", "month", "months"], 2629800.0),
    ([], ["an", "ans", "année", "années", "year", "years"], 31557600.0),
]
for symbols, word_forms, factor in _TIME:
    _add(_SYMBOLS, symbols, Unit("time", "s", factor))
    _add(_WORDS, word_forms, Unit("time", "s", factor))

for prefix, factor in {"k": 1e3, "K": 1e3, "M": 1e6, "G": 1e9, "T": 1e12, "P": 1e15}.items():
    _add(_SYMBOLS, [prefix + "B", prefix + "o"], Unit("data", "B", factor))
for prefix, factor in {"": 1.0, "kilo": 1e3, "méga": 1e6, "mega": 1e6, "giga": 1e9, "téra": 1e12,
                       "tera": 1e12, "péta": 1e15, "peta": 1e15}.items():
    _add(_WORDS, [prefix + w for w in ("octet", "octets", "byte", "bytes")], Unit("data", "B", factor))

_add(_SYMBOLS, ["%"], Unit("percent", "%", 1.0))
_add(_WORDS, ["pour cent", "pourcent", "pour-cent", "percent", "per cent", "pct"], Unit("percent", "%", 1.0))
_add(_SYMBOLS, ["pp", "p.p."], Unit("points", "pp", 1.0))
_add(_WORDS, ["point de pourcentage", "points de pourcentage", "percentage point",
              "percentage points", "points de %", "point de %"], Unit("points", "pp", 1.0))

CURRENCY_SYMBOLS = {"€": "EUR", "$": "USD", "US$": "USD", "$US": "USD", "£": "GBP", "¥": "JPY",
                    "EUR": "EUR", "USD": "USD", "GBP": "GBP", "CHF": "CHF", "JPY": "JPY",
                    "CNY": "CNY", "CAD": "CAD", "C$": "CAD", "A$": "AUD"}
for symbol, code in CURRENCY_SYMBOLS.items():
    _add(_SYMBOLS, [symbol], Unit("currency", code, 1.0))
_add(_WORDS, ["euro", "euros"], Unit("currency", "EUR", 1.0))
_add(_WORDS, ["dollar", "dollars", "dollars américains", "dollars us", "us dollars",
              "dollars américain"], Unit("currency", "USD", 1.0))
_add(_WORDS, ["livre sterling", "livres sterling", "pound sterling", "pounds sterling"],
     Unit("currency", "GBP", 1.0))
_add(_WORDS, ["yuan", "yuans", "renminbi"], Unit("currency", "CNY", 1.0))
_add(_WORDS, ["yen", "yens"], Unit("currency", "JPY", 1.0))
_add(_WORDS, ["franc suisse", "francs suisses", "swiss franc", "swiss francs"], Unit("currency", "CHF", 1.0))

_add(_WORDS, ["token", "tokens", "jeton", "jetons"], Unit("count", "tokens", 1.0))
_add(_WORDS, ["paramètre", "paramètres", "parameter", "parameters", "params"], Unit("count", "parameters", 1.0))
_add(_SYMBOLS, ["FLOP", "FLOPs", "FLOPS", "flop", "flops"], Unit("count", "FLOP", 1.0))


def _alternation(forms):
    return "|".join(re.escape(f).replace(r"\ ", r"[\s-]+") for f in sorted(forms, key=len, reverse=True))


# A unit ends where no letter, digit or apostrophe follows (so « l'entreprise » is no litre).
_END = r"(?![\w'’²³])"
_SYMBOL_RE = re.compile(r"\s?(" + _alternation(_SYMBOLS) + ")" + _END)
_WORD_RE = re.compile(r"\s*(" + _alternation(_WORDS) + ")" + _END, re.IGNORECASE)
_CONNECTOR_RE = re.compile(r"\s+(?:de|d['’]|of|des|du)(?:\s+|(?<=['’]))",
                           re.IGNORECASE)
_CO2_RE = re.compile(
    r"\s*(?:(?:de|d['’]|of)\s*)?"
    r"(?:(?:équivalent|equivalent|éq\.?|eq\.?|e)\s*)?"
    r"(?:CO2|CO₂)(?:[ \t\u00a0\u202f\u2009-]*(?:eq\b\.?|éq\b\.?|equivalent|équivalent|e(?![\w])))?",
    re.IGNORECASE)

UNITS = {**_WORDS, **_SYMBOLS}


def unit_at(text: str, pos: int, connector: bool = False) -> tuple[Unit, int, str] | None:
    """The unit written at ``pos`` (after optional white space, or « de », « of » when
    ``connector``), as (unit, end, form as written), or None."""
    starts = [pos]
    if connector:
        match = _CONNECTOR_RE.match(text, pos)
        if match:
            starts.append(match.end())
    for start in starts:
        match = _SYMBOL_RE.match(text, start)
        if match:
            return _SYMBOLS[match.group(1)], match.end(), match.group(1)
        match = _WORD_RE.match(text, start)
        if match:
            key = re.sub(r"[\s-]+", " ", match.group(1).lower())
            unit = _WORDS.get(key) or _WORDS.get(match.group(1).lower())
            if unit is None:  # a hyphenated word form such as « watt-heures »
                unit = next(u for f, u in _WORDS.items() if re.sub(r"[\s-]+", " ", f.lower()) == key)
            return unit, match.end(), match.group(1)
    return None


def co2_tail_at(text: str, pos: int) -> int | None:
    """End of a « CO2 », « CO2e », « d'équivalent CO2 »… written right after a mass unit."""
    match = _CO2_RE.match(text, pos)
    return match.end() if match else None


# ---- scales --------------------------------------------------------------------------------

_SCALE_WORDS = {
    "mille": 1e3, "thousand": 1e3, "thousands": 1e3,
    "million": 1e6, "millions": 1e6,
    "milliard": 1e9, "milliards": 1e9,
    "billion": None, "billions": None,  # language-dependent
    "trillion": None, "trillions": None,
}
_SCALE_ABBREVIATIONS = {"Md": 1e9, "Mds": 1e9, "Mrd": 1e9, "Mrds": 1e9, "md": 1e9, "mds": 1e9,
                        "bn": 1e9, "mn": 1e6, "M": 1e6, "k": 1e3, "K": 1e3, "tn": 1e12}
# Only glued to the number (« 70B », « $3m », « $1T »): alone they mean something else.
_SCALE_GLUED = {"B": 1e9, "m": 1e6, "T": 1e12, "Mio": 1e6}

_SCALE_WORD_RE = re.compile(r"\s+(" + "|".join(sorted(_SCALE_WORDS, key=len, reverse=True)) + r")(?![\w])",
                            re.IGNORECASE)
_SCALE_ABBR_RE = re.compile(r"\s?(" + "|".join(sorted(_SCALE_ABBREVIATIONS, key=len, reverse=True))
                            + r")(?![\w'’])")
_SCALE_GLUED_RE = re.compile(r"(" + "|".join(sorted(_SCALE_GLUED, key=len, reverse=True)) + r")(?![\w'’])")


def scale_at(text: str, pos: int, lang: str, glued_ok: bool) -> tuple[float, int, str] | None:
    """The scale written at ``pos`` as (factor, end, form), or None. ``glued_ok``
    allows the one-letter forms that only mean a scale glued to a money amount or a count."""
    match = _SCALE_WORD_RE.match(text, pos)
    if match:
        word = match.group(1).lower()
        factor = _SCALE_WORDS[word]
        if word.startswith("billion"):
            factor = 1e12 if lang == "fr" else 1e9
        elif word.startswith("trillion"):
            factor = 1e18 if lang == "fr" else 1e12
        return factor, match.end(), match.group(1)
    match = _SCALE_ABBR_RE.match(text, pos)
    if match:
        return _SCALE_ABBREVIATIONS[match.group(1)], match.end(), match.group(1)
    if glued_ok:
        match = _SCALE_GLUED_RE.match(text, pos)
        if match:
            return _SCALE_GLUED[match.group(1)], match.end(), match.group(1)
    return None


_CURRENCY_BEFORE_RE = re.compile(
    r"(US\$|C\$|A\$|\$US|\$|€|£|¥|\b(?:EUR|USD|GBP|CHF|JPY|CNY|CAD))\s?$")


def currency_before(text: str, pos: int) -> tuple[str, int, str] | None:
    """The currency written just before ``pos`` (« $14 », « USD 14 ») as (code, start, form)."""
    match = _CURRENCY_BEFORE_RE.search(text, max(0, pos - 5), pos)
    if not match:
        return None
    return CURRENCY_SYMBOLS[match.group(1)], match.start(), match.group(1)
