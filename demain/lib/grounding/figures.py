"""Figures: each figure of the draft against the sources' figures (demain.lib.figures).

For one draft figure, in this order:

1. **supported** when a source figure of the same dimension agrees with it and
   shares its subject (its quantified noun or context words), else when any
   source figure agrees: ``compare(draft, source, directed=True, rel=ROUNDING_REL)``.
   The rounding bound is the draft's own stated precision: half its last
   written digit (« 14 milliards » covers 13,5 to 14,5 milliards; « 0,24 Wh »
   covers 0,235 to 0,245 Wh; « 82 % » covers 81,5 to 82,5 %; a round integer
   « 90 000 » half its last non-zero digit, at most 5 %), widened to
   APPROX_TOLERANCE (10 %) when the draft says « environ », « près de »,
   « about »…; « plus de X » agrees with any value above X. No other relative
   slack (ROUNDING_REL is 0). A source's rounder figure never supports a more
   precise draft figure (« 4,87 » is not supported by « 5 »). A bare source
   number supports a figure with a unit only when no source writes a figure
   of that unit (« 40 pays » does not support « 40 % » beside « 25 % »). The
   explanation gives the bound used.
2. **contradicted, unit or scale slip** when a source writes the same number
   with another unit (mm for mL, kWh for Wh, % for points) or another scale
   (million for milliard) about the same subject: never silently accepted.
   When the only agreeing source figure shares nothing with the draft figure's
   subject while a source figure of the same dimension about that very subject
   (subject_score ≥ OTHER_SUBJECT) gives another value, the figure is
   **contradicted**: a value taken from another sentence (« 35 % » of the
   savings written as the share of cooling).
3. **supported, derived** when two source figures compute it — a ratio, a
   change, a decrease, a share, a difference or a sum
   (demain.lib.figures.derivations), both operands sharing the figure's subject
   (a context word or its noun) — one is enough for a difference or a sum of
   three figures of one unit — and never a relative change or share of two
   percentages (5 % of 67 % is no figure a draft means); the explanation and
   the snippet show the computation.
4. **contradicted, different** when a source gives another value for the same
   quantity (same dimension and subject: demain.lib.figures.same_subject).
5. **unsupported** otherwise.
"""

from __future__ import annotations

from demain.lib.figures import Figure, compare, derivations, same_subject, subject_score, tolerance

from .model import Finding
from .text import snippet

__all__ = ["ROUNDING_REL", "check_figure"]

ROUNDING_REL = 0.0  # relative slack beyond the draft's written precision (see the docstring)
OTHER_SUBJECT = 0.5  # subject_score from which a source figure is about the draft figure's own subject

_SLIPS = {"unit_slip": "glissement d'unité", "scale_slip": "glissement d'échelle"}
_RELATIVE = ("change", "decrease", "share")  # of two percentages: no meaning a draft would give it
_OPERATIONS = {"ratio": "rapport", "change": "hausse", "decrease": "baisse", "share": "part",
               "difference": "différence", "sum": "somme"}


def _name(figure: Figure) -> str:
    return " ".join(figure.text.split())


