"""Comparing figures: one figure against another, and sources against each other.

Rounding tolerance: two values agree when they differ by at most the larger of
- REL_TOLERANCE (2 %) of the larger value,
- the precision of the less precise figure: half its last written digit
  (« 1,2 milliard » ± 50 millions; « 0,24 Wh » ± 0.005 Wh), and for a round
  integer half its last non-zero digit, capped at ROUND_CAP (5 %) of its
  value (« 90 000 » ± 4 500, « 120 MW » ± 5 MW),
- APPROX_TOLERANCE (10 %) when either figure is qualified « environ »,
  « about », « près de », « roughly »….
« plus de X » / « more than X » agrees with any value above X (within the
tolerance), « moins de X », « jusqu'à X » / « up to X » with any value below.

compare(a, b) -> Comparison with status same, rounded, different,
unit_slip (the same number with another unit: mm/mL, kWh/MWh, $/€, %/points),
scale_slip (the same number with another scale: million/milliard) or
incomparable. same_quantity(a, b) is compare(a, b).agrees.

disagreements(figures_by_source) pairs the figures of different sources that
read as the same quantity about the same subject — same dimension (and
currency, and count noun), and the same quantified noun or at least
MIN_SHARED context keywords making SUBJECT_OVERLAP of the smaller keyword set,
or, for energy, power, mass, CO2e, volume, data, money and counts, the only
figure of that family in each source within a factor UNIQUE_FACTOR (10) —
and whose values do not agree. A figure that agrees with any figure of the
other source about that subject is never reported (a source may give both
the old and the new value).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from collections import Counter
from itertools import combinations

from .model import Comparison, Disagreement, Figure

__all__ = ["APPROX_TOLERANCE", "REL_TOLERANCE", "compare", "disagreements", "best_match",
           "same_quantity", "same_subject", "subject_score", "tolerance"]

REL_TOLERANCE = 0.02
APPROX_TOLERANCE = 0.10
ROUND_CAP = 0.05
SUBJECT_OVERLAP = 0.3
MIN_SHARED = 2
# Dimensions specific enough that, when each source gives exactly one figure of
# that family within UNIQUE_FACTOR of each other, the two are about the same thing.
SPECIFIC = frozenset({"energy", "power", "mass", "co2e", "volume", "data", "currency", "count"})
UNIQUE_FACTOR = 10.0


def _within_factor(a: Figure, b: Figure, factor: float) -> bool:
    if not a.value or not b.value or (a.value > 0) != (b.value > 0):
        return False
    ratio = a.value / b.value
    return 1 / factor <= ratio <= factor


def tolerance(a: Figure, b: Figure) -> float:
    """The largest difference between a's and b's values that is still rounding."""
    largest = max(abs(a.value or 0.0), abs(b.value or 0.0))
    rel = APPROX_TOLERANCE if "about" in (a.qualifier, b.qualifier) else REL_TOLERANCE
    return max(rel * largest, a.precision, b.precision)


def _close(a: Figure, b: Figure) -> bool:
    gap = tolerance(a, b)
    if a.qualifier in ("over",) or b.qualifier in ("over",):
        low, high = (a, b) if a.qualifier == "over" else (b, a)
        return high.value >= low.value - gap
    if a.qualifier in ("under", "up to") or b.qualifier in ("under", "up to"):
        high, low = (a, b) if a.qualifier in ("under", "up to") else (b, a)
        return low.value <= high.value + gap
    return abs(a.value - b.value) <= gap


def _numbers_close(a: Figure, b: Figure) -> bool:
    """The numbers as written agree (« 14,3 » and « 14.3 »), whatever their scale and unit."""
    if a.number is None or b.number is None:
        return False
    gap = max(REL_TOLERANCE * max(abs(a.number), abs(b.number)), 0.5 * 10 ** -a.decimals,
              0.5 * 10 ** -b.decimals)
    return abs(a.number - b.number) <= gap


def _same_family(a: Figure, b: Figure) -> bool:
    if a.dimension != b.dimension:
        return False
    if a.dimension in ("currency", "count"):
        return a.unit == b.unit
    return True


def compare(a: Figure, b: Figure) -> Comparison:
    """What b says about a (symmetric): same, rounded, different, unit_slip, scale_slip, incomparable."""
    if a.kind == "date" or b.kind == "date":
        if a.kind != b.kind:
            return Comparison("incomparable", "a date and a quantity")
        if a.iso == b.iso:
            return Comparison("same")
        if a.iso and b.iso and (a.iso.startswith(b.iso) or b.iso.startswith(a.iso)):
            return Comparison("rounded", f"{a.iso} and {b.iso} are one date at two precisions")
        return Comparison("different", f"{a.iso} vs {b.iso}")
    if _same_family(a, b):
        if a.direction != b.direction and a.dimension == "ratio" and None not in (a.direction, b.direction):
            return Comparison("different", f"{a.direction} vs {b.direction}")
        if a.value == b.value:
            return Comparison("same")
        if _close(a, b):
            return Comparison("rounded", f"within ±{tolerance(a, b):.3g} {a.unit}".rstrip())
        if _numbers_close(a, b) and a.scale != b.scale:
            return Comparison("scale_slip", f"{a.scale_text or 'no scale'} vs {b.scale_text or 'no scale'}")
        if _numbers_close(a, b):
            return Comparison("unit_slip", f"{a.unit_text} vs {b.unit_text}")
        return Comparison("different", f"{a.value:.6g} vs {b.value:.6g} {a.unit}".rstrip())
    if "number" in (a.dimension, b.dimension) and a.value is not None and b.value is not None:
        if a.kind != "multiplier" and b.kind != "multiplier" and abs(a.value - b.value) <= tolerance(a, b):
            return Comparison("rounded", "the unit is written on one side only")
        return Comparison("incomparable", f"{a.dimension} vs {b.dimension}")
    if _numbers_close(a, b) and a.scale == b.scale:
        return Comparison("unit_slip", f"{a.unit_text or a.unit} vs {b.unit_text or b.unit}")
    return Comparison("incomparable", f"{a.dimension} vs {b.dimension}")


def same_quantity(a: Figure, b: Figure) -> bool:
    """a and b give the same value (within the rounding tolerance) in the same unit."""
    return compare(a, b).agrees


def subject_score(a: Figure, b: Figure) -> float:
    """How much a and b read as about the same thing, 0..1 (nouns and context keywords)."""
    shared = a.keywords & b.keywords
    smaller = min(len(a.keywords), len(b.keywords))
    overlap = len(shared) / smaller if smaller else 0.0
    if len(shared) < MIN_SHARED:
        overlap = 0.0
    if a.noun and a.noun == b.noun:
        overlap = max(overlap, 0.5) + 0.5
    return min(1.0, overlap)


def same_subject(a: Figure, b: Figure) -> bool:
    """a and b measure the same kind of thing and their contexts say it is the same quantity."""
    if a.kind == "date" or b.kind == "date" or not _same_family(a, b):
        return False
    if a.dimension == "number" and not (a.noun and a.noun == b.noun):
        return False
    return subject_score(a, b) >= SUBJECT_OVERLAP


def best_match(figure: Figure, candidates: Iterable[Figure]) -> tuple[Figure | None, Comparison]:
    """The candidate that supports ``figure`` best: an agreeing one first (the most on-subject),
    else the most on-subject slip or different value among those of its family, else
    (None, incomparable). For the drafts' checker: a draft figure against its sources' figures."""
    ranked = []
    for other in candidates:
        result = compare(figure, other)
        if result.status == "incomparable":
            continue
        order = 0 if result.agrees else (1 if result.status.endswith("slip") else 2)
        ranked.append((order, -subject_score(figure, other), other.start, other, result))
    if not ranked:
        return None, Comparison("incomparable", "no figure of the same kind")
    ranked.sort(key=lambda item: item[:3])
    return ranked[0][3], ranked[0][4]


def disagreements(figures_by_source: Mapping[Hashable, Iterable[Figure]]) -> list[Disagreement]:
    """Every pair of sources' figures about the same subject whose values disagree."""
    lists = {source: [f for f in figures if f.kind != "date"] for source, figures in figures_by_source.items()}
    found: list[Disagreement] = []
    for (source_a, figures_a), (source_b, figures_b) in combinations(lists.items(), 2):
        if source_a == source_b:
            continue
        reported = set()
        counts_a = Counter(f.family for f in figures_a)
        counts_b = Counter(f.family for f in figures_b)

        def related(a: Figure, b: Figure) -> bool:
            if same_subject(a, b):
                return True
            return (a.dimension in SPECIFIC and _same_family(a, b) and counts_a[a.family] == 1
                    and counts_b[b.family] == 1 and _within_factor(a, b, UNIQUE_FACTOR))

        for a in figures_a:
            candidates = [b for b in figures_b if related(a, b)]
            if not candidates or any(same_quantity(a, b) for b in candidates):
                continue
            b = max(candidates, key=lambda other: (subject_score(a, other), -other.start))
            if any(same_quantity(other, b) for other in figures_a if related(other, b)):
                continue
            if (a.start, b.start) in reported:
                continue
            reported.add((a.start, b.start))
            found.append(Disagreement(source_a, a, source_b, b, compare(a, b), a.keywords & b.keywords))
    return found
