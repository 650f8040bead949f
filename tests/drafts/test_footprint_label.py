"""The footprint as readers and the editor see it: the ledger's totals, the label on the site and in the
email, the cached pages it makes stale, the admin's chart, and `demain footprint`."""

from __future__ import annotations

import email
import io
import json
from email import policy

import pytest
from defusedxml import ElementTree
from django.core.management import CommandError, call_command

from demain.drafts import ledger
from demain.drafts.footprint import label_for
from demain.drafts.models import Generation
from demain.issues.models import Issue
from demain.lib.footprint import Generation as Call
from demain.lib.footprint.chart import PANEL_HEIGHT, Point, footprint_chart
from demain.lib.footprint.label import decimal, merge_seconds
from demain.lib.smtpsink import Sink
from demain.site import page_cache
from tests.delivery_helpers import finish, published_issue, start_worker, subscribers
from tests.serve_helpers import fresh_page_cache, wsgi_get  # noqa: F401  (autouse fixture)
from tests.site_factory import make_issue

NNBSP = "\u202f"
SVG = "{http://www.w3.org/2000/svg}"
NOTHING = "Aucune génération d’IA n’est enregistrée pour ce numéro"


@pytest.fixture
def factors(settings):
    """Declared factors easy to compute by hand: 4 W per core, PUE 1.5, 50 gCO2e/kWh, 2 L/kWh."""
    settings.FOOTPRINT_CPU_WATTS_PER_CORE = 4.0
    settings.FOOTPRINT_PUE = 1.5
    settings.FOOTPRINT_GRID_CARBON_G_PER_KWH = 50.0
    settings.FOOTPRINT_WATER_L_PER_KWH = 2.0
    settings.FOOTPRINT_REMOTE_PARAMS_B = 0
    return settings


def local(cpu_seconds: float) -> Call:
    return Call("local", "gemma-3-270m", 800, 300, wall_seconds=cpu_seconds / 2, cpu_seconds=cpu_seconds)


def unknown_remote() -> Call:
    return Call("openai", "modele-maison", 900, 400, wall_seconds=3.0)


# --- The arithmetic through the ledger ----------------------------------------------------------------

@pytest.mark.django_db
@pytest.mark.postgres
def test_it_totals_an_issue_as_the_declared_factors_say(factors):
    issue = make_issue(3)
    rows = ledger.record([local(10.0), local(20.0), unknown_remote()], issue=issue)
    assert Generation.objects.filter(issue=issue).count() == 3
    assert rows[2].energy_wh is None  # EcoLogits does not know it and no size is declared
    summed = ledger.issue_total(issue)
    energy = (10.0 + 20.0) * 4.0 * 1.5 / 3600  # CPU s × W per core × PUE → Wh: 0.05
    assert summed.energy_wh == pytest.approx(energy)
    assert summed.co2e_g == pytest.approx(energy / 1000 * 50.0)  # 0.0025 g
    assert summed.water_l == pytest.approx(energy / 1000 * 2.0)  # 0.0001 L
    label = label_for(issue)
    assert (label.generations, label.unestimated) == (3, 1)
    assert label.summary() == (f"3 générations d’IA enregistrées pour ce numéro : 0,050{NNBSP}Wh d’électricité, "
                               f"0,0025{NNBSP}gCO2e, 0,00010{NNBSP}L d’eau (hors 1 génération sans estimation).")
    assert label.counted().startswith("temps CPU de ce processus sur cette machine (30,0 s au total × 4 W")
    assert "refroidissement et bâtiment (PUE 1,5)" in label.counted()
    assert "entraînement du modèle" in label.left_out() and "inférence distante" in label.left_out()
    assert any("inconnu d’EcoLogits" in note for note in label.notes)


@pytest.mark.django_db
def test_it_never_turns_unestimated_generations_into_a_zero(factors):
    issue = make_issue(4)
    ledger.record([unknown_remote(), unknown_remote()], issue=issue)
    label = label_for(issue)
    assert label.recorded and not label.measured and label.figures() == []
    assert label.summary().startswith("2 générations d’IA enregistrées pour ce numéro, sans estimation possible")
    assert "Wh" not in label.summary()
    assert label_for(make_issue(5)).summary().startswith(NOTHING)


