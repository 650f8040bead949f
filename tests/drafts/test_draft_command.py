"""demain draft STORY_ID [--backend NAME] [--json]: the workflow, synchronously, from the command line."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from demain.drafts.models import CheckItem, Draft, Generation
from tests.drafts.fake_openai import FakeOpenAI, chat_reply
from tests.drafts.stories import ARTICLE_A, ARTICLE_B, valid_article
from tests.drafts.workflow_helpers import draft_issue, stored_story

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = io.StringIO()
    call_command("draft", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


@pytest.mark.postgres
def test_it_drafts_a_story_and_prints_it_as_json():
    issue = draft_issue()
    story = stored_story()
    data = json.loads(run(str(story.pk), "--backend", "extractive", "--json"))
    draft = Draft.objects.get()
    assert data["draft"] == draft.pk and data["status"] == "checked" and data["issue"] == issue.number
    assert data["text"] == draft.text and data["text"].startswith(draft.data["title"])
    stored = CheckItem.objects.filter(draft=draft).order_by("position")
    assert data["items"] == [{"text": i.text, "kind": i.kind, "status": i.status, "source": i.source or None,
                              "snippet": i.snippet or None} for i in stored]
    assert data["items"] and all(set(i) == {"text", "kind", "status", "source", "snippet"} for i in data["items"])
    (row,) = Generation.objects.filter(draft=draft)
    assert data["footprint"]["energy_wh"] == pytest.approx(row.energy_wh)
    assert data["footprint"]["method"] == "cpu-time" and data["footprint"]["included"]
    assert data["notes"] == draft.notes and data["left_out"] == []


def test_it_prints_the_draft_the_findings_and_the_footprint():
    draft_issue()
    story = stored_story()
    text = run(str(story.pk))
    draft = Draft.objects.get()
    assert text.startswith(f"Brouillon n° {draft.pk} — sujet n° {story.pk} — moteur extractive — n° 3, article 1")
    assert draft.text.splitlines()[0] in text and "Enjeux et perspectives" in text
    assert f"Vérification de brouillon n° {draft.pk} : {draft.items.count()} éléments" in text
    assert "Empreinte : " in text and "Compté : temps CPU" in text


def test_it_reports_a_failed_draft_and_exits_1(settings, tmp_path):
    draft_issue()
    story = stored_story()
    with FakeOpenAI([chat_reply(valid_article((ARTICLE_A.url, ARTICLE_B.url)))], api_key="bonne") as fake:
        settings.LLM_BASE_URL, settings.LLM_MODEL, settings.LLM_API_KEY = fake.base_url, "fake-model", "mauvaise"
        settings.LLM_CACHE, settings.VAR_DIR = False, tmp_path
        out = io.StringIO()
        with pytest.raises(SystemExit) as exit_code:
            call_command("draft", str(story.pk), "--backend", "openai", "--json", stdout=out, stderr=io.StringIO())
    assert exit_code.value.code == 1
    data = json.loads(out.getvalue())
    assert data["status"] == "failed" and data["text"] == "" and data["items"] == []
    assert data["error"] == Draft.objects.get().error and data["error"]


def test_it_refuses_an_unknown_story_clearly():
    with pytest.raises(CommandError, match="aucun sujet n° 4242") as caught:
        run("4242")
    assert caught.value.returncode == 2
    assert not Draft.objects.exists()


@pytest.mark.parametrize("value, text", [(3.6e-8, "0,000000036"), (0.00123, "0,0012"), (1.5, "1,5"), (0, "0")])
def test_it_writes_tiny_footprints_readably(value, text):
    from demain.drafts.management.commands.draft import significant

    assert significant(value) == text
