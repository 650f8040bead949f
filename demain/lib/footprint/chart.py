"""The footprint per issue over time, as an SVG chart rendered on the server (no script, no library).

Two panels share the issues, oldest first: energy (Wh) on top, CO2e (g) below, one bar per issue.
An issue with no generation recorded, or none that could be estimated, gets a dashed marker on
the baseline and says why in its tooltip, never a zero bar. The SVG has a ``<title>`` and a
``<desc>`` (``role="img"``); the page shows the same figures as a table beside it.
Built with ElementTree, so every text is escaped and the document is well-formed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from xml.etree import ElementTree as ET

from .label import decimal

SVG_NS = "http://www.w3.org/2000/svg"
WIDTH, PANEL_HEIGHT, TOP, LEFT, RIGHT, AXIS = 720, 150, 28, 78, 16, 58
MAX_LABELS = 12  # issue numbers written under the axis; the others keep their tooltip
PANELS = (("energy_wh", "Énergie", "Wh", "#b23a1e"), ("co2e_g", "CO2e", "g", "#4f6d7a"))


@dataclass(frozen=True)
class Point:
    number: int
    day: date | None
    energy_wh: float | None
    co2e_g: float | None
    generations: int = 0

    @property
    def why_missing(self) -> str:
        return "aucune génération enregistrée" if not self.generations else "sans estimation"


def nice_ceiling(value: float) -> float:
    """The smallest 1, 2 or 5 × 10ⁿ at or above ``value`` (the top of an axis)."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    return next(step * power for step in (1, 2, 5, 10) if step * power >= value * (1 - 1e-12))


def day_text(day: date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else ""


def footprint_chart(points: list[Point], chart_id: str = "empreinte-graphique") -> str:
    """The SVG document (a string) for ``points``, oldest issue first."""
    ET.register_namespace("", SVG_NS)
    height = TOP + len(PANELS) * (PANEL_HEIGHT + AXIS) + 8
    svg = ET.Element(f"{{{SVG_NS}}}svg", {
        "viewBox": f"0 0 {WIDTH} {height}", "width": str(WIDTH), "height": str(height), "role": "img",
        "aria-labelledby": f"{chart_id}-titre {chart_id}-desc", "class": "footprint-chart",
        "font-family": "sans-serif", "font-size": "11"})
    title = ET.SubElement(svg, f"{{{SVG_NS}}}title", {"id": f"{chart_id}-titre"})
    title.text = "Empreinte de la rédaction par numéro"
    desc = ET.SubElement(svg, f"{{{SVG_NS}}}desc", {"id": f"{chart_id}-desc"})
    desc.text = description(points)
    if not points:
        empty = ET.SubElement(svg, f"{{{SVG_NS}}}text", {"x": str(WIDTH // 2), "y": str(height // 2),
                                                        "text-anchor": "middle", "fill": "currentColor",
                                                        "class": "empty"})
        empty.text = "Aucun numéro pour l’instant."
        return ET.tostring(svg, encoding="unicode")
    for index, panel in enumerate(PANELS):
        draw_panel(svg, points, panel, TOP + index * (PANEL_HEIGHT + AXIS))
    return ET.tostring(svg, encoding="unicode")


def description(points: list[Point]) -> str:
    if not points:
        return "Aucun numéro : rien à tracer."
    missing = [p for p in points if p.energy_wh is None]
    text = (f"Énergie en wattheures et CO2e en grammes de chaque numéro, du N° {points[0].number} "
            f"au N° {points[-1].number}, une barre par numéro.")
    if missing:
        text += f" Sans estimation : {', '.join(f'N° {p.number}' for p in missing)}."
    return text + " Les mêmes chiffres sont dans le tableau qui suit."


def draw_panel(svg: ET.Element, points: list[Point], panel: tuple, top: float) -> None:
    field, name, unit, colour = panel
    group = ET.SubElement(svg, f"{{{SVG_NS}}}g", {"class": "panel", "data-measure": field})
    values = [getattr(p, field) for p in points if getattr(p, field) is not None]
    ceiling = nice_ceiling(max(values, default=0.0))
    base = top + PANEL_HEIGHT
    heading = ET.SubElement(group, f"{{{SVG_NS}}}text", {"x": "0", "y": f"{top - 10:.1f}", "fill": "currentColor",
                                                        "font-weight": "bold"})
    heading.text = f"{name} ({unit})"
    for fraction in (0.0, 0.5, 1.0):
        y = base - fraction * PANEL_HEIGHT
        ET.SubElement(group, f"{{{SVG_NS}}}line", {"x1": str(LEFT), "x2": str(WIDTH - RIGHT), "y1": f"{y:.1f}",
                                                  "y2": f"{y:.1f}", "stroke": "currentColor",
                                                  "stroke-opacity": "0.5" if fraction == 0 else "0.15"})
        tick = ET.SubElement(group, f"{{{SVG_NS}}}text", {"x": str(LEFT - 6), "y": f"{y + 4:.1f}",
                                                         "text-anchor": "end", "fill": "currentColor"})
        tick.text = decimal(ceiling * fraction, trim=True)
    slot = (WIDTH - LEFT - RIGHT) / len(points)
    bar = max(min(slot * 0.6, 48.0), 1.0)
    every = math.ceil(len(points) / MAX_LABELS)
    for index, point in enumerate(points):
        value = getattr(point, field)
        x = LEFT + slot * index + (slot - bar) / 2
        item = ET.SubElement(group, f"{{{SVG_NS}}}g", {"class": "issue", "data-issue": str(point.number)})
        tooltip = ET.SubElement(item, f"{{{SVG_NS}}}title")
        if value is None:
            tooltip.text = f"N° {point.number} ({day_text(point.day)}) : {point.why_missing}"
            ET.SubElement(item, f"{{{SVG_NS}}}rect", {
                "class": "missing", "x": f"{x:.1f}", "y": f"{base - 6:.1f}", "width": f"{bar:.1f}", "height": "6",
                "fill": "none", "stroke": "currentColor", "stroke-dasharray": "3 2"})
        else:
            tooltip.text = f"N° {point.number} ({day_text(point.day)}) : {decimal(value)} {unit}"
            size = value / ceiling * PANEL_HEIGHT
            ET.SubElement(item, f"{{{SVG_NS}}}rect", {
                "class": "bar", "x": f"{x:.1f}", "y": f"{base - size:.1f}", "width": f"{bar:.1f}",
                "height": f"{size:.1f}", "fill": colour, "data-value": repr(value)})
        if index % every == 0:
            label = ET.SubElement(item, f"{{{SVG_NS}}}text", {"x": f"{x + bar / 2:.1f}", "y": f"{base + 15:.1f}",
                                                             "text-anchor": "middle", "fill": "currentColor"})
            label.text = f"N° {point.number}"
            when = ET.SubElement(item, f"{{{SVG_NS}}}text", {"x": f"{x + bar / 2:.1f}", "y": f"{base + 29:.1f}",
                                                            "text-anchor": "middle", "fill": "currentColor",
                                                            "fill-opacity": "0.7", "font-size": "10"})
            when.text = point.day.strftime("%d/%m") if point.day else ""
