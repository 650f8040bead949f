"""Published pages are rendered once, served from the page cache, and made stale by every change they show."""

from __future__ import annotations

import time

import pytest
from django.core import signing
from django.db import connection
from django.test import Client
from django.test.signals import template_rendered
from django.test.utils import CaptureQueriesContext

from demain.audience import abuse
from demain.audience.models import OfferPage
from demain.issues import services
from demain.issues.models import Issue
from demain.site import page_cache
from tests.serve_helpers import fresh_page_cache, wsgi_get  # noqa: F401  (autouse fixture)
from tests.site_factory import make_issue

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


@pytest.fixture
def renders():
    """How many times each template was rendered."""
    counted: dict[str, int] = {}

    def count(sender, template, **kwargs):
        counted[template.name] = counted.get(template.name, 0) + 1

    template_rendered.connect(count)
    yield counted
    template_rendered.disconnect(count)


def test_it_renders_a_published_issue_once_and_then_serves_it_without_the_database(renders):
    make_issue(1)
    first = wsgi_get("/numeros/1/")
    assert first.status == 200 and "Titre du numéro 1" in first.text
    with CaptureQueriesContext(connection) as queries:
        answers = [wsgi_get("/numeros/1/") for _ in range(20)]
    assert renders["site/issue_detail.html"] == 1
    assert len(queries) <= 1  # at most the generation, read again once a second
    assert {answer.status for answer in answers} == {200}
    assert all(answer.body.replace(answer.csrf_token.encode(), b"").replace(answer.started.encode(), b"")
               == first.body.replace(first.csrf_token.encode(), b"").replace(first.started.encode(), b"")
               for answer in answers)


@pytest.mark.parametrize("path, template", [("/numeros/", "site/archive.html"), ("/", "site/home.html"),
                                            ("/flux/rss/", None), ("/flux/atom/", None), ("/sitemap.xml", None)])
def test_it_caches_the_archive_home_feeds_and_sitemap(renders, path, template):
    make_issue(1)
    with CaptureQueriesContext(connection) as first:
        assert wsgi_get(path).status == 200
    with CaptureQueriesContext(connection) as later:
        bodies = {wsgi_get(path).body for _ in range(5)}
    assert len(first) > 3 and len(later) <= 1
    if template:
        assert renders[template] == 1
    if path != "/" and path != "/numeros/":
        assert len(bodies) == 1  # nothing per reader in feeds and sitemap


def test_it_keys_the_archive_by_page_and_ignores_other_parameters(renders):
    for number in range(1, 15):
        make_issue(number)
    assert "Titre du numéro 14" in wsgi_get("/numeros/?utm_source=lettre").text
    assert "Titre du numéro 1<" in wsgi_get("/numeros/?page=2").text
    assert "Titre du numéro 14" in wsgi_get("/numeros/?page=1").text
    assert renders["site/archive.html"] == 2  # page 1 (with or without ?utm_source) and page 2
    wsgi_get("/numeros/?page=2&utm_source=x")
    assert renders["site/archive.html"] == 2
    assert wsgi_get("/numeros/?page=99").status == 404


def test_it_shows_an_edited_article_at_once(renders):
    issue = make_issue(1)
    assert "Article 1 du numéro 1" in wsgi_get("/numeros/1/").text
    article = issue.articles.get(position=1)
    article.title = "Un titre corrigé"
    article.save()
    page = wsgi_get("/numeros/1/").text
    assert "Un titre corrigé" in page and "Article 1 du numéro 1" not in page
    assert "Un titre corrigé" in wsgi_get("/flux/rss/").text
    assert renders["site/issue_detail.html"] == 2


def test_it_stops_serving_an_unpublished_issue():
    issue = make_issue(1)
    assert wsgi_get("/numeros/1/").status == 200
    issue.status = Issue.Status.DRAFT
    issue.save()
    assert wsgi_get("/numeros/1/").status == 404
    assert "Titre du numéro 1" not in wsgi_get("/numeros/").text
    assert "/numeros/1/" not in wsgi_get("/sitemap.xml").text


def test_it_shows_an_issue_published_through_the_workflow():
    make_issue(1)
    issue = make_issue(2, published=False, title="Le nouveau numéro")
    assert "Le nouveau numéro" not in wsgi_get("/numeros/").text
    assert wsgi_get("/numeros/2/").status == 404
    for status in ("review", "approved", "published"):
        services.transition(issue, status)
    assert "Le nouveau numéro" in wsgi_get("/numeros/").text
    assert wsgi_get("/numeros/2/").status == 200
    assert "Le nouveau numéro" in wsgi_get("/").text


def test_it_shows_a_changed_offer_in_the_menu_of_cached_pages():
    make_issue(1)
    offer = OfferPage.objects.create(slug="conferences", title="Conférences", body="Texte.", in_menu=True)
    assert ">Conférences<" in wsgi_get("/numeros/1/").text
    offer.title = "Interventions"
    offer.save()
    page = wsgi_get("/numeros/1/").text
    assert ">Interventions<" in page and ">Conférences<" not in page
    offer.delete()
    assert ">Interventions<" not in wsgi_get("/numeros/1/").text


def staff_session() -> dict[str, str]:
    from django.contrib.auth.models import User

    user = User.objects.create_user("redaction", password="x", is_staff=True)
    client = Client()
    client.force_login(user)
    return {"sessionid": client.cookies["sessionid"].value}


def test_it_never_stores_or_serves_a_staff_preview(renders):
    make_issue(1)
    make_issue(2, published=False, title="Brouillon confidentiel")
    staff = staff_session()
    preview = wsgi_get("/numeros/2/", cookies=staff)
    assert preview.status == 200 and "Aperçu réservé à la rédaction" in preview.text
    again = wsgi_get("/numeros/2/", cookies=staff)
    assert "Aperçu réservé à la rédaction" in again.text
    assert renders["site/issue_detail.html"] == 2  # a preview is rendered every time, never stored
    anonymous = wsgi_get("/numeros/2/")
    assert anonymous.status == 404 and "Brouillon confidentiel" not in anonymous.text


