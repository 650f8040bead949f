"""Figures in French and English text, as pure code (no Django).

The newsroom uses it to show where sources disagree on a figure; the drafts'
grounding checker uses it to find every figure of a draft and its support in
the sources.

    from demain.lib.figures import find_figures, compare, same_quantity, best_match, disagreements

    figures = find_figures("OpenAI a levé 14,3 milliards d'euros", lang="fr")
    figures[0].value, figures[0].unit, figures[0].dimension   # 14300000000.0, 'EUR', 'currency'

find_figures(text, lang=None) -> list[Figure]
    Every figure, left to right, without overlaps. ``lang`` (« fr » or
    « en », guessed when None) decides « billion » (10^12 in French, 10^9 in
    English; « $14.3 billion » in a French text, with a dollar sign or English
    digits, is read as English) and ambiguous separators (« 1,500 »).
    Each Figure has its span (``start``, ``end``, ``text``), ``kind``
    (number, quantity, money, percent, multiplier, date), ``value`` in the base
    unit of its ``dimension`` (units.py lists them: Wh, W, g, gCO2e, L, m, s,
    B, %, pp, currencies by ISO code without conversion, counts of tokens,
    parameters, FLOP), the ``number``, ``scale`` and ``unit_text`` as written,
    its ``precision`` (half the last written digit), ``qualifier`` (about,
    over, under, up to), ``direction`` of a multiplier (more, less), ``iso``
    for dates, the quantified ``noun`` when it can be told (folded, singular,
    French mapped to English: « foyers » → home), the sentence around it
    (``context``) and its ``keywords``.
    Forms: « 14,3 milliards », « $14.3 billion », « 0,24 Wh », « 0.24
    watt-hours », « 10 000 » (space, U+00A0, U+202F, U+2009), « 10,000 »,
    « 1.5M », « 3 millions de », « un milliard », « 14,3 Md€ », « $3m »,
    « £2bn », « 70B parameters », « 40 % », « 3 points de pourcentage »,
    « 1,14 gCO2e », « 10 000 tonnes de CO2 », « 1,2 milliard de litres »;
    multipliers « cinquante fois plus », « 10x », « ×3 », « three times as
    many »; dates « 12 mars 2025 », « March 12, 2025 », « 2025-03-12 », years;
    ranges « entre 0,18 et 0,27 gCO2e » (the first bound takes the second's
    unit). Spelled-out numbers count only with a scale, a unit or « fois »
    (« deux chercheurs » is no figure); a small bare number after a capitalised
    name is a name (« Llama 3 », « Gemini 2.5 »), so is a number glued to
    letters (« GPT-4o », « H100 »).

compare(a, b) -> Comparison: same, rounded, different, unit_slip, scale_slip or
    incomparable (compare.py documents the rounding tolerance).
same_quantity(a, b) -> bool: the two agree within rounding.
best_match(figure, candidates) -> (Figure | None, Comparison): the candidate that
    supports a figure best, else the closest slip or contradiction.
same_subject(a, b) -> bool: same family and the same quantified noun or context.
disagreements({source: figures}) -> list[Disagreement]: figures from different
    sources about the same subject whose values do not agree.

Errors: a text that is not a str raises TypeError, a lang other than « fr »
or « en » raises ValueError.
"""

from .compare import (
    APPROX_TOLERANCE,
    REL_TOLERANCE,
    best_match,
    compare,
    disagreements,
    same_quantity,
    same_subject,
    subject_score,
    tolerance,
)
from .context import guess_lang, keywords
from .model import Comparison, Disagreement, Figure
from .parse import find_figures

__all__ = [
    "APPROX_TOLERANCE",
    "REL_TOLERANCE",
    "Comparison",
    "Disagreement",
    "Figure",
    "best_match",
    "compare",
    "disagreements",
    "find_figures",
    "guess_lang",
    "keywords",
    "same_quantity",
    "same_subject",
    "subject_score",
    "tolerance",
]
