"""Derived figures: a figure that no source writes but two sourced figures compute.

derivations(target, figures) lists the computations over pairs of ``figures``
that give ``target``'s value within its rounding, each with the computation
written out for the editor (« 1,14 gCO2e / 0,03 gCO2e = 38 »):

- a multiplier (« cinquante fois plus », « 10x »): a / b, a and b of one family;
- a percentage: the change (a − b) / b × 100, or the share a / b × 100;
- percentage points: a − b, two percentages;
- any other figure: a − b or a + b, all three of one family.

A derived figure is supported only through one of these, shown; the drafts'
checker decides what to do with it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .compare import REL_TOLERANCE, _same_family
from .model import Figure

__all__ = ["Derivation", "derivations"]


@dataclass(frozen=True)
class Derivation:
    operation: str  # ratio | change | share | difference | sum
    a: Figure
    b: Figure
    value: float  # what the computation gives, in the target's unit
    text: str  # the computation, written out


def _fits(value: float, target: Figure) -> bool:
    gap = max(REL_TOLERANCE * abs(target.value), target.precision)
    return abs(value - target.value) <= gap


def _fmt(value: float) -> str:
    return f"{value:.3g}"


def derivations(target: Figure, figures: Iterable[Figure]) -> list[Derivation]:
    """Every pair of ``figures`` whose ratio, change, share, difference or sum gives ``target``."""
    if target.value is None or target.kind == "date":
        return []
    pool = [f for f in figures if f.value is not None and f.kind != "date" and f is not target]
    found: list[Derivation] = []
    for a in pool:
        for b in pool:
            if a is b or not _same_family(a, b):
                continue
            found.extend(_candidates(target, a, b))
    return found


def _candidates(target: Figure, a: Figure, b: Figure):
    dimension = target.dimension
    if dimension == "ratio" and b.value:
        ratio = a.value / b.value
        if target.direction == "less" and a.value:
            ratio = b.value / a.value
        if ratio > 1 and _fits(ratio, target):
            yield Derivation("ratio", a, b, ratio, f"{a.text} / {b.text} = {_fmt(ratio)}")
    elif dimension == "percent" and b.value:
        change = (a.value - b.value) / b.value * 100
        if a.value > b.value and _fits(change, target):
            yield Derivation("change", a, b, change, f"({a.text} − {b.text}) / {b.text} = {_fmt(change)} %")
        share = a.value / b.value * 100
        if a.value < b.value and _fits(share, target):
            yield Derivation("share", a, b, share, f"{a.text} / {b.text} = {_fmt(share)} %")
    elif dimension == "points" and a.dimension == "percent":
        difference = a.value - b.value
        if difference > 0 and _fits(difference, target):
            yield Derivation("difference", a, b, difference, f"{a.text} − {b.text} = {_fmt(difference)} points")
    elif _same_family(target, a):
        per_unit = target.value / target.number if target.number else 1.0
        written = f" {target.scale_text} {target.unit_text}".rstrip() if per_unit else ""
        difference = a.value - b.value
        if difference > 0 and _fits(difference, target):
            yield Derivation("difference", a, b, difference,
                             f"{a.text} − {b.text} = {_fmt(difference / per_unit)}{written}".replace("  ", " "))
        total = a.value + b.value
        if a.start < b.start and _fits(total, target):
            yield Derivation("sum", a, b, total,
                             f"{a.text} + {b.text} = {_fmt(total / per_unit)}{written}".replace("  ", " "))
