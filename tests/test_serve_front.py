"""Published pages written as files for nginx (PUBLISH_STATIC_DIR, `demain publish_static`)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from demain.issues.models import Issue
from tests.site_factory import make_issue

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


def test_it_writes_every_published_page_and_nothing_else(tmp_path):
    make_issue(1)
    make_issue(2, published=False, title="Brouillon confidentiel")
    out = io.StringIO()
    call_command("publish_static", "--dir", str(tmp_path), "--json", stdout=out)
    written = sorted(str(Path(path).relative_to(tmp_path)) for path in json.loads(out.getvalue()))
    assert written == ["flux/atom/index.atom", "flux/rss/index.rss", "index.html", "numeros/1/index.html",
                       "numeros/index.html", "sitemap.xml/index.xml"]
    page = (tmp_path / "numeros/1/index.html").read_text()
    assert "Titre du numéro 1" in page
    assert "Brouillon confidentiel" not in "".join(p.read_text() for p in tmp_path.rglob("*") if p.is_file())
    assert "<rss" in (tmp_path / "flux/rss/index.rss").read_text()


def test_it_writes_a_sign_up_box_without_any_token_that_opens_the_sign_up_page(tmp_path, client):
    make_issue(1)
    call_command("publish_static", "--dir", str(tmp_path), stdout=io.StringIO())
    page = (tmp_path / "numeros/1/index.html").read_text()
    assert "csrfmiddlewaretoken" not in page and "demain-hole" not in page and 'name="started"' not in page
    assert '<form method="get" action="/inscription/">' in page
    form = client.get("/inscription/", {"email": "lecteur@exemple.org"}).content.decode()
    assert 'value="lecteur@exemple.org"' in form and "csrfmiddlewaretoken" in form


def test_it_rewrites_the_files_when_an_issue_changes_or_is_withdrawn(tmp_path, settings,
                                                                     django_capture_on_commit_callbacks):
    settings.PUBLISH_STATIC_DIR = str(tmp_path)
    issue = make_issue(1)
    make_issue(2)
    call_command("publish_static", stdout=io.StringIO())
    with django_capture_on_commit_callbacks(execute=True):
        article = issue.articles.get(position=1)
        article.title = "Un titre corrigé"
        article.save()
    assert "Un titre corrigé" in (tmp_path / "numeros/1/index.html").read_text()
    with django_capture_on_commit_callbacks(execute=True):
        issue.status = Issue.Status.DRAFT
        issue.save()
    assert not (tmp_path / "numeros/1").exists()
    assert "Titre du numéro 1" not in (tmp_path / "numeros/index.html").read_text()
    assert (tmp_path / "numeros/2/index.html").exists()


def test_it_refuses_to_publish_without_a_directory(settings):
    settings.PUBLISH_STATIC_DIR = ""
    with pytest.raises(CommandError, match="PUBLISH_STATIC_DIR"):
        call_command("publish_static")


def test_it_rewrites_the_files_once_for_an_edit_that_saves_many_rows(tmp_path, settings, monkeypatch,
                                                                     django_capture_on_commit_callbacks):
    from demain.site import front_files

    settings.PUBLISH_STATIC_DIR = str(tmp_path)
    issue = make_issue(1)
    writes = []
    real = front_files.write_front_files
    monkeypatch.setattr(front_files, "write_front_files", lambda *a, **k: writes.append(1) or real(*a, **k))
    with django_capture_on_commit_callbacks(execute=True):
        issue.title = "Un numéro revu"
        issue.save()
        for article in issue.articles.all():
            article.title = f"Titre revu {article.position}"
            article.save()
    assert len(writes) == 1
    page = (tmp_path / "numeros/1/index.html").read_text()
    assert "Un numéro revu" in page and "Titre revu 1" in page
