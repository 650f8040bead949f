import pytest

from demain.lib.houseformat import lint, parse
from demain.lib.houseformat.typography import NNBSP, fix

CASES = [
    ('Il a dit "bonjour" et l\'autre : non!', f"Il a dit «{NNBSP}bonjour{NNBSP}» et l’autre{NNBSP}: non{NNBSP}!"),
    ("Voir https://example.org/l'a?b=1:2 ; merci", f"Voir https://example.org/l'a?b=1:2{NNBSP}; merci"),
    ("Écran 16:9 à 10:30 !", f"Écran 16:9 à 10:30{NNBSP}!"),
    ("«  trop d’espaces\u00a0 »", f"«{NNBSP}trop d’espaces{NNBSP}»"),
    ("Quoi ?! Vraiment ??", f"Quoi{NNBSP}?! Vraiment{NNBSP}??"),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_it_fixes_french_typography(text, expected):
    assert fix(text) == expected


@pytest.mark.parametrize("text, expected", CASES)
def test_it_fixes_idempotently(text, expected):
    assert fix(fix(text)) == fix(text)


def test_it_leaves_nothing_for_the_linter_to_say_on_the_seed(seed_issue_path):
    text = seed_issue_path.read_text(encoding="utf-8")
    before = {finding.rule for finding in lint(parse(text))}
    assert "spacing" in before
    fixed = fix(text)
    after = {finding.rule for finding in lint(parse(fixed))}
    assert after == {"source-url-missing"}
    assert len(parse(fixed).articles) == 7


def test_it_leaves_only_missing_urls_for_the_linter_once_a_whole_issue_is_fixed():
    from tests.houseformat_samples import FULL_ISSUE

    before = {finding.rule for finding in lint(parse(FULL_ISSUE))}
    assert {"spacing", "straight-quotes"} <= before
    fixed = fix(FULL_ISSUE)
    assert {finding.rule for finding in lint(parse(fixed))} == {"source-url-missing"}
    assert len(parse(fixed).articles) == 4 and parse(fixed).app_review.name == "Devisio"
    assert fix(fixed) == fixed
