import datetime

import pytest
from django.contrib.auth.models import User

from demain.issues.models import Article, ArticleSource, Issue, StatusChange
from demain.issues.services import (ImportRejected, PublishBlocked, TransitionNotAllowed, fix_issue_typography,
                                    issue_to_parsed, lint_issue, save_parsed_issue, transition)
from demain.lib.houseformat import export, parse
from tests.houseformat_samples import FULL_ISSUE, SAMPLE

DAY = datetime.date(2027, 3, 3)
pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


@pytest.fixture
def issue():
    return save_parsed_issue(parse(SAMPLE), 7, DAY)


@pytest.fixture
def editor():
    return User.objects.create_user("redaction", password="x")


def test_it_saves_a_parsed_issue_with_its_sources(issue):
    assert issue.title == "Les fours à pain apprennent à parler."
    assert issue.editorial_punchline == "Le pétrin, lui, ne dit rien."
    assert [a.title for a in issue.articles.all()] == ["Pain sur la planche", "Qui va à la chasse perd sa clé"]
    first = issue.articles.get(position=1)
    assert first.turn.startswith("Sauf que.\n\n")
    assert [s.url for s in first.sources.all()] == ["https://example.org/rapport-2027", "https://example.org/entretien?id=4"]
    assert issue.app_review.good == "Simple, rapide, en français."


def test_it_round_trips_through_the_database(issue):
    assert issue_to_parsed(issue) == parse(SAMPLE)


def test_it_round_trips_the_seed_through_the_database(seed_issue_path):
    seed = parse(seed_issue_path.read_text(encoding="utf-8"))
    stored = save_parsed_issue(seed, 1, DAY, title="Le numéro témoin")
    back = parse(export(issue_to_parsed(stored)))
    assert (back.editorial, back.punchline, back.articles) == (seed.editorial, seed.punchline, seed.articles)
    assert back.app_review == seed.app_review


def test_it_round_trips_a_whole_issue_through_the_database():
    full = parse(FULL_ISSUE)
    stored = save_parsed_issue(full, 3, DAY, title="Un numéro complet")
    back = parse(export(issue_to_parsed(stored)))
    assert (back.editorial, back.punchline, back.articles) == (full.editorial, full.punchline, full.articles)
    assert back.app_review == full.app_review


def test_it_imports_nothing_when_one_part_does_not_fit():
    parsed = parse(SAMPLE)
    parsed.articles[1].sources[0].url = "https://exemple invalide"
    with pytest.raises(ImportRejected, match="article 2"):
        save_parsed_issue(parsed, 9, DAY)
    assert Issue.objects.count() == Article.objects.count() == ArticleSource.objects.count() == 0


def test_it_refuses_a_number_already_taken(issue):
    with pytest.raises(ImportRejected, match="existe déjà"):
        save_parsed_issue(parse(SAMPLE), 7, DAY)
    assert Issue.objects.count() == 1


def test_it_moves_through_the_workflow_and_records_who(issue, editor):
    for status in ("review", "draft", "review", "approved", "published"):
        transition(issue, status, by=editor)
    issue.refresh_from_db()
    assert issue.status == "published" and issue.published_at is not None
    history = list(StatusChange.objects.filter(issue=issue).values_list("from_status", "to_status", "by__username"))
    assert history[0] == ("draft", "review", "redaction")
    assert history[-1] == ("approved", "published", "redaction")
    assert len(history) == 5


@pytest.mark.parametrize("path", [["published"], ["approved"], ["review", "published"], ["review", "approved", "published", "draft"]])
def test_it_refuses_moves_the_workflow_does_not_allow(issue, path):
    *allowed, refused = path
    for status in allowed:
        transition(issue, status)
    with pytest.raises(TransitionNotAllowed):
        transition(issue, refused)
    assert StatusChange.objects.count() == len(allowed)


def test_it_refuses_a_duplicate_click_on_publish(issue):
    transition(issue, "review")
    transition(issue, "approved")
    stale = Issue.objects.get(pk=issue.pk)
    transition(issue, "published")
    with pytest.raises(TransitionNotAllowed):
        transition(stale, "published")
    assert StatusChange.objects.filter(to_status="published").count() == 1


def test_it_blocks_publishing_while_lint_errors_remain(issue):
    transition(issue, "review")
    transition(issue, "approved")
    Article.objects.filter(issue=issue, position=2).update(closing="", analysis="")
    with pytest.raises(PublishBlocked) as blocked:
        transition(issue, "published")
    assert {f.rule for f in blocked.value.findings} == {"analysis-missing", "closing-missing"}
    assert "article 2" in str(blocked.value)
    issue.refresh_from_db()
    assert issue.status == "approved" and issue.published_at is None
    Article.objects.filter(issue=issue, position=2).update(analysis="Une analyse.", closing="Une chute.")
    transition(issue, "published")
    assert issue.status == "published"


def test_it_fixes_typography_in_the_database(issue):
    Article.objects.filter(issue=issue, position=1).update(closing="Vraiment ? L'IA \"pense\".")
    assert {f.rule for f in lint_issue(issue)} == {"spacing", "straight-quotes"}
    assert fix_issue_typography(issue) == 1
    assert lint_issue(issue) == []
    assert fix_issue_typography(issue) == 0


def test_it_blocks_approving_while_lint_errors_remain(issue):
    Article.objects.filter(issue=issue, position=2).update(closing="")
    transition(issue, "review")
    with pytest.raises(PublishBlocked) as blocked:
        transition(issue, "approved")
    assert [f.rule for f in blocked.value.findings] == ["closing-missing"]
    assert str(blocked.value).startswith("Approbation refusée : 1 erreur à corriger")
    issue.refresh_from_db()
    assert issue.status == "review"
    assert not StatusChange.objects.filter(to_status="approved").exists()
    Article.objects.filter(issue=issue, position=2).update(closing="Une chute.")
    transition(issue, "approved")
    assert Issue.objects.get(pk=issue.pk).status == "approved"
