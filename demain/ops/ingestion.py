"""Where the last ingestion is read from: a hook the newsroom's `sources` app fills.

The `sources` app registers, in its ``AppConfig.ready()``, a function returning
its last ingestion run, or None when nothing was ever ingested::

    from demain.ops import ingestion
    ingestion.register(lambda: {"at": run.finished_at, "ok": run.ok, "summary": "12 articles, 2 erreurs"})

``ok`` False makes `demain status` unhealthy. Without a provider (or before the
first run) the dashboard and `demain status` say « pas encore d’ingestion ».
"""

from __future__ import annotations

from typing import Callable

NEVER = "pas encore d’ingestion"
_providers: list[Callable[[], dict | None]] = []


def register(provider: Callable[[], dict | None]) -> None:
    if provider not in _providers:
        _providers.append(provider)


def unregister(provider: Callable[[], dict | None]) -> None:
    if provider in _providers:
        _providers.remove(provider)


def last_ingestion() -> dict:
    """The latest run any provider reports: ``{"at", "ok", "summary"}``; ``at`` None when there is none."""
    runs = [run for run in (provider() for provider in _providers) if run and run.get("at")]
    if not runs:
        return {"at": None, "ok": True, "summary": NEVER}
    latest = max(runs, key=lambda run: run["at"])
    return {"at": latest["at"], "ok": bool(latest.get("ok", True)), "summary": latest.get("summary", "")}
