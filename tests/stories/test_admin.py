"""The newsroom admin: ranked stories with their parts, figures and disagreements; the actions."""

from datetime import datetime, timezone
from html import escape

import pytest
from django.template.defaultfilters import floatformat
from django.utils import translation

from demain.issues.models import Issue
from demain.stories import services
from demain.stories.models import EditorDecision, Story, StoryArticle
from tests.stories.helpers import store

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 11, 20, 12, tzinfo=timezone.utc)
PAGES = ["gazette-algorithmes--puces-ia-washington-durcit-exportations.html",
         "harbor-wire--us-export-rule-ai-accelerators.html",
         "anf--editeurs-assignent-orlo-labs.html", "circuit-ledger--french-publishers-sue-orlo.html"]


@pytest.fixture
def stories():
    for name in PAGES:
        store(name)
    return services.run(NOW).ranked


def test_it_lists_ranked_stories_and_shows_one_with_its_explanation(admin_client, stories):
    listing = admin_client.get("/admin/stories/story/").content.decode()
    assert all(escape(story.title) in listing for story in stories)
    chips = StoryArticle.objects.get(article__url__endswith=PAGES[0]).story
    page = admin_client.get(f"/admin/stories/story/{chips.pk}/change/").content.decode()
    for text in ("pourquoi ce score", "sources", "fraîcheur", "sources indépendantes", "14,3 milliards de dollars",
                 "$13.8 billion", "harbor-wire", "gazette-algorithmes"):
        assert text.lower() in page.lower(), text


def test_it_merges_pins_discards_and_starts_a_draft_from_the_list(admin_client, stories):
    ids = [s.pk for s in stories]
    admin_client.post("/admin/stories/story/", {"action": "merge_stories", "_selected_action": ids})
    assert Story.objects.filter(merged_into__isnull=True).count() == 1
    survivor = Story.objects.get(merged_into__isnull=True)
    admin_client.post("/admin/stories/story/", {"action": "pin_stories", "_selected_action": [survivor.pk]})
    Issue.objects.create(number=3, date=NOW.date(), title="N° 3")
    admin_client.post("/admin/stories/story/", {"action": "start_draft", "_selected_action": [survivor.pk]})
    assert Issue.objects.get(number=3).articles.get().sources.count() == 4
    admin_client.post("/admin/stories/story/", {"action": "discard_stories", "_selected_action": [survivor.pk]})
    survivor.refresh_from_db()
    assert survivor.pinned and survivor.discarded
    assert [d.action for d in EditorDecision.objects.order_by("at")] == ["merge", "pin", "draft", "discard"]
    assert admin_client.get("/admin/stories/editordecision/").status_code == 200


def test_it_splits_articles_out_of_a_story(admin_client, stories):
    chips = StoryArticle.objects.get(article__url__endswith=PAGES[0])
    admin_client.post("/admin/stories/storyarticle/", {"action": "split_out", "_selected_action": [chips.pk]})
    chips.refresh_from_db()
    assert chips.by_editor and chips.story.memberships.count() == 1
    assert EditorDecision.objects.get().action == "split"


def test_it_opens_the_admin_on_the_ranked_stories_with_links_to_each(admin_client, stories):
    """After `make demo` (ingest, then `demain stories --as-of latest`), the dashboard lists the top stories."""
    page = admin_client.get("/admin/").content.decode()
    assert "Sujets du jour" in page
    top = services.ranked_stories(NOW)
    assert len(top) == 2
    for story in top:
        assert f'href="/admin/stories/story/{story.pk}/change/"' in page
        assert escape(story.title) in page
        with translation.override("fr"):
            assert f"score {floatformat(story.score, 2)} · 2 sources · 2 articles" in page
    assert page.index(escape(top[0].title)) < page.index(escape(top[1].title))  # in ranking order
    assert "1 désaccord sur les chiffres" in page  # the chip-exports story: $14.3 billion against $13.8 billion
    Story.objects.filter(pk=top[0].pk).update(discarded=True)
    assert escape(top[0].title) not in admin_client.get("/admin/").content.decode()


def test_it_says_there_is_no_story_yet_on_a_fresh_newsroom(admin_client):
    page = admin_client.get("/admin/").content.decode()
    assert "Aucun sujet classé pour l’instant" in page
