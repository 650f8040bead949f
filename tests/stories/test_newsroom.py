"""The newsroom over stored articles: stories, ranking, figures, and the editor's decisions."""

import json
from datetime import date, datetime, timezone
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import override_settings

from demain.issues.models import Issue
from demain.stories import services
from demain.stories.models import EditorDecision, Story, StoryArticle
from tests.stories.helpers import store
from tests.stories.test_clustering import SMALL_SET

NOW = datetime(2026, 11, 23, 12, tzinfo=timezone.utc)


def story_of(name: str) -> Story:
    return StoryArticle.objects.get(article__url__endswith=name).story


@pytest.fixture
def stored(db):
    return {name: store(name) for name in SMALL_SET}


@pytest.mark.postgres
def test_it_groups_stored_articles_into_ranked_explained_stories(stored):
    summary = services.run(NOW)
    assert summary.new_articles == len(SMALL_SET)
    assert summary.new_stories == len(set(SMALL_SET.values()))
    for event in set(SMALL_SET.values()):
        assert len({story_of(n).pk for n, label in SMALL_SET.items() if label == event}) == 1, event
    ranked = summary.ranked
    assert [s.score for s in ranked] == sorted((s.score for s in ranked), reverse=True)
    for story in ranked:
        assert [p["name"] for p in story.score_parts] == ["sources", "recency", "topics", "novelty"]
        assert story.score == pytest.approx(sum(p["value"] for p in story.score_parts), abs=1e-3)
    orlo = story_of("echo-tech--orlo-4-consommation-energie.html")
    assert orlo.sources_count == 3
    assert set(orlo.figures) == {"harbor-wire", "echo-tech", "observateur-machines"}
    again = services.run(NOW)
    assert (again.new_articles, again.new_stories) == (0, 0)


@pytest.mark.postgres
def test_it_shows_where_sources_disagree_on_a_figure(db):
    store("gazette-algorithmes--puces-ia-washington-durcit-exportations.html")
    store("harbor-wire--us-export-rule-ai-accelerators.html")
    (story,) = services.run(NOW).ranked
    assert {"gazette-algorithmes", "harbor-wire"} == set(story.figures)
    assert [(d["source_a"], d["a"], d["source_b"], d["b"]) for d in story.disagreements] == [
        ("gazette-algorithmes", "14,3 milliards de dollars", "harbor-wire", "$13.8 billion")]


@pytest.mark.postgres
def test_it_keeps_the_editors_decisions_on_the_next_run(stored):
    services.run(NOW)
    release = story_of("echo-tech--orlo-4-consommation-energie.html")
    lawsuit = story_of("anf--editeurs-assignent-orlo-labs.html")
    services.merge([release, lawsuit])
    water = story_of("northbridge--kestrel-aragon-data-centre-water.html")
    moved = StoryArticle.objects.filter(article__url__endswith="gazette-algorithmes--kestrel-centre-donnees-eau-aragon.html")
    split_off = services.split(water, list(moved))
    deepfake = story_of("northbridge--fake-audio-new-brunswick-vote.html")
    services.discard(deepfake)
    mammography = story_of("signal-noise--aarhus-mammography-ai-trial.html")
    services.pin(mammography)

    store("anf--faux-audio-candidate-acadienne.html")  # a new article about the discarded event
    summary = services.run(NOW)

    assert story_of("anf--editeurs-assignent-orlo-labs.html") == release
    assert Story.objects.get(pk=lawsuit.pk).merged_into == release
    assert story_of("gazette-algorithmes--kestrel-centre-donnees-eau-aragon.html") == split_off
    assert story_of("northbridge--kestrel-aragon-data-centre-water.html") == water
    assert story_of("anf--faux-audio-candidate-acadienne.html") == deepfake
    assert deepfake.pk not in [s.pk for s in summary.ranked] and lawsuit.pk not in [s.pk for s in summary.ranked]
    assert summary.ranked[0] == mammography
    actions = list(EditorDecision.objects.order_by("at").values_list("action", flat=True))
    assert actions == ["merge", "split", "discard", "pin"]


def test_it_refuses_meaningless_decisions(stored):
    services.run(NOW)
    story = story_of("anf--editeurs-assignent-orlo-labs.html")
    with pytest.raises(ValueError, match="at least two"):
        services.merge([story])
    with pytest.raises(ValueError, match="some, not all"):
        services.split(story, list(story.memberships.all()))
    assert EditorDecision.objects.count() == 0


def test_it_opens_the_next_issue_when_none_is_in_preparation(stored):
    services.run(NOW)
    story = story_of("anf--editeurs-assignent-orlo-labs.html")
    published = Issue.objects.create(number=7, date=date(2099, 1, 5), title="N° 7", status="published")
    article = services.start_draft(story)
    opened = article.issue
    assert opened.pk != published.pk and opened.number == 8 and opened.status == Issue.Status.DRAFT
    assert opened.date == date(2099, 1, 12)  # a week after the latest issue
    again = services.start_draft(story)
    assert again.issue.pk == opened.pk and again.position == 2  # the same issue, not another one


def test_it_starts_a_draft_article_with_the_storys_sources(stored):
    services.run(NOW)
    issue = Issue.objects.create(number=7, date=NOW.date(), title="N° 7")
    story = story_of("anf--editeurs-assignent-orlo-labs.html")
    article = services.start_draft(story)
    assert article.issue == issue and article.title == ""
    labels = list(article.sources.values_list("label", flat=True))
    assert len(labels) == 2 and any(label.startswith("anf — ") for label in labels)
    assert EditorDecision.objects.get().action == "draft"


@override_settings(STORIES_WINDOW_DAYS=3650)
def test_it_prints_ranked_stories_as_json(stored):
    out = StringIO()
    call_command("stories", "--json", stdout=out)
    data = json.loads(out.getvalue())
    assert data["new_articles"] == len(SMALL_SET)
    first = data["stories"][0]
    assert set(first) >= {"title", "score", "parts", "explanation", "sources", "articles", "figures", "disagreements"}
    assert sum(first["parts"].values()) == pytest.approx(first["score"], abs=1e-3)
    out = StringIO()
    call_command("stories", stdout=out)
    assert "nouveaux sujets : 0" in out.getvalue() and " 1. " in out.getvalue()


def test_it_ranks_as_of_the_newest_article_and_refuses_a_bad_date(stored):
    out = StringIO()
    call_command("stories", "--as-of", "latest", "--json", stdout=out)
    assert json.loads(out.getvalue())["new_articles"] == len(SMALL_SET)
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="--as-of takes an ISO date"):
        call_command("stories", "--as-of", "last tuesday")
