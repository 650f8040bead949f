"""An issue's footprint as readers see it: one French sentence with the figures, then the perimeter.

:func:`issue_label` turns the ledger's total for an issue into a :class:`Label`. When nothing was
recorded the label says so (« Aucune génération d’IA… »): a zero is never shown as a measurement.
When no generation could be estimated (a remote model EcoLogits does not know), the figures are
missing, not zero. Numbers are French: decimal comma, narrow no-break space between thousands, two
significant digits (the power model is declared, not metered: more digits would claim a precision
the method does not have).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from demain.lib.houseformat.typography import NNBSP, plural

from .ledger import Footprint

# What every label counts, whatever the issue: the ledger only knows the calls demain made itself.
SCOPE = ("Le registre ne compte que les générations faites par demain (rédaction des articles, réponses aux "
         "lecteurs) ; un outil d’IA utilisé en dehors de demain n’y figure pas.")
COUNTED_APART = "sans estimation ne sont pas dans le total."  # the total's own note; the summary says it
NOTHING = "Aucune génération d’IA n’est enregistrée pour ce numéro : il n’y a pas de mesure à afficher."


def decimal(value: float, significant: int = 2, trim: bool = False) -> str:
    """« 0,029 », « 1,2 », « 41 », « 1 235 »: French digits, ``significant`` digits kept (all above 100).

    ``trim`` drops trailing zeros (« 0,5 », not « 0,50 »), for an axis rather than a measurement.
    """
    if value == 0:
        return "0"
    magnitude = math.floor(math.log10(abs(value)))
    places = max(significant - 1 - magnitude, 0)
    rounded = round(value, places)
    if rounded and math.floor(math.log10(abs(rounded))) > magnitude:  # 0,0996 → 0,10, not 0,100
        places = max(places - 1, 0)
    text = f"{rounded:,.{places}f}"
    if trim and "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(",", NNBSP).replace(".", ",")


def quantity(value: float, unit: str) -> str:
    return f"{decimal(value)}{NNBSP if unit else ''}{unit}"


_SECONDS = re.compile(r"^(?P<what>.*) \((?P<seconds>\d[\d\u202f]*(?:,\d+)?) s × (?P<rest>.*)\)$")


def merge_seconds(items: list[str]) -> list[str]:
    """Per-call items « X (1,2 s × 3,5 W …) » summed into one « X (3,4 s au total × 3,5 W …) »."""
    merged: dict[tuple[str, str], float] = {}
    out: list[str | tuple[str, str]] = []
    for item in items:
        found = _SECONDS.match(item)
        if not found:
            out.append(item)
            continue
        key = (found["what"], found["rest"])
        if key not in merged:
            merged[key] = 0.0
            out.append(key)
        merged[key] += float(found["seconds"].replace(NNBSP, "").replace(",", "."))
    return [item if isinstance(item, str)
            else f"{item[0]} ({decimal(merged[item], 3)} s au total × {item[1]})" for item in out]


@dataclass
class Label:
    generations: int  # ledger rows for the issue
    unestimated: int  # rows without an energy estimate (left out of the totals)
    energy_wh: float | None = None
    co2e_g: float | None = None
    water_l: float | None = None
    included: list[str] = field(default_factory=list)
    excluded: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def recorded(self) -> bool:
        return self.generations > 0

    @property
    def measured(self) -> bool:
        """Some generation has an estimate: the figures mean something."""
        return self.generations > self.unestimated and self.energy_wh is not None

    def figures(self) -> list[str]:
        """« 0,029 Wh d’électricité », « 0,0012 gCO2e », « 0,05 L d’eau » (water only with a factor)."""
        if not self.measured:
            return []
        found = [f"{quantity(self.energy_wh, 'Wh')} d’électricité"]
        if self.co2e_g is not None:
            found.append(f"{quantity(self.co2e_g, 'gCO2e')}")
        if self.water_l is not None:
            found.append(f"{quantity(self.water_l, 'L')} d’eau")
        return found

    def summary(self) -> str:
        """The sentence with the figures, or the honest absence of any."""
        if not self.recorded:
            return NOTHING
        count = plural(self.generations, "génération d’IA enregistrée", "générations d’IA enregistrées")
        if not self.measured:
            return f"{count} pour ce numéro, sans estimation possible : aucune mesure à afficher."
        text = f"{count} pour ce numéro : {', '.join(self.figures())}"
        if self.unestimated:
            text += f" (hors {plural(self.unestimated, 'génération', 'générations')} sans estimation)"
        return text + "."

    @property
    def scope(self) -> str:
        return SCOPE

    def counted(self) -> str:
        return ", ".join(self.included) or "rien"

    def left_out(self) -> str:
        return ", ".join(self.excluded)

    def lines(self) -> list[str]:
        """The label as plain-text lines (email text part, the command line)."""
        lines = [self.summary()]
        if self.recorded:
            lines += [f"Compté : {self.counted()}.", f"Non compté : {self.left_out()}.", *self.notes]
        return [*lines, self.scope]

    def to_dict(self) -> dict:
        return {"generations": self.generations, "unestimated": self.unestimated, "energy_wh": self.energy_wh,
                "co2e_g": self.co2e_g, "water_l": self.water_l, "included": self.included,
                "excluded": self.excluded, "notes": self.notes, "summary": self.summary()}


def issue_label(footprint: Footprint | None, generations: int, unestimated: int) -> Label:
    """The label of an issue from its ledger total (None, or anything, when nothing was recorded)."""
    if not generations or footprint is None:
        return Label(0, 0)
    measured = generations > unestimated
    return Label(generations, unestimated,
                 footprint.energy_wh if measured else None, footprint.co2e_g if measured else None,
                 footprint.water_l if measured else None, merge_seconds(footprint.included),
                 list(footprint.excluded), [note for note in footprint.notes if not note.endswith(COUNTED_APART)])
