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
