import re

import pytest

from demain import conf
from demain.cli import stage_commands
from tests.conftest import ROOT


def readme() -> str:
    return (ROOT / "README.md").read_text()


def test_it_documents_every_setting_in_the_readme_table():
    documented = set(re.findall(r"^\| `([A-Z_]+)` \|", readme(), re.MULTILINE))
    declared = {setting.name for setting in conf.SETTINGS}
    assert declared - documented == set(), "settings missing from README"
    assert documented - declared == set(), "README documents settings that do not exist"


def test_it_documents_every_demain_command():
    text = readme()
    missing = [name for name in stage_commands() if f"demain {name}" not in text]
    assert missing == []


def test_it_uses_defaults_when_nothing_is_set():
    values = conf.load({})
    assert values["DATABASE_URL"].startswith("sqlite:///")
    assert values["DEBUG"] is False
    assert values["EMAIL_BACKEND"] == "outbox"


@pytest.mark.parametrize(
    "name, value",
    [
        ("DEBUG", "maybe"),
        ("EMAIL_PORT", "twenty-five"),
        ("DATABASE_URL", "mysql://x/y"),
        ("SITE_URL", "ftp://example.org"),
        ("EMAIL_BACKEND", "carrier-pigeon"),
    ],
)
def test_it_fails_fast_naming_the_bad_variable(name, value):
    with pytest.raises(conf.SettingError, match=name):
        conf.load({name: value})


def test_it_parses_typed_values():
    values = conf.load({"DEBUG": "yes", "EMAIL_PORT": "2525", "ALLOWED_HOSTS": "a.fr, b.fr"})
    assert values["DEBUG"] is True
    assert values["EMAIL_PORT"] == 2525
    assert values["ALLOWED_HOSTS"] == ["a.fr", "b.fr"]