def test_it_does_not_store_a_page_rendered_for_a_signed_in_editor(renders):
    make_issue(1)
    wsgi_get("/numeros/1/", cookies=staff_session())
    wsgi_get("/numeros/1/")
    wsgi_get("/numeros/1/")
    assert renders["site/issue_detail.html"] == 2  # the editor's render was not kept; the reader's was


def test_it_gives_each_reader_their_own_csrf_token_that_only_their_cookie_accepts():
    make_issue(1)
    first, alice, bob = wsgi_get("/numeros/1/"), wsgi_get("/numeros/1/"), wsgi_get("/numeros/1/")
    assert page_cache.CSRF_HOLE not in alice.text and page_cache.STARTED_HOLE not in alice.text
    assert alice.csrf_token != bob.csrf_token != first.csrf_token
    assert alice.cookies["csrftoken"] != bob.cookies["csrftoken"]
    returning = wsgi_get("/numeros/1/", cookies={"csrftoken": alice.cookies["csrftoken"]})

    def post(cookie: str, token: str) -> int:
        client = Client(enforce_csrf_checks=True)
        client.cookies["csrftoken"] = cookie
        return client.post("/inscription/", {"csrfmiddlewaretoken": token, "email": "a@exemple.org",
                                             "consent": "on", "started": alice.started}).status_code

    assert post(alice.cookies["csrftoken"], alice.csrf_token) != 403
    assert post(alice.cookies["csrftoken"], returning.csrf_token) != 403  # same reader, a later page
    assert post(bob.cookies["csrftoken"], alice.csrf_token) == 403
    assert post(alice.cookies["csrftoken"], bob.csrf_token) == 403


def test_it_starts_the_sign_up_clock_when_the_page_is_shown_not_when_it_was_cached(monkeypatch):
    make_issue(1)
    wsgi_get("/numeros/1/")
    later = time.time() + 3600
    monkeypatch.setattr(page_cache.time, "time", lambda: later)
    monkeypatch.setattr(abuse.time, "time", lambda: later)
    stamp = wsgi_get("/numeros/1/").started
    assert abs(signing.loads(stamp, salt=abuse.STARTED_SALT) - later) < 1


def test_it_answers_a_head_request_from_the_cache_without_a_body():
    make_issue(1)
    full = wsgi_get("/numeros/1/")
    head = wsgi_get("/numeros/1/", method="HEAD")
    assert head.status == 200 and head.body == b""
    assert int(head.header("Content-Length")) == len(full.body)


def test_it_replays_the_security_headers_on_a_cached_page():
    make_issue(1)
    rendered = wsgi_get("/numeros/1/")
    cached = wsgi_get("/numeros/1/")
    for name in ("X-Frame-Options", "X-Content-Type-Options", "Referrer-Policy", "Content-Type"):
        assert cached.header(name) == rendered.header(name) is not None


def test_it_leaves_a_host_not_allowed_to_django():
    make_issue(1)
    wsgi_get("/numeros/1/")
    from demain.wsgi import application
    from django.test import RequestFactory

    environ = RequestFactory().get("/numeros/1/", HTTP_HOST="evil.example").environ
    statuses = []
    b"".join(application(environ, lambda status, headers, exc_info=None: statuses.append(status)))
    assert statuses[0].startswith("400")


def test_it_draws_csrf_secrets_from_djangos_alphabet_without_repeating():
    from django.middleware.csrf import CSRF_ALLOWED_CHARS, _unmask_cipher_token

    secrets_seen = set()
    for _ in range(200):
        meta: dict = {}
        token = page_cache.csrf_token(meta)
        assert len(meta["CSRF_COOKIE"]) == 32 and set(meta["CSRF_COOKIE"]) <= set(CSRF_ALLOWED_CHARS)
        assert _unmask_cipher_token(token) == meta["CSRF_COOKIE"]
        secrets_seen.add(meta["CSRF_COOKIE"])
    assert len(secrets_seen) == 200
    counts = {char: 0 for char in CSRF_ALLOWED_CHARS}
    for text in page_cache.random_csrf_strings(2000):
        for char in text:
            counts[char] += 1
    assert min(counts.values()) > 0.7 * 64000 / 62  # every character drawn about as often


def test_it_believes_x_forwarded_proto_in_front_of_django_only_from_a_trusted_proxy(settings, renders):
    settings.TRUSTED_PROXIES = ["10.0.0.1"]
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    make_issue(1)
    proxied = {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_PROTO": "https"}
    assert wsgi_get("/numeros/1/", **proxied).status == 200
    assert wsgi_get("/numeros/1/", **proxied).status == 200
    assert renders["site/issue_detail.html"] == 1  # the second answer came from the https entry
    assert [key.split(":")[0] for key in page_cache.local_copies.entries] == ["https"]

    forged = wsgi_get("/numeros/1/", REMOTE_ADDR="203.0.113.7", HTTP_X_FORWARDED_PROTO="https")
    assert forged.status == 200
    assert renders["site/issue_detail.html"] == 2, "the forged header must not reach the https entry"
    assert sorted(key.split(":")[0] for key in page_cache.local_copies.entries) == ["http", "https"]
    wsgi_get("/numeros/1/", REMOTE_ADDR="203.0.113.7", HTTP_X_FORWARDED_PROTO="https")
    wsgi_get("/numeros/1/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_PROTO="http")
    assert renders["site/issue_detail.html"] == 2  # both answered from the http entry
