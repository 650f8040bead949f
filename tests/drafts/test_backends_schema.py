"""The JSON schemas, the versioned prompt templates and the house-format rendering with its lint."""

from __future__ import annotations

import json
import re

import pytest

from demain.lib.drafting import prompts, render
from demain.lib.drafting.schema import InvalidAnswer, parse_answer
from demain.lib.houseformat import parse
from tests.drafts.stories import ARTICLE_A, RESERVED, STORY, valid_article

URL = ARTICLE_A.url


def test_it_accepts_a_valid_answer_even_in_code_fences():
    data = parse_answer("article", f"```json\n{valid_article()}\n```", {URL})
    assert data["title"] == "Un long fleuve pas si tranquille"


@pytest.mark.parametrize("change, message", [
    (lambda d: d.pop("facts"), "'facts' is a required property"),
    (lambda d: d.update(facts=[]), "facts"),
    (lambda d: d.update(closing=7), "7 is not of type 'string'"),
    (lambda d: d.update(extra="x"), "Additional properties"),
    (lambda d: d.update(title="Un titre qui finit par un point."), "sans point final"),
    (lambda d: d["sources"].append({"label": "Inventée", "url": "https://ailleurs.example"}),
     "n’est pas celle d’un des articles fournis"),
])
def test_it_rejects_an_answer_outside_the_schema_with_the_reason(change, message):
    data = json.loads(valid_article())
    change(data)
    with pytest.raises(InvalidAnswer, match=re.escape(message)):
        parse_answer("article", json.dumps(data), {URL})


def test_it_rejects_text_that_is_not_json():
    with pytest.raises(InvalidAnswer, match="pas du JSON valide"):
        parse_answer("article", '{"title": "Coupé au mil', {URL})


def test_it_fills_versioned_french_prompt_templates_with_the_story():
    prompt = prompts.build(STORY, list(STORY.articles))
    assert prompt.version == "article.v1"
    assert (prompts.PROMPTS_DIR / "article.v1.txt").exists()
    assert "Le monde de demAIn" in prompt.system and "« Un centre de données gourmand" in prompt.user
    assert "12 mégawatts selon l’opérateur" in prompt.user and ARTICLE_A.url in prompt.user
    assert '"required": ["title", "facts", "enjeux", "closing", "sources"]' in prompt.user
    assert not re.search(r"\$[a-z_]+", prompt.system + prompt.user)


def test_it_refuses_a_template_with_an_unknown_placeholder(tmp_path, monkeypatch):
    (tmp_path / "article.v9.txt").write_text("Système\n=== utilisateur ===\nSujet : $inconnu\n", encoding="utf-8")
    monkeypatch.setattr(prompts, "PROMPTS_DIR", tmp_path)
    with pytest.raises(KeyError, match="inconnu"):
        prompts.build(STORY, [RESERVED], "article.v9")


def test_it_renders_a_draft_in_the_house_format_the_parser_reads_back():
    data = json.loads(valid_article())
    text, findings = render("article", data)
    issue = parse("Le monde\nde demAIn\n\nÉdito.\n\nChute.\n\n" + text)
    (article,) = issue.articles
    assert article.title == data["title"] and article.facts == data["facts"]
    assert article.turn == ["Sauf que.", *data["sauf_que"]] and article.closing == data["closing"]
    assert [s.url for s in article.sources] == [URL]
    assert [f for f in findings if f.severity == "error"] == []


def test_it_runs_the_house_linter_on_every_draft():
    data = json.loads(valid_article())
    data["facts"] = ["Il a dit \"bonjour\" : puis  il est parti le le lendemain."]
    _, findings = render("article", data)
    assert {"straight-quotes", "repeated-word"} <= {f.rule for f in findings}
    assert all(f.scope == "article" for f in findings)


def test_it_refuses_an_unknown_backend_name():
    from demain.lib.drafting import DraftingError, draft
    from tests.drafts.stories import settings

    with pytest.raises(DraftingError) as caught:
        draft(STORY, settings(), backend="gpt-magique")
    assert caught.value.code == "unknown_backend" and "extractive, openai, local" in caught.value.french


def test_it_reads_a_story_from_plain_data():
    from demain.lib.drafting import Story

    story = Story.from_dict({"title": "T", "articles": [{"source": "S", "url": "https://s.example", "language": "en",
                                                          "text": "Texte.", "tdm_reserved": True}],
                             "disagreements": ["12 contre 18", {"summary": "x", "sentences": ["Phrase."]}]})
    assert story.articles[0].tdm_reserved and story.articles[0].language == "en"
    assert story.disagreements[0].summary == "12 contre 18" and story.disagreements[1].sentences == ("Phrase.",)
    assert story.usable_by_models() == ([], [story.articles[0]])