def test_it_writes_numbers_the_french_way():
    assert [decimal(v) for v in (0.0291, 1.234, 12.34, 0.0996, 99.96)] == ["0,029", "1,2", "12", "0,10", "100"]
    assert decimal(1234567.8) == f"1{NNBSP}234{NNBSP}568" and decimal(0) == "0"
    assert decimal(0.5, trim=True) == "0,5" and decimal(-0.25) == "-0,25"
    merged = merge_seconds(["temps CPU (1,500 s × 3,5 W par cœur occupé)", "refroidissement",
                            "temps CPU (2,250 s × 3,5 W par cœur occupé)", "temps CPU (1,000 s × 4 W par cœur occupé)"])
    assert merged == ["temps CPU (3,75 s au total × 3,5 W par cœur occupé)", "refroidissement",
                      "temps CPU (1,00 s au total × 4 W par cœur occupé)"]


# --- The label on the site, and the cached pages it makes stale ---------------------------------------

@pytest.mark.django_db
@pytest.mark.postgres
def test_it_shows_the_label_on_the_issue_page_and_a_new_row_makes_the_cached_page_stale(factors):
    issue = make_issue(1)
    first = wsgi_get("/numeros/1/").text
    assert "Empreinte de ce numéro" in first and NOTHING in first and "Wh" not in first.split("Empreinte")[1]
    assert wsgi_get("/numeros/1/").text.count(NOTHING) == 1  # from the cache now
    ledger.record([local(10.0), local(20.0)], issue=issue)
    page = wsgi_get("/numeros/1/").text
    assert NOTHING not in page
    assert f"2 générations d’IA enregistrées pour ce numéro{NNBSP}: 0,050{NNBSP}Wh d’électricité" in page
    assert f"<strong>Non compté{NNBSP}:</strong> mémoire, disque et alimentation au repos" in page
    assert "Eau" in page and "L/kWh déclarés" in page
    assert "0,050" in wsgi_get("/").text  # the home page shows the latest issue, label included
    Generation.objects.filter(issue=issue).delete()
    assert NOTHING in wsgi_get("/numeros/1/").text


@pytest.mark.django_db
def test_it_leaves_the_page_cache_alone_for_rows_of_an_unpublished_issue_or_of_no_issue(factors):
    make_issue(1)
    draft = make_issue(2, published=False)
    before = page_cache.generation.current()
    ledger.record([local(5.0)], issue=draft)
    ledger.record([local(5.0)], purpose=Generation.Purpose.QUESTION)
    assert page_cache.generation.current() == before
    ledger.record([local(5.0)], issue=Issue.objects.get(number=1))
    assert page_cache.generation.current() != before


# --- The label in the newsletter, both parts, through a real SMTP server --------------------------------

@pytest.mark.django_db(transaction=True)
@pytest.mark.postgres
def test_it_puts_the_label_in_both_parts_of_the_newsletter(factors):
    subscribers(1)
    issue = published_issue()
    ledger.record([local(36.0)], issue=issue)  # 36 s × 4 W × 1.5 / 3600 = 0.06 Wh; 0.003 g; 0.00012 L
    with Sink(keep=True) as sink:
        call_command("send", "7", "--yes", stdout=io.StringIO(), stderr=io.StringIO())  # renders the issue once
        finish([start_worker(sink.port)])  # a real `demain worker` delivers it over SMTP
    [raw] = sink.handler.messages
    message = email.message_from_bytes(raw, policy=policy.default)
    html = message.get_body(("html",)).get_content()
    text = message.get_body(("plain",)).get_content()
    sentence = f"1 génération d’IA enregistrée pour ce numéro{NNBSP}: 0,060{NNBSP}Wh d’électricité, " \
               f"0,0030{NNBSP}gCO2e, 0,00012{NNBSP}L d’eau."
    assert "EMPREINTE DE CE NUMÉRO" in text and sentence in text
    assert f"Non compté{NNBSP}: mémoire, disque" in text and "Le registre ne compte que" in text
    assert "Empreinte de ce numéro" in html and sentence in html and 'class="cell footprint"' in html
    assert html.index("Empreinte de ce numéro") < html.index("Gérer mes préférences")


