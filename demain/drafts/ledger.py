"""The footprint ledger: record each generation with its footprint, and total them per issue.

    from demain.drafts import ledger
    ledger.record(result.generations, draft=draft, issue=issue)          # after drafting
    ledger.record(generations, purpose=Generation.Purpose.QUESTION)     # after answering a reader
    ledger.issue_total(issue)  # a demain.lib.footprint.Footprint, with its perimeter

The arithmetic is pure (``demain.lib.footprint``); the factors come from the
``FOOTPRINT_*`` settings at the time of the generation, and are stored with it.
"""

from __future__ import annotations

from typing import Iterable

from django.conf import settings

from demain.conf import SETTINGS
from demain.lib.footprint import Factors, Footprint, account, total
from demain.lib.footprint import Generation as Call

from .models import Generation


FACTOR_SETTINGS = [setting.name for setting in SETTINGS if setting.name.startswith("FOOTPRINT_")]


def factors() -> Factors:
    return Factors.from_settings({name: getattr(settings, name) for name in FACTOR_SETTINGS})


def record(calls: Iterable[Call], *, purpose: str = Generation.Purpose.DRAFT, draft=None, issue=None
           ) -> list[Generation]:
    """One ledger row per call, with its footprint and perimeter."""
    chosen = factors()
    rows = []
    for call in calls:
        footprint = account(call, chosen)
        rows.append(Generation.objects.create(
            purpose=purpose, draft=draft, issue=issue, backend=call.backend, model=call.model,
            input_tokens=call.input_tokens, output_tokens=call.output_tokens, wall_seconds=call.wall_seconds,
            cpu_seconds=call.cpu_seconds, cached=call.cached, energy_wh=footprint.energy_wh,
            co2e_g=footprint.co2e_g, water_l=footprint.water_l, method=footprint.method,
            included=footprint.included, excluded=footprint.excluded, notes=footprint.notes))
    return rows


def as_footprint(row: Generation) -> Footprint:
    return Footprint(row.energy_wh, row.co2e_g, row.water_l, row.method, list(row.included), list(row.excluded),
                     list(row.notes))


def issue_rows(issue) -> list[Generation]:
    """Every generation recorded for ``issue``, in the order they were made."""
    return list(Generation.objects.filter(issue=issue).order_by("pk"))


def issue_total(issue, rows: list[Generation] | None = None) -> Footprint:
    """Every generation recorded for ``issue`` (or these ``rows`` of it), summed, with the union of their
    perimeters."""
    return total(as_footprint(row) for row in (issue_rows(issue) if rows is None else rows))
