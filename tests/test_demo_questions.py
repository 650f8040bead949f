"""The question set shipped for `demain eval archive`: well formed over the demo archive."""

import io
import json
import re

import pytest
from django.core.management import call_command

from demain.issues.models import Issue
from demain.issues.services import lint_issue
from demain.lib.houseformat.lint import errors
from demain.site.management.commands.demo import DEMO_QUESTIONS

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

ANSWER = re.compile(r"^/numeros/(\d+)/#([a-z0-9-]+)$")
ENGLISH = re.compile(r"\b(the|what|how|do|does|is|are|can|who|which|were|has)\b", re.IGNORECASE)


def load_questions() -> list[dict]:
    return json.loads(DEMO_QUESTIONS.read_text(encoding="utf-8"))


def published_anchors() -> set[str]:
    """Every article and app review of the published demo, as « /numeros/N/#anchor »."""
    anchors = set()
    for issue in Issue.objects.filter(status=Issue.Status.PUBLISHED).prefetch_related("articles"):
        anchors |= {f"{issue.get_absolute_url()}#{article.anchor}" for article in issue.articles.all()}
        if hasattr(issue, "app_review"):
            anchors.add(f"{issue.get_absolute_url()}#app-sous-le-radar")
    return anchors


def test_it_ships_a_question_set_whose_every_answer_is_a_published_demo_article(client):
    call_command("demo", stdout=io.StringIO())
    questions = load_questions()
    assert len(questions) >= 40
    anchors = published_anchors()
    cited = set()
    for item in questions:
        assert set(item) == {"question", "answers"}, item
        assert isinstance(item["question"], str) and len(item["question"].strip()) >= 10, item
        assert isinstance(item["answers"], list) and len(set(item["answers"])) == len(item["answers"]), item
        for answer in item["answers"]:
            number, anchor = ANSWER.match(answer).groups()
            assert answer in anchors, f"{item['question']} → {answer}: no such published article"
            assert f'id="{anchor}"' in client.get(f"/numeros/{number}/").content.decode()
            cited.add(answer)
    texts = [item["question"].strip().lower() for item in questions]
    assert len(set(texts)) == len(texts), "a question is asked twice"
    unanswerable = [item for item in questions if not item["answers"]]
    assert len(unanswerable) / len(questions) >= 0.25
    assert sum(bool(ENGLISH.search(item["question"])) for item in questions) >= 6
    assert any(len(item["answers"]) > 1 for item in questions)
    # Every issue of the demo is asked about, the archive as well as the current one.
    assert {answer.split("#")[0] for answer in cited} == {issue.get_absolute_url() for issue in Issue.objects.all()}


def test_it_stores_every_demo_issue_without_a_house_lint_error():
    call_command("demo", stdout=io.StringIO())
    issues = list(Issue.objects.all())
    assert len(issues) == 7
    for issue in issues:
        assert errors(lint_issue(issue)) == [], issue


def test_it_rejects_an_anchor_that_points_nowhere():
    call_command("demo", stdout=io.StringIO())
    anchors = published_anchors()
    assert "/numeros/1/#article-1" in anchors and "/numeros/7/#app-sous-le-radar" in anchors
    assert "/numeros/1/#article-9" not in anchors and "/numeros/8/#article-1" not in anchors
    Issue.objects.filter(number=1).update(status=Issue.Status.DRAFT)
    assert "/numeros/1/#article-1" not in published_anchors()
