"""The checker's evaluation: variants of correct drafts, with errors injected or harmless rewrites.

A Case is a draft and its sources. variants(case) derives, deterministically:

injected errors (each must be caught: a finding over the changed words that is
not supported)
- ``changed_figure``: a number multiplied by a factor (its written precision and
  separators kept), to a value no source writes (within 10 % or the new
  number's own rounding: « 2 » could round a source's « 1,5 »);
- ``changed_unit``: the unit swapped for another of its dimension (Wh → kWh,
  mL → L, g → kg…) or for a unit slip (mL → mm);
- ``changed_scale``: million ↔ milliard, billion ↔ million, M ↔ Md;
- ``swapped_entity``: a name replaced by another that no source writes;
- ``fabricated_quote``: a sentence with an invented quotation, attributed to a
  name the sources do write;
- ``altered_quote``: one word of a real quotation changed;
- ``swapped_figures`` (measured, outside the targets): two figures of one unit
  exchanged, each value still written in a source but about the other thing;

harmless rewrites (each must leave no finding that the draft itself did not have)
- ``number_format``: digit groups with a space, U+00A0, U+202F or nothing
  (10 000 ↔ 10000), « % » and units with a no-break space, « milliards
  d'euros » ↔ « Md€ »;
- ``conversion``: the same quantity in another unit or scale (2,6 GWh → 2 600 MWh,
  1,2 milliard → 1 200 millions, 210 millions → 0,21 milliard, 40 % → 40 pour cent);
- ``paraphrase``: verbs and common nouns outside quotations replaced by synonyms;
- ``rounding``: a number rounded to one decimal fewer (82,5 % → 82 %,
  0,40 → 0,4), within the draft's stated precision.

evaluate(cases) checks every variant and returns a Score: per kind, how many
variants were caught as contradicted, caught as unsupported or missed (errors),
or stayed clean or raised a false alarm (rewrites).
"""

from __future__ import annotations

import re
import zlib
from collections import Counter
from dataclasses import dataclass, field

from demain.lib.figures import Figure, find_figures, guess_lang
from demain.lib.figures.numbers import NUMBER_RE, parse_digits

from .check import check, checkable_text
from .corpus import Corpus
from .entities import find_entities
from .model import Report, Source
from .quotes import find_quotes
from .text import fold

__all__ = ["ERRORS", "REWRITES", "Case", "Score", "Variant", "evaluate", "variants"]

ERRORS = ("changed_figure", "changed_unit", "changed_scale", "swapped_entity", "fabricated_quote", "altered_quote")
REWRITES = ("number_format", "conversion", "paraphrase", "rounding")
# Measured and printed, outside the targets: errors beyond what the checker is asked to catch.
EXTRA_ERRORS = ("swapped_figures",)
PER_KIND = 6  # variants of one kind per case, at most

_FACTORS = (1.37, 0.71, 1.9, 0.45, 2.6, 0.27)
_UNIT_SWAPS = {
    "Wh": "kWh", "kWh": "MWh", "MWh": "kWh", "GWh": "TWh", "TWh": "GWh", "mL": "mm", "ml": "mm", "L": "mL",
    "litres": "millilitres", "litre": "millilitre", "g": "kg", "kg": "g", "mg": "g", "t": "kt", "tonnes": "kilos",
    "MW": "GW", "GW": "MW", "kW": "MW", "W": "kW", "Go": "To", "GB": "TB", "To": "Po", "TB": "PB",
    "gCO2e": "kgCO2e", "kgCO2e": "gCO2e", "mètres cubes": "litres", "cubic metres": "litres",
    "watt-hours": "kilowatt-hours", "watt-heures": "kilowattheures", "dollars": "euros", "dollar": "euro",
    "euros": "dollars", "euro": "dollar", "$": "€", "€": "$",
}
_SCALE_SWAPS = {"milliards": "millions", "milliard": "million", "millions": "milliards", "million": "milliard",
                "billion": "million", "billions": "millions", "Md": "M", "Mds": "M", "bn": "mn", "mn": "bn",
                "M": "Md", "mille": "millions"}
_OTHER_NAMES = ("Anthropic", "Samsung", "Baidu", "Hugging Face", "Salesforce", "Oracle", "Siemens", "Ubisoft",
                "Tencent", "Alibaba", "Sam Altman", "Demis Hassabis", "Yann LeCun", "Arthur Mensch", "Lisa Su",
                "Jensen Huang", "Satya Nadella", "Margrethe Vestager", "Cerebras", "Stability AI")