@pytest.mark.django_db
def test_it_says_so_in_the_email_when_no_generation_was_recorded(client, admin_user):
    issue = published_issue(status="approved")
    client.force_login(admin_user)
    body = client.get(f"/admin/delivery/campaign/apercu/{issue.pk}/html/").content.decode()
    page = client.get(f"/admin/delivery/campaign/apercu/{issue.pk}/").content.decode()
    assert NOTHING in body and NOTHING in page  # the HTML part, and the text part shown beside it
    assert "Wh" not in body


# --- The chart -----------------------------------------------------------------------------------------

def parse(svg: str):
    root = ElementTree.fromstring(svg)
    assert root.tag == f"{SVG}svg" and root.get("role") == "img"
    ids = dict((el.get("id"), el) for el in root.iter() if el.get("id"))
    assert set(root.get("aria-labelledby").split()) <= set(ids)
    assert root.find(f"{SVG}title").text and root.find(f"{SVG}desc").text
    return root


def issues_in(root, measure: str) -> list:
    panel = next(g for g in root.iter(f"{SVG}g") if g.get("data-measure") == measure)
    return [g for g in panel.iter(f"{SVG}g") if g.get("class") == "issue"]


def test_it_draws_one_bar_per_issue_and_marks_those_without_an_estimate():
    from datetime import date

    points = [Point(1, date(2026, 1, 5), 0.02, 0.0008, 3), Point(2, date(2026, 1, 12), None, None, 0),
              Point(3, date(2026, 1, 19), 0.08, 0.0033, 5), Point(4, date(2026, 1, 26), None, None, 2)]
    root = parse(footprint_chart(points))
    for measure in ("energy_wh", "co2e_g"):
        issues = issues_in(root, measure)
        assert [g.get("data-issue") for g in issues] == ["1", "2", "3", "4"]
        bars = [g.find(f"{SVG}rect") for g in issues]
        assert [bar.get("class") for bar in bars] == ["bar", "missing", "bar", "missing"]
        top = 0.08 / 0.1 if measure == "energy_wh" else 0.0033 / 0.005  # the axis ends at 0,1 Wh and 0,005 g
        assert float(bars[2].get("height")) == pytest.approx(PANEL_HEIGHT * top, abs=0.1)
        assert float(bars[0].get("height")) < float(bars[2].get("height"))
    tooltips = [g.find(f"{SVG}title").text for g in issues_in(root, "energy_wh")]
    assert tooltips[1].endswith("aucune génération enregistrée") and tooltips[3].endswith("sans estimation")
    assert tooltips[0] == "N° 1 (05/01/2026) : 0,020 Wh"
    assert "Sans estimation : N° 2, N° 4." in root.find(f"{SVG}desc").text


def test_it_draws_a_single_issue_and_an_empty_chart():
    from datetime import date

    one = parse(footprint_chart([Point(9, date(2026, 3, 2), 1.5, 0.06, 1)]))
    assert [g.get("data-issue") for g in issues_in(one, "energy_wh")] == ["9"]
    assert float(issues_in(one, "energy_wh")[0].find(f"{SVG}rect").get("height")) == pytest.approx(PANEL_HEIGHT * 0.75)
    empty = parse(footprint_chart([]))
    assert not [g for g in empty.iter(f"{SVG}g") if g.get("class") == "issue"]
    assert "Aucun numéro" in "".join(empty.itertext())


# --- The admin -----------------------------------------------------------------------------------------

