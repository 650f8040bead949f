"""find_figures(text, lang): every figure of a French or English text."""

from __future__ import annotations

import bisect
import re

from . import context as ctx
from .dates import find_dates
from .model import Figure
from .spans import Spans
from .numbers import NUMBER_RE, SPELLED_RE, parse_digits, parse_spelled
from .units import Unit, co2_tail_at, currency_before, scale_at, unit_at

__all__ = ["find_figures"]

_SP = r"\s"
_MULT_GLUED = re.compile(r"[xX×](?![\w])")
_MULT_BEFORE = re.compile(r"(?<![\w])[xX×]" + _SP + r"?$")
_MULT_WORD = re.compile(_SP + r"+(fois|times)(?![\w])", re.IGNORECASE)
_DIRECTION = re.compile(
    _SP + r"+(plus|moins|more|less|fewer|larger|bigger|higher|greater|smaller|lower|"
    r"as many|as much|as large|as big|as high|as fast|autant|supérieur|supérieure|inférieur|inférieure|"
    r"the|that of|celle|celui|than)(?![\w])", re.IGNORECASE)
_LESS = {"moins", "less", "fewer", "smaller", "lower", "inférieur", "inférieure"}
_MORE = {"plus", "more", "larger", "bigger", "higher", "greater", "supérieur", "supérieure"}
_A_SCALE = re.compile(r"(?<![\w])(an?|one|un|une)(?=" + _SP + r"+(?:mille|thousand|million|milliard|billion|trillion)s?(?![\w]))",
                      re.IGNORECASE)
_RANGE_GAP = re.compile(_SP + r"*(?:-|–|—|à|a|to|et|and|ou|or)" + _SP + r"*$|^[-–]$", re.IGNORECASE)
_QUALIFIERS = [
    (re.compile(r"(?:environ|approximativement|quelque|près de|presque|autour de|de l'ordre de|"
                r"about|around|roughly|approximately|nearly|almost|some|circa|~|≈)" + _SP + r"*$", re.IGNORECASE), "about"),
    (re.compile(r"(?:plus de|au moins|au-delà de|more than|over|at least|above|upwards of)" + _SP + r"*$",
                re.IGNORECASE), "over"),
    (re.compile(r"(?:moins de|less than|under|below|fewer than)" + _SP + r"*$", re.IGNORECASE), "under"),
    (re.compile(r"(?:jusqu'à|jusqu’à|up to|as much as|as many as)" + _SP + r"*$", re.IGNORECASE), "up to"),
]
_NAME_BEFORE = re.compile(r"(?<![\w])([A-Z][\w-]*)" + _SP + r"$")


def find_figures(text: str, lang: str | None = None) -> list[Figure]:
    """Every figure in ``text``, left to right. ``lang`` is « fr » or « en »
    (guessed from the text when None); it decides « billion » and ambiguous
    separators (« 1,500 »)."""
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    if lang is None:
        lang = ctx.guess_lang(text)
    if lang not in ("fr", "en"):
        raise ValueError(f"lang must be 'fr' or 'en', not {lang!r}")
    parser = _Parser(text, lang)
    return parser.run()


def _precision(number: float, decimals: int) -> float:
    """Half the last written digit; for a round integer, half its last non-zero digit,
    at most 5 % of the number (« 90 000 » ± 4 500, « 120 » ± 5)."""
    if decimals or number < 10 or number != int(number):
        return 0.5 * 10 ** (-decimals)
    digits = str(int(number))
    zeros = len(digits) - len(digits.rstrip("0"))
    return max(0.5, min(0.5 * 10 ** zeros, 0.05 * number))