_FABRICATED = (
    "Nous n'avons jamais eu besoin de plus de serveurs que cette année",
    "Ce chiffre prouve que nous avions raison depuis le début",
    "Personne ne pourra rattraper notre avance avant dix ans",
    "We expect every customer to double their usage within a year",
    "Regulators simply do not understand how these systems are built",
    "Il faudra bien que quelqu'un paie la facture un jour",
)
_QUOTE_WORDS = ("jamais", "toujours", "largement", "nullement", "absolument", "rarely", "always")
_PARAPHRASES = {
    "consomme": "utilise", "consommé": "utilisé", "emploie": "compte", "promet": "annonce", "assure": "affirme",
    "affirme": "assure", "entreprise": "société", "construit": "bâtit", "prévient": "avertit",
    "selon": "d'après", "désormais": "à présent", "réclame": "demande", "rappelle": "souligne",
    "explique": "indique", "annonce": "déclare", "également": "aussi", "notamment": "en particulier",
    "publié": "dévoilé", "obtient": "atteint", "coûte": "revient à", "mais": "pourtant", "avec": "aux côtés de",
    "vient de": "a", "révèle": "montre", "encore": "toujours", "déjà": "dès à présent",
    "said": "stated", "says": "claims", "company": "firm", "uses": "consumes", "released": "published",
    "however": "yet", "also": "as well",
}
# unit or scale as written → (the same quantity in another unit or scale, factor on the number)
_CONVERSIONS = {
    "Wh": ("kWh", 1e-3), "kWh": ("Wh", 1e3), "MWh": ("kWh", 1e3), "GWh": ("MWh", 1e3), "TWh": ("GWh", 1e3),
    "kg": ("g", 1e3), "tonnes": ("kilos", 1e3), "L": ("mL", 1e3), "mL": ("L", 1e-3), "litres": ("millilitres", 1e3),
    "MW": ("kW", 1e3), "GW": ("MW", 1e3), "milliard": ("millions", 1e3), "milliards": ("millions", 1e3),
    "millions": ("milliard", 1e-3), "million": ("milliard", 1e-3), "billion": ("million", 1e3),
    "%": ("pour cent", 1.0),
}
_FORMAT_SPACES = ("\u202f", "\u00a0", " ", "")
_MONEY_SHORT = [(re.compile(r"\bmilliards? d['’]euros\b"), "Md€"), (re.compile(r"\bmillions? d['’]euros\b"), "M€"),
                (re.compile(r"\bmilliards? de dollars\b"), "Md$"), (re.compile(r"\bmillions? de dollars\b"), "M$")]


@dataclass(frozen=True)
class Case:
    name: str
    draft: str
    sources: list[Source]


@dataclass(frozen=True)
class Variant:
    kind: str
    text: str
    span: tuple[int, int] | None  # the injected error, in ``text``; None for a rewrite
    note: str  # what changed, for the reader

    @property
    def harmful(self) -> bool:
        return self.kind in ERRORS or self.kind in EXTRA_ERRORS


@dataclass
class Score:
    """Per kind: Counter of outcomes (contradicted, unsupported, missed; clean, false_alarm)."""

    kinds: dict[str, Counter] = field(default_factory=dict)
    misses: list[tuple[str, Variant, str]] = field(default_factory=list)  # (case, variant, what the checker said)

    def add(self, kind: str, outcome: str) -> None:
        self.kinds.setdefault(kind, Counter())[outcome] += 1

    def total(self, kinds, outcomes) -> int:
        return sum(self.kinds.get(kind, Counter())[outcome] for kind in kinds for outcome in outcomes)

    @property
    def caught(self) -> float:
        total = self.total(ERRORS, ("contradicted", "unsupported", "missed"))
        return self.total(ERRORS, ("contradicted", "unsupported")) / total if total else 0.0

    @property
    def false_alarms(self) -> float:
        total = self.total(REWRITES, ("clean", "false_alarm"))
        return self.total(REWRITES, ("false_alarm",)) / total if total else 0.0

    def merge(self, other: Score) -> None:
        for kind, counts in other.kinds.items():
            self.kinds.setdefault(kind, Counter()).update(counts)
        self.misses.extend(other.misses)


# ---- variants ----------------------------------------------------------------------------------

def _pick(items: list, case: Case, kind: str) -> list:
    """At most PER_KIND items, spread over the draft, the same on every run."""
    if len(items) <= PER_KIND:
        return items
    step = len(items) / PER_KIND
    offset = zlib.crc32(f"{case.name}:{kind}".encode()) % max(1, int(step))
    return [items[min(len(items) - 1, int(i * step) + offset)] for i in range(PER_KIND)]


