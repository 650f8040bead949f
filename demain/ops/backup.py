"""`demain backup` and `demain restore`: one consistent snapshot of what a server cannot rebuild.

A snapshot holds the database (SQLite's online backup API, or ``pg_dump`` in
custom format matching the server's major version), the private files
(``VAR_DIR/private``: gated downloads) and the secret key file when the key
comes from ``var/secret.key``, with a manifest of checksums
(:mod:`demain.lib.snapshot`). Restoring checks the whole archive first, and
refuses to overwrite a database that holds tables unless asked to.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
import tempfile
from datetime import datetime, timezone as dt_timezone
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from django.conf import settings
from django.db import connection, connections

from demain.lib import snapshot

SQLITE_FILE = "database/demain.sqlite3"
PG_FILE = "database/demain.pgdump"
SECRET_FILE = "secret.key"
PRIVATE_DIR = "private"
PG_BIN_GLOB = "/usr/lib/postgresql/*/bin"


class BackupError(RuntimeError):
    """Backup or restore could not be done; nothing was changed, the message says why."""


def demain_version() -> str:
    try:
        return version("demain")
    except PackageNotFoundError:
        return "unknown"


def database_kind() -> str:
    return "sqlite" if connection.vendor == "sqlite" else "postgresql"


def default_output() -> Path:
    stamp = datetime.now(dt_timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    return Path(settings.VAR_DIR) / "backups" / f"demain-{stamp}.tar.gz"


def secret_key_file() -> Path | None:
    """``var/secret.key`` when the key comes from it (SECRET_KEY unset), else None."""
    path = Path(settings.VAR_DIR) / "secret.key"
    if path.is_file() and path.read_text().strip() == settings.SECRET_KEY:
        return path
    return None


# --- PostgreSQL tools ---------------------------------------------------------

def server_major() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version_num")
        return int(cursor.fetchone()[0]) // 10000


def tool_major(path: str) -> int:
    out = subprocess.run([path, "--version"], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"(\d+)(?:\.\d+)?", out).group(1))


def pg_tool(name: str) -> str:
    """``pg_dump`` or ``pg_restore`` of the server's major version (or the closest newer one)."""
    major = server_major()
    candidates = [str(p / name) for p in sorted(Path("/").glob(PG_BIN_GLOB.lstrip("/"))) if (p / name).exists()]
    if shutil.which(name):
        candidates.append(shutil.which(name))
    usable = sorted(((tool_major(c), c) for c in candidates), key=lambda pair: pair[0])
    for tool_version, path in usable:
        if tool_version == major:
            return path
    for tool_version, path in usable:
        if tool_version > major:
            return path
    found = ", ".join(f"{p} ({v})" for v, p in usable) or "aucun"
    raise BackupError(f"{name} de PostgreSQL {major} introuvable (trouvés : {found}) ; installez "
                      f"postgresql-client-{major}")


def pg_env() -> tuple[list[str], dict[str, str]]:
    """Connection arguments and environment (the password never on the command line)."""
    db = connection.settings_dict
    env = dict(os.environ)
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    args = ["--dbname", db["NAME"]]
    if db.get("HOST"):
        args += ["--host", db["HOST"]]
    if db.get("PORT"):
        args += ["--port", str(db["PORT"])]
    if db.get("USER"):
        args += ["--username", db["USER"]]
    return args, env


def run_tool(command: list[str], env: dict[str, str]) -> None:
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise BackupError(f"{Path(command[0]).name} a échoué ({done.returncode}) : {done.stderr.strip()[-2000:]}")


# --- Backup -------------------------------------------------------------------

def dump_database(staging: Path) -> dict:
    if database_kind() == "sqlite":
        target = staging / SQLITE_FILE
        target.parent.mkdir(parents=True)
        source = sqlite3.connect(settings.DATABASES["default"]["NAME"])
        copy = sqlite3.connect(target)
        try:
            source.backup(copy)  # a consistent copy, even while other processes write
            copy.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
        finally:
            copy.close()
            source.close()
        return {"kind": "sqlite", "file": SQLITE_FILE, "server_version": sqlite3.sqlite_version}
    target = staging / PG_FILE
    target.parent.mkdir(parents=True)
    args, env = pg_env()
    tool = pg_tool("pg_dump")
    run_tool([tool, "--format=custom", "--no-owner", "--no-privileges", "--file", str(target), *args], env)
    return {"kind": "postgresql", "file": PG_FILE, "server_version": server_major(), "tool": tool}


