"""The figure, as found in a text, and what comparing two of them tells."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Hashable

__all__ = ["Comparison", "Disagreement", "Figure"]

KINDS = ("number", "quantity", "money", "percent", "multiplier", "date")


@dataclass(frozen=True)
class Figure:
    """One figure: where it is, what it says, and what it is about.

    ``value`` is in the base unit of its dimension (Wh, W, g, gCO2e, L, m, s,
    B, %, pp, the currency's ISO code, a count noun, × for multipliers, "" for
    plain numbers), scale and unit applied: « 14,3 milliards d'euros » has
    number 14.3, scale 1e9, value 1.43e10, unit "EUR", dimension "currency".
    ``precision`` is half the last written digit, in the same base unit
    (« 1,2 milliard » → 5e7): the rounding a writer may have done.
    Dates have ``value`` None and an ``iso`` form instead.
    """

    text: str  # as written, the span [start, end) of the input
    start: int
    end: int
    kind: str  # number | quantity | money | percent | multiplier | date
    value: float | None
    unit: str
    dimension: str  # energy, power, mass, co2e, volume, length, time, data, percent, points,
    # currency, count, ratio, number, date
    number: float | None = None  # the number as written (14.3)
    scale: float = 1.0  # 1e9 for « milliards »
    unit_text: str = ""  # the unit as written (« kWh », « d'euros », « % »)
    scale_text: str = ""  # the scale as written (« milliards », « bn »)
    precision: float = 0.0
    decimals: int = 0  # digits written after the decimal separator
    qualifier: str | None = None  # about | over | under | up to
    direction: str | None = None  # more | less, for multipliers
    iso: str | None = None  # for dates: 2025-03-12, 2025-03, 2025, --03-12, T14:05
    noun: str | None = None  # the quantified noun, folded and mapped (« foyers » → home)
    context: str = ""  # the sentence around the figure
    keywords: frozenset[str] = field(default_factory=frozenset)
    lang: str = "fr"

    @property
    def family(self) -> tuple[str, str]:
        """(dimension, unit) for currencies and counts, (dimension, base unit) otherwise:
        two figures of one family can be compared by value."""
        return (self.dimension, self.unit)


@dataclass(frozen=True)
class Comparison:
    """What comparing two figures found.

    status: ``same`` (equal values), ``rounded`` (equal within the rounding
    tolerance), ``different`` (same kind of quantity, other value),
    ``unit_slip`` (the same number with another unit: mm for mL, kWh for
    MWh, $ for €, % for points), ``scale_slip`` (the same number with another
    scale: million for billion), ``incomparable`` (different kinds).
    """

    status: str
    detail: str = ""

    @property
    def agrees(self) -> bool:
        return self.status in ("same", "rounded")


@dataclass(frozen=True)
class Disagreement:
    """Two sources give different values for what reads as the same quantity."""

    source_a: Hashable
    a: Figure
    source_b: Hashable
    b: Figure
    comparison: Comparison
    shared: frozenset[str]  # the context keywords both figures share