def _replace(text: str, start: int, end: int, new: str, kind: str, note: str, error: bool = True) -> Variant:
    return Variant(kind, text[:start] + new + text[end:], (start, start + len(new)) if error else None, note)


def _format(value: float, decimals: int, decimal_sep: str, group_sep: str) -> str:
    written = f"{abs(value):,.{decimals}f}"
    whole, _, fraction = written.partition(".")
    whole = whole.replace(",", group_sep)
    return ("-" if value < 0 else "") + whole + (decimal_sep + fraction if fraction else "")


def _number_in(figure: Figure):
    """The digits of a figure as a match inside figure.text, or None (spelled-out numbers)."""
    return NUMBER_RE.search(figure.text)


def _separators(raw: str, decimals: int, lang: str) -> tuple[str, str]:
    decimal_sep = raw[-decimals - 1] if decimals else ("," if lang == "fr" else ".")
    group = next((c for c in raw if c in " \u00a0\u202f\u2009"), None)
    if group is None:
        group = "," if ("," in raw and decimal_sep != ",") else ""
    return decimal_sep, group


def _source_numbers(case: Case) -> list[float]:
    numbers = []
    for source in case.sources:
        lang = source.lang or guess_lang(source.text)
        for match in NUMBER_RE.finditer(source.text):
            try:
                numbers.append(parse_digits(match.group(), lang)[0])
            except ValueError:
                continue
    return numbers


def _absent(value: float, decimals: int, numbers: list[float]) -> bool:
    """No source number is within 10 % of ``value`` or within its written precision: the change
    is an error, not a rounding of some other figure."""
    precision = 0.5 * 10 ** -decimals
    return all(abs(value - n) > max(0.1 * max(abs(value), abs(n)), precision) for n in numbers)


def _figures(case: Case, lang: str) -> list[Figure]:
    return [f for f in find_figures(checkable_text(case.draft), lang) if f.kind != "date"]


def variants(case: Case) -> list[Variant]:
    """Every variant of ``case``'s draft, errors and rewrites, in a fixed order."""
    lang = guess_lang(case.draft)
    figures = _figures(case, lang)
    found: list[Variant] = []
    for make in (_changed_figures, _changed_units, _changed_scales, _swapped_entities, _fabricated_quotes,
                 _altered_quotes, _swapped_figures, _number_formats, _conversions, _paraphrases, _roundings):
        found.extend(make(case, figures, lang))
    return found


def _changed_figures(case, figures, lang):
    numbers = _source_numbers(case)
    made = []
    for figure in figures:
        match = _number_in(figure)
        if not match or figure.number is None:
            continue
        raw = match.group()
        decimal_sep, group = _separators(raw, figure.decimals, lang)
        for factor in _FACTORS:
            value = figure.number * factor
            written = _format(value, figure.decimals, decimal_sep, group)
            value = parse_digits(written, lang)[0]
            if value != figure.number and _absent(value, figure.decimals, numbers):
                start = figure.start + match.start()
                made.append(_replace(case.draft, start, start + len(raw), written, "changed_figure",
                                     f"{raw} → {written}"))
                break
    return _pick(made, case, "changed_figure")


def _changed_units(case, figures, lang):
    made = []
    for figure in figures:
        unit = figure.unit_text
        if unit not in _UNIT_SWAPS:
            continue
        at = figure.text.find(unit, (_number_in(figure).end() if _number_in(figure) and unit not in "$€" else 0))
        if at < 0:
            continue
        start = figure.start + at
        made.append(_replace(case.draft, start, start + len(unit), _UNIT_SWAPS[unit], "changed_unit",
                             f"{unit} → {_UNIT_SWAPS[unit]} in {figure.text}"))
    return _pick(made, case, "changed_unit")


def _changed_scales(case, figures, lang):
    made = []
    for figure in figures:
        scale = figure.scale_text
        if scale not in _SCALE_SWAPS:
            continue
        at = figure.text.find(scale)
        start = figure.start + at
        made.append(_replace(case.draft, start, start + len(scale), _SCALE_SWAPS[scale], "changed_scale",
                             f"{scale} → {_SCALE_SWAPS[scale]} in {figure.text}"))
    return _pick(made, case, "changed_scale")


def _in_sources(case: Case, name: str) -> bool:
    key = fold(name)
    return any(key in fold(source.text) for source in case.sources)


