"""`demain backup` / `demain restore`: backup, wipe, restore gives back the same readers, consents,
issues and send logs, on SQLite and on PostgreSQL; a bad archive or a non-empty database is refused
and changes nothing."""

from __future__ import annotations

import io
import json
import shutil
import sqlite3
import tarfile
from contextlib import contextmanager

import pytest

from demain.lib.smtpsink import Sink
from tests.ops_helpers import scratch

MODELS = ["audience.subscriber", "audience.consentrecord", "issues.issue", "issues.article",
          "delivery.campaign", "delivery.delivery", "audience.resource"]
CSV = "email,name\nada@exemple.fr,Ada\nbob@exemple.fr,Bob\nchloe@exemple.fr,Chloé\n"


def records(db) -> dict[str, list]:
    """The rows that matter, as `demain dumpdata` prints them, per model."""
    dumped = json.loads(db.run("dumpdata", *MODELS).stdout)
    found: dict[str, list] = {model: [] for model in MODELS}
    for row in dumped:
        found[row["model"]].append(row)
    return found


def populate(db) -> None:
    """A live newsroom: published issue, imported readers with consents, one issue sent through SMTP."""
    db.run("migrate", "-v0")
    db.run("demo")
    db.run("demo_downloads")
    (db.tmp / "readers.csv").write_text(CSV)
    db.run("subscribers", "import", str(db.tmp / "readers.csv"), "--consent-source", "Import de test")
    with Sink() as sink:
        db.run("send", "1", "--yes", "--wait", "--work", EMAIL_BACKEND="smtp", EMAIL_HOST="127.0.0.1",
               EMAIL_PORT=sink.port, DELIVERY_POLL_SECONDS="0.2")
        assert sink.handler.total == 3


@pytest.fixture(scope="module")
def populated_sqlite(tmp_path_factory):
    """A live newsroom on SQLite, built once for the module: each test works on a copy of its own."""
    with scratch("sqlite", tmp_path_factory.mktemp("populated")) as db:
        populate(db)
        yield db


@contextmanager
def live_newsroom(kind, tmp_path, request):
    """A scratch database holding a live newsroom, and its VAR_DIR: on SQLite a copy of the module's
    (the database through SQLite's backup API, the directory file by file); on PostgreSQL built here."""
    with scratch(kind, tmp_path) as db:
        if kind == "sqlite":
            template = request.getfixturevalue("populated_sqlite")
            shutil.copytree(template.var, db.var)
            source, target = sqlite3.connect(template.path), sqlite3.connect(db.path)
            with target:
                source.backup(target)
            source.close()
            target.close()
        else:
            populate(db)
        yield db


def private_files(db) -> dict[str, bytes]:
    root = db.var / "private"
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("kind", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def test_it_backs_up_wipes_and_restores_the_same_data(tmp_path, kind, request):
    with live_newsroom(kind, tmp_path, request) as db:
        before, files, key = records(db), private_files(db), (db.var / "secret.key").read_text()
        assert len(before["audience.subscriber"]) == 3 and len(before["audience.consentrecord"]) == 3
        assert [r["fields"]["status"] for r in before["delivery.delivery"]] == ["sent"] * 3
        assert files and before["audience.resource"]

        archive = tmp_path / "snapshot.tar.gz"
        made = json.loads(db.run("backup", "--output", str(archive), "--json").stdout)
        assert made["database"]["kind"] == kind and made["secret_key"] is True
        assert archive.stat().st_mode & 0o077 == 0, "the archive holds the secret key: owner only"

        db.drop()                       # the server burnt down: no database, no files, no key
        shutil.rmtree(db.var)
        db.create()
        restored = json.loads(db.run("restore", str(archive), "--json").stdout)
        assert restored["replaced_tables"] == 0 and restored["private_files"] == len(files)

        assert records(db) == before
        assert private_files(db) == files
        assert (db.var / "secret.key").read_text() == key


def test_it_refuses_to_overwrite_a_database_with_tables_without_yes(tmp_path, request):
    with live_newsroom("sqlite", tmp_path, request) as db:
        archive = tmp_path / "snapshot.tar.gz"
        db.run("backup", "-o", str(archive))
        db.run("shell", "-c", "from demain.audience.models import Subscriber; "
                              "Subscriber.objects.create(email='apres@exemple.fr', status='confirmed')")
        after = records(db)

        refused = db.run("restore", str(archive), check=False)
        assert refused.returncode != 0 and "--yes" in refused.stderr and "pas vide" in refused.stderr
        assert records(db) == after

        db.run("restore", str(archive), "--yes")
        emails = [r["fields"]["email"] for r in records(db)["audience.subscriber"]]
        assert "apres@exemple.fr" not in emails and len(emails) == 3


def rewrite(archive, target, change) -> None:
    """Copy a backup archive, passing each member's bytes through ``change(name, data)`` (None: left out)."""
    with tarfile.open(archive) as source, tarfile.open(target, "w:gz") as out:
        for member in source.getmembers():
            data = change(member.name, source.extractfile(member).read())
            if data is None:
                continue
            member.size = len(data)
            out.addfile(member, io.BytesIO(data))


DAMAGES = {
    "altered": ("somme de contrôle",
                lambda name, data: data[:-10] + b"x" * 10 if name.startswith("database/") else data),
    "no-manifest": ("pas de manifest.json", lambda name, data: None if name == "manifest.json" else data),
    "foreign": ("pas une sauvegarde demain",
                lambda name, data: b'{"format": "autre"}' if name == "manifest.json" else data),
    "extra-file": ("pas dans le manifeste", None),
    "not-a-tar": ("pas une archive tar", None),
    "missing": ("introuvable", None),
}


def test_it_refuses_a_bad_archive_and_changes_nothing(tmp_path, request):
    with live_newsroom("sqlite", tmp_path, request) as db:
        archive = tmp_path / "good.tar.gz"
        db.run("backup", "-o", str(archive))
        db.run("shell", "-c", "from demain.audience.models import Subscriber; "
                              "Subscriber.objects.create(email='garde@exemple.fr', status='confirmed')")
        before = records(db)
        for damage, (message, change) in DAMAGES.items():
            bad = tmp_path / f"{damage}.tar.gz"
            if change:
                rewrite(archive, bad, change)
            elif damage == "extra-file":
                with tarfile.open(archive) as source, tarfile.open(bad, "w:gz") as out:
                    for member in source.getmembers():
                        out.addfile(member, source.extractfile(member))
                    extra = tarfile.TarInfo("private/intrus.txt")
                    extra.size = 3
                    out.addfile(extra, io.BytesIO(b"abc"))
            elif damage == "not-a-tar":
                bad.write_text("bonjour")
            refused = db.run("restore", str(bad), "--yes", check=False)
            assert refused.returncode != 0 and message in refused.stderr, (damage, refused.stderr)
        assert records(db) == before