class _Parser:
    def __init__(self, text: str, lang: str):
        self.text = text
        self.lang = lang
        self.sentences = ctx.sentences(text)
        self.sentence_starts = [s for s, _ in self.sentences]
        self.taken = Spans()
        self.figures: list[Figure] = []

    # ---- helpers -------------------------------------------------------------------------
    def free(self, start: int, end: int) -> bool:
        return self.taken.free(start, end)

    def sentence(self, start: int, end: int) -> tuple[int, int]:
        index = bisect.bisect_right(self.sentence_starts, start) - 1
        s_start, s_end = self.sentences[max(0, index)]
        return s_start, max(s_end, end)

    def describe(self, start: int, end: int, **fields) -> Figure:
        s_start, s_end = self.sentence(start, end)
        left = max(s_start, start - 150)
        right = min(s_end, end + 150)
        sentence = self.text[left:right].strip()
        noun = fields.pop("noun", None)
        if noun is None and fields["kind"] not in ("date",):
            direct = fields["kind"] == "number" or fields["dimension"] == "count"
            noun = ctx.noun_after(self.text, end, direct) or ctx.noun_before(self.text, start)
        kw = ctx.keywords(self.text[left:start] + " " + self.text[end:right])
        return Figure(text=self.text[start:end], start=start, end=end, noun=noun, context=sentence,
                      keywords=kw, lang=self.lang, **fields)

    def qualifier(self, start: int) -> str | None:
        before = self.text[max(0, start - 25):start]
        for pattern, name in _QUALIFIERS:
            if pattern.search(before):
                return name
        return None

    # ---- passes ----------------------------------------------------------------------------
    def run(self) -> list[Figure]:
        for date in find_dates(self.text, self.lang):
            self.taken.append((date.start, date.end))
            self.figures.append(self.describe(date.start, date.end, kind="date", value=None, unit="",
                                              dimension="date", iso=date.iso))
        for match in NUMBER_RE.finditer(self.text):
            if not self.free(match.start(), match.end()):
                continue
            number, decimals = parse_digits(match.group(), self.lang)
            self.quantity(match.start(), match.end(), number, decimals, spelled=False)
        for match in _A_SCALE.finditer(self.text):
            if self.free(match.start(), match.end()):
                self.quantity(match.start(), match.end(), 1.0, 0, spelled=True)
        for match in SPELLED_RE.finditer(self.text):
            if not self.free(match.start(), match.end()):
                continue
            value = parse_spelled(match.group(), self.lang)
            if value is not None:
                self.quantity(match.start(), match.end(), float(value), 0, spelled=True)
        self.figures.sort(key=lambda f: f.start)
        self.spread_ranges()
        return self.figures

    def quantity(self, start: int, end: int, number: float, decimals: int, spelled: bool) -> None:
        text, lang = self.text, self.lang
        fig_start, pos = start, end
        currency = currency_before(text, start) if not spelled else None
        if currency:
            fig_start = currency[1]
        # ×3, x3
        if not currency and not spelled and _MULT_BEFORE.search(text, max(0, start - 2), start):
            mult_start = _MULT_BEFORE.search(text, max(0, start - 2), start).start()
            return self.multiplier(mult_start, end, number, decimals, end)
        glued = pos < len(text) and not text[pos].isspace()
        if not currency and not spelled and _MULT_GLUED.match(text, pos):
            return self.multiplier(start, _MULT_GLUED.match(text, pos).end(), number, decimals, pos)
        word = _MULT_WORD.match(text, pos)
        if word and not currency and _DIRECTION.match(text, word.end()):
            return self.multiplier(start, word.end(), number, decimals, pos)

        unit: Unit | None = None
        unit_text = scale_text = ""
        scale = 1.0
        if currency:
            unit = Unit("currency", currency[0], 1.0)
            unit_text = currency[2]
        else:
            found = unit_at(text, pos)
            if found:
                unit, pos, unit_text = found
        if unit is None or unit.dimension == "currency" and currency:
            # « $14.3 billion » in a French text is an English billion
            english = lang == "en" or (currency and currency[2] in ("$", "US$", "£")) or \
                (decimals and "." in text[start:end]) or ("," in text[start:end] and not decimals)
            found_scale = scale_at(text, pos, "en" if english else lang, glued_ok=bool(currency) or glued)
            if found_scale and (found_scale[2] not in ("m", "T") or currency):
                scale, pos, scale_text = found_scale
                if not currency:
                    found = unit_at(text, pos, connector=True)
                    if found:
                        unit, pos, unit_text = found
                word = _MULT_WORD.match(text, pos)
                if word and not currency and _DIRECTION.match(text, word.end()):
                    return self.multiplier(start, word.end(), number * scale, decimals, pos)
        if currency:  # « $14 billion dollars », « 14 M$ US »
            after = unit_at(text, pos)
            if after and after[0].dimension == "currency":
                pos = after[1]
        if unit is not None and unit.dimension == "mass":
            tail = co2_tail_at(text, pos)
            if tail:
                unit = Unit("co2e", "gCO2e", unit.factor)
                unit_text = text[end:tail].strip()
                pos = tail
        if spelled and unit is None and scale == 1.0:
            return  # « deux chercheurs »: a spelled number counts with a scale, a unit or « fois »
        if pos < len(text) and (text[pos].isalnum() or text[pos] in "_"):
            return  # part of a name: « 4o », « 3D », « 5G »
        if unit is None and scale == 1.0 and not spelled and self.looks_like_a_name(start, number, decimals):
            return
        precision = _precision(number, decimals) * scale * (unit.factor if unit else 1.0)
        value = number * scale * (unit.factor if unit else 1.0)
        if unit is None:
            kind, dimension, base = "number", "number", ""
        elif unit.dimension == "currency":
            kind, dimension, base = "money", "currency", unit.base
        elif unit.dimension in ("percent", "points"):
            kind, dimension, base = "percent", unit.dimension, unit.base
        else:
            kind, dimension, base = "quantity", unit.dimension, unit.base
        self.taken.append((fig_start, pos))
        self.figures.append(self.describe(
            fig_start, pos, kind=kind, value=value, unit=base, dimension=dimension, number=number,
            scale=scale, unit_text=unit_text, scale_text=scale_text, precision=precision, decimals=decimals,
            qualifier=self.qualifier(fig_start)))

    def multiplier(self, start: int, end: int, number: float, decimals: int, after_number: int) -> None:
        direction = None
        found = _DIRECTION.match(self.text, end)
        if found:
            word = found.group(1).lower()
            if word in _LESS or word in _MORE:
                direction = "less" if word in _LESS else "more"
                end = found.end()
            elif word.startswith(("as ", "autant")):
                end = found.end()
        self.taken.append((start, end))
        self.figures.append(self.describe(
            start, end, kind="multiplier", value=number, unit="×", dimension="ratio", number=number,
            unit_text=self.text[after_number:end].strip(), precision=0.5 * 10 ** (-decimals), decimals=decimals,
            direction=direction, qualifier=self.qualifier(start)))

    def looks_like_a_name(self, start: int, number: float, decimals: int) -> bool:
        """« Llama 3 », « Gemini 2.5 », « iPhone 15 »: a small bare number after a capitalised word."""
        match = _NAME_BEFORE.search(self.text, max(0, start - 30), start)
        if not match or (number >= 100 and decimals == 0):
            return False
        return ctx.fold(match.group(1)) not in ctx.STOPWORDS and not self.qualifier(start)

    def spread_ranges(self) -> None:
        """« entre 2 et 3 milliards », « 0,18-0,27 gCO2e »: the first bound takes the second's scale and unit."""
        figures = self.figures
        for i in range(len(figures) - 2, -1, -1):
            first, second = figures[i], figures[i + 1]
            if first.kind != "number" or second.kind in ("number", "date", "multiplier"):
                continue
            gap = self.text[first.end:second.start]
            if not _RANGE_GAP.search(gap) or len(gap) > 6:
                continue
            if second.number is None or first.number is None:
                continue
            factor = second.value / (second.number * second.scale) if second.number else 1.0
            figures[i] = Figure(**{
                **first.__dict__, "kind": second.kind, "unit": second.unit, "dimension": second.dimension,
                "scale": second.scale, "unit_text": second.unit_text, "scale_text": second.scale_text,
                "value": first.number * second.scale * factor,
                "precision": first.precision * second.scale * factor,
            })