def _entities(case: Case, figures, lang):
    corpus = Corpus(case.sources)
    spans = [(f.start, f.end) for f in figures]
    return find_entities(checkable_text(case.draft), lang, corpus.capitalised, corpus.lowercase,
                         skip=lambda s, e: any(a < e and s < b for a, b in spans), capitals=corpus.capitals)


def _swapped_entities(case, figures, lang):
    others = [name for name in _OTHER_NAMES if not _in_sources(case, name)]
    made = []
    for i, entity in enumerate(_entities(case, figures, lang)):
        if not others:
            break
        other = others[i % len(others)]
        made.append(_replace(case.draft, entity.start, entity.end, other, "swapped_entity",
                             f"{entity.text} → {other}"))
    return _pick(made, case, "swapped_entity")


def _paragraph_ends(text: str) -> list[int]:
    return [m.start() for m in re.finditer(r"[.!?…»](?=\n)", text)]


def _fabricated_quotes(case, figures, lang):
    entities = [e for e in _entities(case, figures, lang) if _in_sources(case, e.text)]
    ends = _paragraph_ends(case.draft)
    made = []
    for i, end in enumerate(ends[:PER_KIND]):
        sentence = _FABRICATED[i % len(_FABRICATED)]
        if _in_sources(case, sentence):
            continue
        who = entities[i % len(entities)].text if entities else "un porte-parole"
        insert = f" « {sentence} », affirme {who}."
        at = end + 1
        quote_start = at + len(" « ")
        text = case.draft[:at] + insert + case.draft[at:]
        made.append(Variant("fabricated_quote", text, (quote_start, quote_start + len(sentence)),
                            f"« {sentence} » added"))
    return made


def _altered_quotes(case, figures, lang):
    made = []
    for i, quote in enumerate(find_quotes(checkable_text(case.draft))):
        words = [m for m in re.finditer(r"[^\W\d_]{5,}", quote.text)]
        if len(quote.text.split()) < 4 or not words:
            continue
        word = max(words, key=lambda m: len(m.group()))
        new = _QUOTE_WORDS[i % len(_QUOTE_WORDS)]
        start = quote.start + word.start()
        variant = _replace(case.draft, start, start + len(word.group()), new, "altered_quote",
                           f"{word.group()} → {new} in « {quote.text} »")
        made.append(Variant(variant.kind, variant.text, (quote.start, quote.end - len(word.group()) + len(new)),
                            variant.note))
    return _pick(made, case, "altered_quote")


def _swapped_figures(case, figures, lang):
    made = []
    for i, a in enumerate(figures):
        for b in figures[i + 1:]:
            match_a, match_b = _number_in(a), _number_in(b)
            if a.family != b.family or a.value == b.value or not match_a or not match_b:
                continue
            raw_a, raw_b = match_a.group(), match_b.group()
            start_a, start_b = a.start + match_a.start(), b.start + match_b.start()
            text = (case.draft[:start_a] + raw_b + case.draft[start_a + len(raw_a):start_b] + raw_a
                    + case.draft[start_b + len(raw_b):])
            made.append(Variant("swapped_figures", text, (start_a, start_a + len(raw_b)), f"{raw_a} ↔ {raw_b}"))
            break
    return _pick(made, case, "swapped_figures")


def _number_formats(case, figures, lang):
    made = []
    for figure in figures:
        match = _number_in(figure)
        if match is None:
            continue
        raw = match.group()
        start = figure.start + match.start()
        decimal_sep, group = _separators(raw, figure.decimals, lang)
        if abs(figure.number or 0) >= 1000:
            for space in _FORMAT_SPACES:
                if space != group and not (space == "" and abs(figure.number) >= 100000):
                    written = _format(figure.number, figure.decimals, decimal_sep, space)
                    made.append(_replace(case.draft, start, start + len(raw), written, "number_format",
                                         f"{raw!r} → {written!r}", error=False))
                    break
        after = case.draft[start + len(raw):figure.end]
        if after.startswith(" ") and len(after) > 1:
            made.append(_replace(case.draft, start + len(raw), start + len(raw) + 1, "\u00a0", "number_format",
                                 f"no-break space in {figure.text}", error=False))
    text = checkable_text(case.draft)
    for pattern, short in _MONEY_SHORT:
        for match in pattern.finditer(text):
            made.append(_replace(case.draft, match.start(), match.end(), short, "number_format",
                                 f"{match.group()} → {short}", error=False))
    return _pick(made, case, "number_format")


