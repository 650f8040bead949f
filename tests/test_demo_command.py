"""`demain demo`: the editor account, the published archive and the current demo issue, idempotent."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from demain.issues.models import Issue, StatusChange
from demain.site.management.commands.demo import DEMO_ISSUES, DEMO_NUMBER

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


def run_demo() -> str:
    out = io.StringIO()
    call_command("demo", stdout=out)
    return out.getvalue()


def test_it_loads_and_publishes_the_demo_issue(client, settings):
    settings.SITE_URL = "http://127.0.0.1:8000"
    output = run_demo()
    issue = Issue.objects.get(number=DEMO_NUMBER)
    assert issue.status == Issue.Status.PUBLISHED and issue.published_at is not None
    assert issue.articles.count() == 4
    assert issue.app_review.name == "Scribouille"
    assert issue.editorial_punchline
    assert all(article.sources.exists() for article in issue.articles.all())
    assert [change.to_status for change in StatusChange.objects.filter(issue=issue)] == ["review", "approved", "published"]
    editor = get_user_model().objects.get(username="editeur")
    assert editor.is_superuser and editor.check_password("demain-demo")
    for url in ["http://127.0.0.1:8000/", f"http://127.0.0.1:8000/numeros/{DEMO_NUMBER}/", "http://127.0.0.1:8000/numeros/",
                "http://127.0.0.1:8000/flux/rss/", "http://127.0.0.1:8000/flux/atom/",
                "http://127.0.0.1:8000/sitemap.xml", "http://127.0.0.1:8000/admin/"]:
        assert url in output
    assert "editeur" in output and "demain-demo" in output
    html = client.get(f"/numeros/{DEMO_NUMBER}/").content.decode()
    assert "Sauf que" in html and "App sous le radar" in html
    assert client.get("/").content.decode().count(issue.title) >= 1


def test_it_publishes_the_archive_one_week_apart_before_the_current_issue(client):
    run_demo()
    issues = list(Issue.objects.order_by("number"))
    assert [issue.number for issue in issues] == list(range(1, DEMO_NUMBER + 1)) and DEMO_NUMBER == 7
    assert all(issue.status == Issue.Status.PUBLISHED for issue in issues)
    assert [(issues[-1].date - issue.date).days for issue in issues] == [42, 35, 28, 21, 14, 7, 0]
    assert [issue.published_at.date() for issue in issues[:-1]] == [issue.date for issue in issues[:-1]]
    assert sum(issue.articles.count() for issue in issues[:-1]) >= 25
    assert all(issue.app_review.name and issue.editorial for issue in issues)
    archive = client.get("/numeros/").content.decode()
    assert all(issue.title in archive for issue in issues)


def test_it_can_run_twice_without_duplicating_anything():
    run_demo()
    second = run_demo()
    assert Issue.objects.count() == len(DEMO_ISSUES) == DEMO_NUMBER
    assert get_user_model().objects.filter(username="editeur").count() == 1
    assert StatusChange.objects.count() == 3 * DEMO_NUMBER
    assert "laissés tels quels" in second and f"N° {DEMO_NUMBER} (" in second


def test_it_leaves_an_edited_demo_issue_and_password_alone():
    run_demo()
    Issue.objects.filter(number=DEMO_NUMBER).update(title="Titre retouché")
    editor = get_user_model().objects.get(username="editeur")
    editor.set_password("autre-mot-de-passe")
    editor.save()
    output = run_demo()
    assert Issue.objects.get(number=DEMO_NUMBER).title == "Titre retouché"
    assert get_user_model().objects.get(username="editeur").check_password("autre-mot-de-passe")
    assert "demain-demo" not in output


@pytest.mark.parametrize("demo", DEMO_ISSUES, ids=lambda demo: f"n{demo.number}")
def test_it_writes_demo_text_in_the_house_format_without_lint_errors(demo):
    from demain.lib.houseformat import lint, parse

    parsed = parse(demo.path.read_text(encoding="utf-8"))
    assert parsed.skipped == []
    assert [finding for finding in lint(parsed) if finding.severity == "error"] == []
    assert any(article.turn for article in parsed.articles)
    assert parsed.app_review is not None and parsed.punchline
