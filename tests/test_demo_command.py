"""`demain demo`: the editor account and the published demo issue, idempotent."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from demain.issues.models import Issue, StatusChange

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


def run_demo() -> str:
    out = io.StringIO()
    call_command("demo", stdout=out)
    return out.getvalue()


def test_it_loads_and_publishes_the_demo_issue(client, settings):
    settings.SITE_URL = "http://127.0.0.1:8000"
    output = run_demo()
    issue = Issue.objects.get(number=1)
    assert issue.status == Issue.Status.PUBLISHED and issue.published_at is not None
    assert issue.articles.count() == 4
    assert issue.app_review.name == "Scribouille"
    assert issue.editorial_punchline
    assert all(article.sources.exists() for article in issue.articles.all())
    assert [change.to_status for change in StatusChange.objects.filter(issue=issue)] == ["review", "approved", "published"]
    editor = get_user_model().objects.get(username="editeur")
    assert editor.is_superuser and editor.check_password("demain-demo")
    for url in ["http://127.0.0.1:8000/", "http://127.0.0.1:8000/numeros/1/", "http://127.0.0.1:8000/numeros/",
                "http://127.0.0.1:8000/flux/rss/", "http://127.0.0.1:8000/flux/atom/",
                "http://127.0.0.1:8000/sitemap.xml", "http://127.0.0.1:8000/admin/"]:
        assert url in output
    assert "editeur" in output and "demain-demo" in output
    html = client.get("/numeros/1/").content.decode()
    assert "Sauf que" in html and "App sous le radar" in html


def test_it_can_run_twice_without_duplicating_anything():
    run_demo()
    second = run_demo()
    assert Issue.objects.count() == 1
    assert get_user_model().objects.filter(username="editeur").count() == 1
    assert StatusChange.objects.count() == 3
    assert "existe déjà" in second


def test_it_leaves_an_edited_demo_issue_and_password_alone():
    run_demo()
    Issue.objects.filter(number=1).update(title="Titre retouché")
    editor = get_user_model().objects.get(username="editeur")
    editor.set_password("autre-mot-de-passe")
    editor.save()
    output = run_demo()
    assert Issue.objects.get(number=1).title == "Titre retouché"
    assert get_user_model().objects.get(username="editeur").check_password("autre-mot-de-passe")
    assert "demain-demo" not in output


def test_it_writes_demo_text_in_the_house_format_without_lint_errors():
    from demain.lib.houseformat import lint, parse
    from demain.site.management.commands.demo import DEMO_ISSUE

    parsed = parse(DEMO_ISSUE.read_text(encoding="utf-8"))
    assert parsed.skipped == []
    assert [finding for finding in lint(parsed) if finding.severity == "error"] == []
    assert any(article.turn for article in parsed.articles)
