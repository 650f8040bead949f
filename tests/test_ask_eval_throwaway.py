"""`demain eval archive` by default: a throwaway SQLite database holding the demo (SQLite only: the child
process migrates its own file whatever the parent's database)."""

import io
import json

import pytest
from django.core.management import call_command


@pytest.mark.django_db(transaction=True)
def test_it_scores_a_question_file_in_a_throwaway_database_holding_the_demo(tmp_path):
    """The default: a child process migrates a temporary SQLite file, loads and indexes the demo."""
    questions = tmp_path / "questions.json"
    questions.write_text(json.dumps([
        {"question": "combien d'eau consomme un centre de données ?", "answers": ["/numeros/1/#article-2"]},
        {"question": "Qui a gagné le Tour de France 1987 ?", "answers": []},
    ], ensure_ascii=False))
    out = io.StringIO()
    call_command("eval", "archive", "--json", "--questions", str(questions), stdout=out)
    lines = out.getvalue().strip().splitlines()
    data = json.loads(lines[0])
    assert [r["refused"] for r in data["results"]] == [False, True]
    assert "/numeros/1/#article-2" in data["results"][0]["cited"]
    assert lines[-1] == "recall_at_5=1.00 supported=1.00 refusals=1.00"
    from demain.issues.models import Issue

    assert not Issue.objects.exists()  # nothing of the demo reached this database

