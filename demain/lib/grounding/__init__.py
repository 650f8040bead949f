"""The grounding checker: every figure, quotation and name of a draft, checked against its sources.

Pure code (no Django). The drafts stage runs it on every draft; ``demain check``
runs it alone.

    from demain.lib.grounding import Source, check

    report = check(draft_text, [Source("Le Monde", text, url="https://…"), …])
    report.ok                      # True when every item is supported
    for finding in report.findings:
        finding.kind, finding.status, finding.text, finding.source, finding.snippet

A draft is French or English, and so is each source (each guessed when not
given). The items:

- figures, found and compared by demain.lib.figures (number forms and scales in
  both languages, milliard = billion, Wh/kWh/TWh, g/kg/gCO2e, mL/L, %); the
  rounding bound, unit and scale slips and derived figures: figures.py;
- quotations in « », “ ” or straight double quotes, ellipses and translated
  quotations: quotes.py;
- names of people, companies and products (heuristic, no model): entities.py.

Each Finding is supported (with the source's name and a snippet), unsupported
(source and snippet None) or contradicted (a source says otherwise: its name
and snippet); its ``reason`` and ``explanation`` say why — the rounding bound
used, the slip, the computation of a derived figure, a translated quotation
the editor must accept. Report.as_json() is what ``demain check --json``
prints. read_sources(directory) reads .txt and .html sources from disk.

Errors: a draft that is not a str raises TypeError; two sources with one name
raise ValueError; read_sources raises SourceError on an unreadable directory or
file, naming it.
"""

from .check import check, checkable_text
from .corpus import Corpus
from .model import KINDS, STATUSES, Finding, Report, Source
from .sources import SourceError, read_sources

__all__ = ["KINDS", "STATUSES", "Corpus", "Finding", "Report", "Source", "SourceError", "check",
           "checkable_text", "read_sources"]