def check_figure(figure: Figure, corpus) -> Finding:
    base = dict(text=figure.text, kind="figure", start=figure.start, end=figure.end)
    agree_on, agree_any, slips, different = [], [], [], []
    # « 40 % » is not supported by a bare « 40 » (« 40 pays ») when some source writes a percentage
    unit_written = figure.dimension != "number" and any(other.family == figure.family for _, other in corpus.figures)
    for source, other in corpus.figures:
        if unit_written and other.dimension == "number":
            continue
        result = compare(figure, other, directed=True, rel=ROUNDING_REL)
        if result.status == "incomparable":
            continue
        score = subject_score(figure, other)
        same_dimension = other.dimension == figure.dimension
        if result.agrees:
            (agree_on if same_dimension and score > 0 else agree_any).append(
                (not same_dimension, -score, result.status != "same", source, other, result))
        elif result.status in _SLIPS:
            if same_dimension or score > 0:
                slips.append((-score, other.start, source, other, result))
        elif same_subject(figure, other) or (same_dimension and score >= OTHER_SUBJECT):
            different.append((-score, other.start, source, other, result))

    def supported(source, other, result) -> Finding:
        if result.status == "same":
            reason, how = "exact", f"la source écrit {_name(other)}"
        else:
            bound = tolerance(figure, other, directed=True, rel=ROUNDING_REL)
            reason, how = "rounded", (f"la source écrit {_name(other)} : arrondi admis, écart ≤ {bound:.3g} "
                                       f"{figure.unit}".rstrip())
        return Finding(**base, status="supported", source=source.name,
                       snippet=snippet(source.text, other.start, other.end), reason=reason, explanation=how)

    if agree_on:
        return supported(*min(agree_on, key=lambda item: item[:3])[3:])
    if slips:
        _, _, source, other, result = min(slips, key=lambda item: item[:2])
        return Finding(**base, status="contradicted", source=source.name,
                       snippet=snippet(source.text, other.start, other.end), reason=result.status,
                       explanation=f"{_SLIPS[result.status]} : le brouillon écrit {_name(figure)}, "
                                   f"la source {_name(other)}")
    if agree_any:
        best = min(agree_any, key=lambda item: item[:3])
        # the value is in a source, but about something else, and the source gives another value here
        if different and best[1] == 0 and best[0] is False and min(different)[0] <= -OTHER_SUBJECT:
            _, _, source, other, result = min(different, key=lambda item: item[:2])
            return Finding(**base, status="contradicted", source=source.name,
                           snippet=snippet(source.text, other.start, other.end), reason="different",
                           explanation=f"la source donne {_name(other)} à ce sujet ; {_name(best[4])} y porte "
                                       "sur autre chose")
        return supported(*best[3:])
    derived = _derived(figure, corpus)
    if derived:
        return derived
    if different:
        _, _, source, other, result = min(different, key=lambda item: item[:2])
        return Finding(**base, status="contradicted", source=source.name,
                       snippet=snippet(source.text, other.start, other.end), reason="different",
                       explanation=f"la source donne {_name(other)} pour la même quantité")
    return Finding(**base, status="unsupported", reason="not_found",
                   explanation="aucune source ne donne ce chiffre, ni deux chiffres qui le calculent")


def _derived(figure: Figure, corpus) -> Finding | None:
    """Two on-subject source figures that compute ``figure``, the computation shown."""
    if figure.kind == "date" or figure.dimension == "number" or figure.value is None:
        return None
    where = {}
    pool = []
    for source, other in corpus.figures:
        if other.kind == "date" or other.dimension == "number" or other.value is None:
            continue
        where[id(other)] = source
        pool.append(other)

    def related(other: Figure) -> bool:
        return bool(figure.keywords & other.keywords) or bool(figure.noun and figure.noun == other.noun)

    def plausible(d) -> bool:
        if d.operation in _RELATIVE and d.a.dimension in ("percent", "points"):
            return False
        if d.operation in ("difference", "sum") and d.a.dimension == figure.dimension:
            return related(d.a) or related(d.b)  # three figures of one unit: one on-subject operand is enough
        return related(d.a) and related(d.b)

    found = [d for d in derivations(figure, pool) if plausible(d)]
    if not found:
        return None
    best = max(found, key=lambda d: (related(d.a) + related(d.b), where[id(d.a)] is where[id(d.b)]))
    source_a, source_b = where[id(best.a)], where[id(best.b)]
    names = source_a.name if source_a is source_b else f"{source_a.name} ; {source_b.name}"
    shown = (f"{best.text} — {source_a.name} : « {snippet(source_a.text, best.a.start, best.a.end)} »"
             f" ; {source_b.name} : « {snippet(source_b.text, best.b.start, best.b.end)} »")
    return Finding(text=figure.text, kind="figure", start=figure.start, end=figure.end, status="supported",
                   source=names, snippet=shown, reason="derived",
                   explanation=f"chiffre calculé ({_OPERATIONS.get(best.operation, best.operation)}) : {best.text}")
