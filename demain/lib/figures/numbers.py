"""Numbers as written: digits with French or English separators, and spelled-out numbers.

Digit groups may be separated by a space, a no-break space (U+00A0), a narrow
no-break space (U+202F) or a thin space (U+2009) — « 10 000 » — or by a comma
(English « 10,000 ») or a dot (older French « 10.000 »). One separator
followed by exactly three digits is ambiguous (« 1,500 »): in English a comma
groups thousands and a dot is decimal; in French the reverse. Two different
separators (« 1,234.5 », « 1.234,5 ») or a repeated one (« 1,000,000 ») are
never ambiguous.

Spelled-out numbers (« cinquante », « deux cent mille », « twenty-five »)
are read with text2num; the caller decides when they count as a figure.
"""

from __future__ import annotations

import re

from text_to_num import text2num

__all__ = ["NUMBER_RE", "SPELLED_RE", "parse_digits", "parse_spelled"]

SPACES = " \u00a0\u202f\u2009"

NUMBER_RE = re.compile(
    r"(?<![\w.,])(?<![^\W\d_]-)"  # not inside a word, another number or « GPT-4 »
    r"(?:\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?!\d)(?:[.,]\d+)?"  # 10 000 / 10 000,5
    r"|\d+(?:[.,]\d+)*)"  # 10,000 / 10.000 / 0,24 / 1,234.5
)

_FR_UNITS = ("zéro un une deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze "
             "quinze seize dix-sept dix-huit dix-neuf vingt vingts trente quarante cinquante soixante "
             "cent cents mille").split()
_EN_UNITS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
             "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy "
             "eighty ninety hundred thousand").split()
_WORDS = sorted(set(_FR_UNITS + _EN_UNITS), key=len, reverse=True)
_WORD = "(?:" + "|".join(_WORDS) + ")"
SPELLED_RE = re.compile(
    r"(?<![\w-])" + _WORD + r"(?:(?:-|\s+|\s+et\s+|\s+and\s+|-et-)" + _WORD + r")*(?![\w-])",
    re.IGNORECASE,
)


def parse_digits(raw: str, lang: str) -> tuple[float, int]:
    """The value of a number written with digits, and how many decimals it shows."""
    text = raw
    for space in SPACES:
        text = text.replace(space, "")
    commas, dots = text.count(","), text.count(".")
    if commas and dots:
        decimal = "," if text.rfind(",") > text.rfind(".") else "."
    elif commas > 1 or dots > 1:
        decimal = "." if commas else ","  # the repeated one groups thousands
    elif commas or dots:
        sep = "," if commas else "."
        head, tail = text.split(sep)
        grouping = len(tail) == 3 and head != "0" and len(head) <= 3 and not any(s in raw for s in SPACES)
        if grouping and ((sep == "," and lang == "en") or (sep == "." and lang == "fr")):
            decimal = "." if sep == "," else ","
        else:
            decimal = sep
    else:
        decimal = "."
    grouping_sep = "." if decimal == "," else ","
    text = text.replace(grouping_sep, "")
    whole, _, fraction = text.partition(decimal)
    value = float(f"{whole}.{fraction}" if fraction else whole)
    return value, len(fraction)


def parse_spelled(raw: str, lang: str) -> int | None:
    """The value of a spelled-out number, or None when text2num cannot read it."""
    words = re.sub(r"\s+", " ", raw.strip().lower())
    for language in (lang, "en" if lang == "fr" else "fr"):
        try:
            return int(text2num(words, language))
        except ValueError:
            continue
    return None