def applied_migrations() -> dict[str, str]:
    from django.db.migrations.recorder import MigrationRecorder

    latest: dict[str, str] = {}
    for app, name in MigrationRecorder(connection).migration_qs.order_by("id").values_list("app", "name"):
        latest[app] = name
    return latest


def backup(output: Path | None = None) -> dict:
    """Write a snapshot archive; return its manifest with ``path`` and ``size``."""
    output = Path(output) if output else default_output()
    output.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="demain-backup-") as tmp:
        staging = Path(tmp)
        database = dump_database(staging)
        private = Path(settings.PRIVATE_MEDIA_ROOT)
        if private.is_dir():
            shutil.copytree(private, staging / PRIVATE_DIR)
        key = secret_key_file()
        if key:
            shutil.copy2(key, staging / SECRET_FILE)
        manifest = snapshot.write(staging, {
            "demain_version": demain_version(),
            "created_at": datetime.now(dt_timezone.utc).isoformat(timespec="seconds"),
            "database": database,
            "migrations": applied_migrations(),
            "secret_key": bool(key),
        }, output)
    return {**manifest, "path": str(output), "size": output.stat().st_size}


# --- Restore ------------------------------------------------------------------

def database_tables() -> list[str]:
    if database_kind() == "sqlite":
        path = Path(settings.DATABASES["default"]["NAME"])
        if not path.exists() or path.stat().st_size == 0:
            return []
    with connection.cursor() as cursor:
        return connection.introspection.table_names(cursor)


def restore_sqlite(dump: Path) -> None:
    target = settings.DATABASES["default"]["NAME"]
    connections.close_all()
    source = sqlite3.connect(dump)
    destination = sqlite3.connect(target, timeout=30)
    try:
        source.backup(destination)  # replaces every page of the target, under its lock
    finally:
        destination.close()
        source.close()


def restore_postgresql(dump: Path) -> None:
    args, env = pg_env()
    tool = pg_tool("pg_restore")
    connections.close_all()
    run_tool([tool, "--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction",
              "--exit-on-error", *args, str(dump)], env)


def restore_files(unpacked: Path, manifest: dict) -> dict:
    private_source = unpacked / PRIVATE_DIR
    restored = 0
    if private_source.is_dir():
        target = Path(settings.PRIVATE_MEDIA_ROOT)
        for path in sorted(p for p in private_source.rglob("*") if p.is_file()):
            destination = target / path.relative_to(private_source)
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, destination)
            restored += 1
    key_written = False
    if manifest.get("secret_key"):
        key = Path(settings.VAR_DIR) / "secret.key"
        key.write_bytes((unpacked / SECRET_FILE).read_bytes())
        key.chmod(0o600)
        key_written = True
    return {"private_files": restored, "secret_key": key_written}


def inspect(path: Path, into: Path) -> dict:
    """Unpack and check an archive; refuse one made for another kind of database."""
    try:
        manifest = snapshot.unpack(Path(path), into)
    except snapshot.SnapshotError as error:
        raise BackupError(str(error)) from None
    kind = manifest.get("database", {}).get("kind")
    if kind != database_kind():
        raise BackupError(f"l’archive contient une base {kind}, DATABASE_URL désigne une base {database_kind()} : "
                          f"restaurez-la sur le même type de base")
    return manifest


def restore(path: Path, overwrite: bool = False) -> dict:
    """Bring a snapshot back; refuse a database that already has tables unless ``overwrite``."""
    with tempfile.TemporaryDirectory(prefix="demain-restore-") as tmp:
        unpacked = Path(tmp)
        manifest = inspect(path, unpacked)
        tables = database_tables()
        if tables and not overwrite:
            raise BackupError(f"la base n’est pas vide ({len(tables)} tables) : --yes pour la remplacer par la "
                              f"sauvegarde du {manifest['created_at']}")
        dump = unpacked / manifest["database"]["file"]
        (restore_sqlite if manifest["database"]["kind"] == "sqlite" else restore_postgresql)(dump)
        files = restore_files(unpacked, manifest)
    return {"path": str(path), "created_at": manifest["created_at"], "database": manifest["database"]["kind"],
            "replaced_tables": len(tables), **files}
