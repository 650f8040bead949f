"""Snapshot archives: a tar.gz whose first member is a manifest of every other member's checksum.

Pure code, no Django. :func:`write` packs a staging directory; :func:`unpack`
extracts an archive into a directory and checks it against its manifest, so a
truncated, altered or foreign file is refused before anything is restored.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import tarfile
from pathlib import Path

MANIFEST = "manifest.json"
FORMAT = "demain-backup"
FORMAT_VERSION = 1


class SnapshotError(ValueError):
    """The archive is not a usable demain backup; the message says why."""


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def checksums(root: Path) -> dict[str, dict]:
    """Every regular file under ``root``, by its POSIX relative path: sha256 and size."""
    found = {}
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        found[path.relative_to(root).as_posix()] = {"sha256": sha256(path), "size": path.stat().st_size}
    return found


def write(staging: Path, manifest: dict, output: Path) -> dict:
    """Pack ``staging`` into ``output`` (mode 0600: it may hold the secret key), manifest first.

    The manifest gets a ``files`` entry with the checksum of each file. Written
    to a temporary name and renamed, so a failed backup never leaves a partial
    archive under the final name.
    """
    manifest = {"format": FORMAT, "format_version": FORMAT_VERSION, **manifest, "files": checksums(staging)}
    data = json.dumps(manifest, indent=2, ensure_ascii=False).encode()
    partial = output.with_name(output.name + ".partial")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "wb") as raw, tarfile.open(fileobj=raw, mode="w:gz") as archive:
            info = tarfile.TarInfo(MANIFEST)
            info.size, info.mode = len(data), 0o600
            archive.addfile(info, io.BytesIO(data))
            for name in manifest["files"]:
                archive.add(staging / name, arcname=name, recursive=False)
        os.replace(partial, output)
    finally:
        if partial.exists():
            partial.unlink()
    return manifest


def unpack(archive_path: Path, into: Path) -> dict:
    """Extract ``archive_path`` into ``into`` and return its manifest, every checksum verified."""
    if not archive_path.is_file():
        raise SnapshotError(f"{archive_path} : fichier introuvable")
    try:
        with tarfile.open(archive_path, mode="r:*") as archive:
            archive.extractall(into, filter="data")
    except (tarfile.TarError, EOFError, OSError) as error:
        raise SnapshotError(f"{archive_path} : pas une archive tar lisible ({error})") from None
    try:
        manifest = json.loads((into / MANIFEST).read_text())
    except (OSError, ValueError):
        raise SnapshotError(f"{archive_path} : pas de {MANIFEST} lisible, ce n’est pas une sauvegarde demain") \
            from None
    if manifest.get("format") != FORMAT:
        raise SnapshotError(f"{archive_path} : ce n’est pas une sauvegarde demain")
    if manifest.get("format_version") != FORMAT_VERSION:
        raise SnapshotError(f"{archive_path} : version de format {manifest.get('format_version')} inconnue "
                            f"(attendue : {FORMAT_VERSION})")
    (into / MANIFEST).unlink()
    found = checksums(into)
    expected = manifest.get("files", {})
    for name in sorted(set(expected) | set(found)):
        if name not in found:
            raise SnapshotError(f"{archive_path} : {name} manque dans l’archive")
        if name not in expected:
            raise SnapshotError(f"{archive_path} : {name} n’est pas dans le manifeste")
        if found[name]["sha256"] != expected[name]["sha256"]:
            raise SnapshotError(f"{archive_path} : {name} ne correspond pas à sa somme de contrôle (archive altérée)")
    return manifest