def _conversions(case, figures, lang):
    made = []
    for figure in figures:
        match = _number_in(figure)
        written_unit = figure.scale_text if figure.scale_text in _CONVERSIONS else figure.unit_text
        if match is None or figure.number is None or written_unit not in _CONVERSIONS or figure.per:
            continue
        if written_unit == "billion" and lang != "en":
            continue
        new_unit, factor = _CONVERSIONS[written_unit]
        if lang == "en":
            new_unit = {"milliard": "billion", "millions": "million", "pour cent": "percent"}.get(new_unit, new_unit)
        raw = match.group()
        decimal_sep, group = _separators(raw, figure.decimals, lang)
        if not group and lang == "fr":
            group = "\u202f"
        shift = {1e3: -3, 1e-3: 3, 1.0: 0}[factor]
        decimals = max(0, figure.decimals + shift)
        number = _format(figure.number * factor, decimals, decimal_sep, group)
        at = figure.text.find(written_unit, match.end())
        if at < 0:
            continue
        start = figure.start + match.start()
        end = figure.start + at + len(written_unit)
        between = case.draft[start + len(raw):figure.start + at] or (" " if new_unit[0].isalpha() else "")
        made.append(_replace(case.draft, start, end, number + between + new_unit, "conversion",
                             f"{case.draft[start:end]} → {number + between + new_unit}", error=False))
    return _pick(made, case, "conversion")


def _outside_quotes(case: Case) -> list[tuple[int, int]]:
    text = checkable_text(case.draft)
    quotes = [(q.start, q.end) for q in find_quotes(text)]
    return [(m.start(), m.end()) for m in re.finditer(r"[^\W\d_]+(?: de)?", text)
            if not any(s <= m.start() < e for s, e in quotes)]


def _paraphrases(case, figures, lang):
    made = []
    text = case.draft
    hits = []
    for start, end in _outside_quotes(case):
        for length in (end - start, end - start - 3):  # « vient de » and « vient »
            word = text[start:start + length]
            if word in _PARAPHRASES:
                hits.append((start, start + length, _PARAPHRASES[word]))
                break
    for start, end, new in hits:
        made.append(_replace(text, start, end, new, "paraphrase", f"{text[start:end]} → {new}", error=False))
    made = _pick(made, case, "paraphrase")
    if len(hits) > 1:
        rewritten = text
        for start, end, new in reversed(hits):
            rewritten = rewritten[:start] + new + rewritten[end:]
        made.append(Variant("paraphrase", rewritten, None, f"{len(hits)} words replaced"))
    return made


def _roundings(case, figures, lang):
    made = []
    for figure in figures:
        match = _number_in(figure)
        if match is None or not figure.decimals or figure.number is None:
            continue
        raw = match.group()
        decimal_sep, group = _separators(raw, figure.decimals, lang)
        written = _format(round(figure.number, figure.decimals - 1), figure.decimals - 1, decimal_sep, group)
        start = figure.start + match.start()
        made.append(_replace(case.draft, start, start + len(raw), written, "rounding", f"{raw} → {written}",
                             error=False))
    return _pick(made, case, "rounding")


# ---- scoring -----------------------------------------------------------------------------------

def _problems(report: Report) -> Counter:
    return Counter((f.kind, " ".join(f.text.split())) for f in report.findings if f.status != "supported")


def evaluate(cases: list[Case], on_variant=None) -> Score:
    """Check every variant of every case; ``on_variant()`` is called after each."""
    score = Score()
    for case in cases:
        corpus = Corpus(case.sources)
        base = _problems(check(case.draft, corpus))
        for variant in variants(case):
            report = check(variant.text, corpus)
            if variant.harmful:
                start, end = variant.span
                hits = [f for f in report.findings if f.start < end and start < f.end and f.status != "supported"]
                statuses = {f.status for f in hits}
                outcome = ("contradicted" if "contradicted" in statuses else "unsupported") if hits else "missed"
                if not hits:
                    said = [f"{f.kind} « {f.text} » {f.status} ({f.reason})" for f in report.findings
                            if f.start < end and start < f.end] or ["no item found there"]
                    score.misses.append((case.name, variant, "; ".join(said)))
            else:
                new = _problems(report) - base
                outcome = "false_alarm" if new else "clean"
                if new:
                    score.misses.append((case.name, variant, "; ".join(f"{k} « {t} »" for k, t in new)))
            score.add(variant.kind, outcome)
            if on_variant:
                on_variant()
    return score
