import json
import subprocess

import pytest
from django.core.management import CommandError, call_command

from demain.issues.models import Issue, StatusChange
from tests.conftest import ROOT
from tests.houseformat_samples import FULL_ISSUE, FULL_ISSUE_TITLES, SAMPLE

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


def run(*args) -> str:
    from io import StringIO

    out = StringIO()
    call_command("issue", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


@pytest.fixture
def sample_file(tmp_path):
    path = tmp_path / "numero.txt"
    path.write_text(SAMPLE, encoding="utf-8")
    return path


WHOLE_ISSUES = {
    # name: (editorial opening, article count, last title, app name, first skipped text)
    "project": ("Les robots conversationnels", 4, FULL_ISSUE_TITLES[-1], "Devisio", "Formations et ateliers"),
    "seed": ("Meta a encore faim.", 7, "La mélodie du bonheur", "NanoBanana", "Dev. et Impl"),
}


@pytest.fixture(params=list(WHOLE_ISSUES))
def whole_issue(request, tmp_path):
    """The project's whole issue, and the real seed when ../shared/seeds/ is there."""
    if request.param == "seed":
        return request.getfixturevalue("seed_issue_path"), WHOLE_ISSUES["seed"]
    path = tmp_path / "numero-complet.txt"
    path.write_text(FULL_ISSUE, encoding="utf-8")
    return path, WHOLE_ISSUES["project"]


def test_it_prints_a_whole_issue_structure_without_writing(whole_issue):
    path, (opening, count, last_title, app, skipped) = whole_issue
    data = json.loads(run("import", str(path), "--dry-run", "--json"))
    assert set(data) >= {"editorial", "articles", "app_review", "skipped"}
    assert data["editorial"][0].startswith(opening)
    assert len(data["articles"]) == count and data["articles"][-1]["title"] == last_title
    assert set(data["articles"][0]) >= {"title", "facts", "turn", "analysis", "closing", "sources"}
    assert data["app_review"]["name"] == app
    assert data["skipped"][0]["text"].startswith(skipped)
    assert Issue.objects.count() == 0


def test_it_runs_as_the_demain_program_from_the_worktree(whole_issue):
    path, (_, _, last_title, _, _) = whole_issue
    result = subprocess.run([str(ROOT / ".venv/bin/demain"), "issue", "import", str(path), "--dry-run", "--json"],
                            capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    assert [a["title"] for a in json.loads(result.stdout)["articles"]][-1] == last_title


def test_it_refuses_bad_input_naming_the_line_and_writes_nothing(tmp_path):
    path = tmp_path / "mauvais.txt"
    text = SAMPLE.replace("Qui va à la chasse perd sa clé\n\n", "")
    path.write_text(text, encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if row.startswith("Un fabricant"))
    with pytest.raises(CommandError, match=rf"mauvais\.txt, ligne {line} : titre d’article attendu"):
        run("import", str(path))
    assert Issue.objects.count() == 0


def test_it_exits_non_zero_on_bad_input_from_the_shell(tmp_path):
    path = tmp_path / "vide.txt"
    path.write_text("\n\n", encoding="utf-8")
    result = subprocess.run([str(ROOT / ".venv/bin/demain"), "issue", "import", str(path), "--dry-run"],
                            capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 1
    assert "ligne 1" in result.stderr


def test_it_imports_exports_and_lists(sample_file, tmp_path):
    run("import", str(sample_file))
    issue = Issue.objects.get()
    assert (issue.number, issue.status, issue.articles.count()) == (7, "draft", 2)
    out = tmp_path / "export.txt"
    run("export", "7", "-o", str(out))
    assert out.read_text(encoding="utf-8") == SAMPLE
    assert json.loads(run("list", "--json")) == [
        {"number": 7, "date": "2027-03-03", "status": "draft", "title": issue.title, "articles": 2}]


def test_it_imports_with_a_number_and_date_given(sample_file):
    run("import", str(sample_file), "--number", "12", "--date", "2027-04-01")
    assert Issue.objects.filter(number=12, date="2027-04-01").exists()


def test_it_lints_a_file_as_json_and_fails_on_errors(tmp_path):
    path = tmp_path / "numero.txt"
    path.write_text(SAMPLE.replace("Le cadenas à clé a encore de beaux jours.\n\n", ""), encoding="utf-8")
    with pytest.raises(CommandError, match="1 erreur"):
        run("lint", str(path), "--json")
    path.write_text(SAMPLE, encoding="utf-8")
    assert "Aucune erreur bloquante (0 avertissement)" in run("lint", str(path))


def test_it_fixes_the_typography_of_a_file(sample_file):
    sample_file.write_text(SAMPLE.replace("Simple, rapide, en français.", "Simple : \"rapide\"."), encoding="utf-8")
    findings = json.loads(run("lint", str(sample_file), "--json"))
    assert {f["rule"] for f in findings} == {"spacing", "straight-quotes"}
    assert json.loads(run("lint", str(sample_file), "--json", "--fix")) == []
    assert "Simple\u202f: «\u202frapide\u202f»." in sample_file.read_text(encoding="utf-8")


def test_it_fixes_the_typography_of_a_stored_issue(sample_file):
    run("import", str(sample_file))
    Issue.objects.filter(number=7).update(editorial_punchline="Et voilà !")
    assert [f["rule"] for f in json.loads(run("lint", "7", "--json"))] == ["spacing"]
    assert json.loads(run("lint", "7", "--json", "--fix")) == []
    assert Issue.objects.get(number=7).editorial_punchline == "Et voilà\u202f!"


def test_it_moves_an_issue_through_the_workflow(sample_file):
    run("import", str(sample_file))
    with pytest.raises(CommandError, match="ne peut pas passer"):
        run("status", "7", "published")
    for status in ("review", "approved", "published"):
        run("status", "7", status)
    assert Issue.objects.get(number=7).status == "published"
    assert StatusChange.objects.count() == 3


def test_it_refuses_to_approve_with_errors_from_the_cli(sample_file):
    sample_file.write_text(SAMPLE.replace("Source : Communiqué du fabricant — https://example.org/communique\n\n", ""))
    run("import", str(sample_file))
    run("status", "7", "review")
    with pytest.raises(CommandError, match="Approbation refusée"):
        run("status", "7", "approved")
    assert Issue.objects.get(number=7).status == "review"


def test_it_says_when_an_issue_does_not_exist():
    with pytest.raises(CommandError, match="aucun numéro 3"):
        run("export", "3")