@pytest.mark.django_db
@pytest.mark.postgres
def test_it_lists_the_ledger_read_only_under_the_chart_for_staff(client, admin_user, factors):
    first, second = make_issue(1), make_issue(2)
    make_issue(3, published=False)  # a draft with no generation: not on the chart
    ledger.record([local(10.0)], issue=first)
    ledger.record([unknown_remote()], issue=second)
    client.force_login(admin_user)
    page = client.get("/admin/drafts/generation/").content.decode()
    start = page.rindex("<svg", 0, page.index('class="footprint-chart"'))
    svg = page[start:page.index("</svg>", start) + len("</svg>")]
    root = parse(svg)
    assert [g.get("data-issue") for g in issues_in(root, "energy_wh")] == ["1", "2"]
    assert "<caption>Les chiffres du graphique</caption>" in page and "sans estimation" in page
    assert "gemma-3-270m" in page and "modele-maison" in page and "cpu-time" in page
    assert "0,017" in page  # 10 s × 4 W × 1.5 / 3600 = 0.0167 Wh, in the list and the table
    assert client.get("/admin/drafts/generation/?issue__id__exact=%d" % first.pk).status_code == 200
    assert client.get("/admin/drafts/generation/?backend=openai").status_code == 200
    row = Generation.objects.get(backend="openai")
    detail = client.get(f"/admin/drafts/generation/{row.pk}/change/").content.decode()
    assert "inconnu d’EcoLogits" in detail and 'name="energy_wh"' not in detail  # shown, not editable
    assert client.get("/admin/drafts/generation/add/").status_code == 403
    assert client.post(f"/admin/drafts/generation/{row.pk}/delete/").status_code == 403


@pytest.mark.django_db
def test_it_shows_an_empty_chart_when_there_is_no_issue(client, admin_user):
    client.force_login(admin_user)
    page = client.get("/admin/drafts/generation/").content.decode()
    assert "Aucun numéro pour l’instant" in page and "rien à tracer pour l’instant" in page


# --- demain footprint ------------------------------------------------------------------------------------

@pytest.mark.django_db
def test_it_prints_each_issue_with_its_perimeter(factors):
    issue = make_issue(1)
    make_issue(2)
    ledger.record([local(36.0)], issue=issue)
    out = io.StringIO()
    call_command("footprint", "--json", stdout=out)
    found = {row["number"]: row for row in json.loads(out.getvalue())["issues"]}
    assert found[1]["energy_wh"] == pytest.approx(0.06) and found[1]["co2e_g"] == pytest.approx(0.003)
    assert found[2]["generations"] == 0 and found[2]["energy_wh"] is None
    assert found[2]["summary"].startswith(NOTHING)
    out = io.StringIO()
    call_command("footprint", "--issue", "1", stdout=out)
    text = out.getvalue()
    assert text.startswith("N° 1 — ") and f"0,060{NNBSP}Wh" in text and f"Non compté{NNBSP}:" in text
    with pytest.raises(CommandError, match="aucun numéro 99"):
        call_command("footprint", "--issue", "99", stdout=io.StringIO())


# --- In real Chromium, with axe-core ---------------------------------------------------------------------

@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_it_shows_the_label_and_the_chart_accessibly_in_chromium(page, live_server, client, admin_user, factors):
    from tests.conftest import axe_violations

    issue = make_issue(1)
    make_issue(2)
    ledger.record([local(36.0)], issue=issue)
    page.goto(f"{live_server.url}/numeros/1/")
    label = page.locator("aside.footprint")
    assert "0,060" in label.inner_text() and label.get_attribute("aria-labelledby") == "empreinte-titre-1"
    assert axe_violations(page) == []
    client.force_login(admin_user)
    page.context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value,
                               "url": live_server.url}])
    page.goto(f"{live_server.url}/admin/drafts/generation/")
    chart = page.locator("svg.footprint-chart")
    assert chart.get_attribute("role") == "img" and chart.bounding_box()["width"] > 300
    assert page.locator("svg.footprint-chart g.panel[data-measure=energy_wh] rect.bar").count() == 1
    assert page.locator("svg.footprint-chart g.panel[data-measure=energy_wh] rect.missing").count() == 1
    assert page.locator("table.footprint-table tbody tr").count() == 2
    assert axe_violations(page) == []
