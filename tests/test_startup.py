"""What a process loads when it starts: workers stay light, `demain check` still sees every admin."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def in_fresh_process(code: str, tmp_path) -> dict:
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path}/db.sqlite3", "DJANGO_SETTINGS_MODULE": "demain.settings"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_it_starts_without_importing_the_admin_or_the_ingestion_stack(tmp_path):
    found = in_fresh_process(
        "import django, json, sys; django.setup(); "
        "print(json.dumps(sorted(m for m in sys.modules if m.startswith('demain') and m.rsplit('.', 1)[-1] "
        "in ('admin', 'draft_admin', 'dashboard')) + sorted(m for m in ('datasketch', 'trafilatura', 'scipy') "
        "if m in sys.modules)))", tmp_path)
    assert found == []


def test_it_runs_the_admin_checks_on_every_model_admin_from_demain_check(tmp_path):
    # --tag admin: the URL checks (which would import the URLconf, hence the admins) do not run
    found = in_fresh_process(
        "import django, json; django.setup(); from django.contrib import admin; "
        "before = len(admin.site._registry); from django.core.management import call_command; "
        "call_command('check', '--tag', 'admin', verbosity=0); print(json.dumps([before, len(admin.site._registry)]))",
        tmp_path)
    before, after = found
    assert before == 0 and after >= 20
