"""The `demain` stages speak French to the editor; `--json` stays machine-readable."""

import io
import json

import pytest
from django.core.management import call_command, load_command_class

from tests.delivery_helpers import published_issue

ENGLISH = ["print the", "default:", "issue number", "rows claimed", "read the bounce", "Send a published"]


@pytest.mark.parametrize("name, french", [
    ("send", "Envoyer un numéro publié"),
    ("worker", "Envoyer les campagnes"),
    ("bounces", "Rebonds et plaintes"),
    ("issue", "Les numéros de la lettre"),
])
def test_it_explains_each_stage_in_french(name, french):
    command = load_command_class("demain.delivery" if name in {"send", "worker", "bounces"} else "demain.issues", name)
    text = " ".join(command.create_parser("demain", name).format_help().split())
    assert french in text
    assert not [word for word in ENGLISH if word in text]


@pytest.mark.django_db
def test_it_lists_issues_in_french_and_json_with_codes():
    published_issue()
    out = io.StringIO()
    call_command("issue", "list", stdout=out)
    assert "Publié" in out.getvalue() and "published" not in out.getvalue()
    out = io.StringIO()
    call_command("issue", "list", "--json", stdout=out)
    assert json.loads(out.getvalue())[0]["status"] == "published"


STAGES = ["ask", "check", "demo", "demo_downloads", "eval", "extract", "footprint", "ingest", "publish_static",
          "reindex", "serve", "serve_sample", "sources", "stories", "subscribers", "unlock", "draft", "status"]
ENGLISH_HELP = ["print the", "(default", "only this", "directory of", "the sources", "Serve the", "Group the",
                "Fetch the", "Rebuild the", "Write the", "Import ", "Extract the", "Check a", "Answer a"]


@pytest.mark.parametrize("name", STAGES)
def test_it_explains_every_stage_and_its_options_in_french(name):
    from django.core.management import get_commands

    command = load_command_class(get_commands()[name], name)
    text = " ".join(command.create_parser("demain", name).format_help().split())
    assert not [words for words in ENGLISH_HELP if words in text], text


def test_it_lists_the_stages_in_french(capsys):
    from demain.cli import main

    main(["demain"])
    out = capsys.readouterr().out
    assert "Les étapes du « Monde de demAIn »" in out and "Toutes les commandes de Django" in out
    assert "Stages of" not in out


def test_it_stops_quietly_when_its_output_pipe_closes(tmp_path):
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path}/db.sqlite3"}
    done = subprocess.run(f"'{sys.executable}' -m demain.cli | head -1", shell=True, capture_output=True,
                          text=True, env=env, cwd=root, timeout=60)
    assert done.stdout.startswith("Usage : demain")
    assert "BrokenPipeError" not in done.stderr and "Traceback" not in done.stderr, done.stderr
