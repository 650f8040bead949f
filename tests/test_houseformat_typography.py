import importlib

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


# --- Percentages, quotes that never nest, French plurals, HTML text ----------------------------

lint_rules = importlib.import_module("demain.lib.houseformat.lint")
from demain.lib.houseformat.typography import plural, quote, space, space_html  # noqa: E402


def test_it_spaces_a_percentage_and_the_linter_says_so():
    assert fix("Une hausse de 95% en un an, 12 %.") == f"Une hausse de 95{NNBSP}% en un an, 12{NNBSP}%."
    assert fix("https://exemple.org/a%20b et 95%") == f"https://exemple.org/a%20b et 95{NNBSP}%"
    problems = list(lint_rules.text_problems(lint_rules.Text("editorial", None, "editorial", "éditorial", "95% des PME")))
    assert [rule for rule, _, _ in problems] == ["spacing"]
    assert "avant « % »" in problems[0][2]
    assert list(lint_rules.text_problems(lint_rules.Text("editorial", None, "editorial", "éditorial", fix("95% des PME")))) == []


def test_it_never_nests_guillemets():
    assert quote("L’extrait") == f"«{NNBSP}L’extrait{NNBSP}»"
    assert quote("Le « bon » plan") == f"«{NNBSP}Le “bon” plan{NNBSP}»"
    assert quote(f"«{NNBSP}Déjà cité{NNBSP}»").count("«") == 1


@pytest.mark.parametrize("count, expected", [(0, "0 erreur"), (1, "1 erreur"), (2, "2 erreurs"), (-1, "-1 erreur")])
def test_it_counts_in_french(count, expected):
    assert plural(count, "erreur") == expected


def test_it_counts_irregular_forms():
    assert plural(0, "numéro publié", "numéros publiés") == "0 numéro publié"
    assert plural(3, "champ corrigé", "champs corrigés") == "3 champs corrigés"


def test_it_spaces_html_text_but_not_tags_attributes_urls_or_code():
    html = ('<p title="a:b">Note: « <a href="https://x.org/?q=1">lien</a> » 95%&#8239;? '
            '<code>a:b;</code> voir https://x.org/a?b=1 à 10:30</p><style>p{margin:0;}</style><!-- x: y -->')
    assert space_html(html) == (
        f'<p title="a:b">Note{NNBSP}: «{NNBSP}<a href="https://x.org/?q=1">lien</a>{NNBSP}» 95{NNBSP}%{NNBSP}? '
        '<code>a:b;</code> voir https://x.org/a?b=1 à 10:30</p><style>p{margin:0;}</style><!-- x: y -->')
    assert space_html(space_html(html)) == space_html(html)
    assert space_html("<p>a &amp; b &lt;c&gt; : d</p>") == f"<p>a &amp; b &lt;c&gt;{NNBSP}: d</p>"


def test_it_spaces_plain_text_without_touching_links():
    text = "Confirmez : https://demain.example/inscription/confirmer/abc:def/?x=1 !"
    assert space(text) == f"Confirmez{NNBSP}: https://demain.example/inscription/confirmer/abc:def/?x=1{NNBSP}!"


def test_it_quotes_an_excerpt_without_nesting_guillemets():
    problems = list(lint_rules.text_problems(lint_rules.Text("editorial", None, "editorial", "éditorial",
                                                             "Il a dit «bonjour» puis rien")))
    [message] = [text for rule, _, text in problems if rule == "spacing"]
    assert message.count("«") == 1 and "“bonjour”" in message


def test_it_leaves_only_missing_urls_for_the_linter_once_a_whole_issue_is_fixed():
    from tests.houseformat_samples import FULL_ISSUE

    before = {finding.rule for finding in lint(parse(FULL_ISSUE))}
    assert {"spacing", "straight-quotes"} <= before
    fixed = fix(FULL_ISSUE)
    assert {finding.rule for finding in lint(parse(fixed))} == {"source-url-missing"}
    assert len(parse(fixed).articles) == 4 and parse(fixed).app_review.name == "Devisio"
    assert fix(fixed) == fixed
