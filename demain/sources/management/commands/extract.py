"""demain extract PATH [--json]: run article extraction alone on saved pages."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from demain.lib.extract import DEFAULT_MAX_BYTES, ExtractionError, extract
from demain.lib.extract.files import page_files, read_page
from demain.lib.houseformat.typography import plural
from demain.site.evaluation import progress_bar, write_above

KEYS = ("file", "title", "text", "author", "date", "language")


class Command(BaseCommand):
    help = "Extraire l’article (texte, titre, auteur, date, langue) de pages HTML enregistrées."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="un fichier .html ou .html.gz, ou un dossier de ces fichiers")
        parser.add_argument("--json", action="store_true", help="un objet JSON par ligne et par fichier")
        parser.add_argument("--max-bytes", type=positive, default=DEFAULT_MAX_BYTES,
                            help=f"refuser les pages plus grosses (défaut : {DEFAULT_MAX_BYTES} octets)")

    def handle(self, *args, path: Path, json: bool, max_bytes: int, **options):
        try:
            files = page_files(path)
        except FileNotFoundError as error:
            raise CommandError(str(error)) from None
        if not files:
            raise CommandError(f"no .html or .html.gz page in {path}")
        failed = 0
        with progress_bar(enabled=not json) as bar:
            task = bar.add_task("extraction", total=len(files))
            for file in files:
                try:
                    found = extract(read_page(file, max_bytes), max_bytes=max_bytes)
                except ExtractionError as error:
                    failed += 1
                    write_above(bar, self.stderr, f"{file}: error: {error}")
                else:
                    for line in self.report(file, found, json):
                        write_above(bar, self.stdout, line)
                bar.advance(task)
        if not json:
            self.stdout.write(f"{plural(len(files) - failed, 'page extraite', 'pages extraites')}, {plural(failed, 'échec', 'échecs')}.")
        if failed:
            raise CommandError(f"extraction impossible pour {plural(failed, 'fichier', 'fichiers')} sur {len(files)}")

    def report(self, file: Path, found, as_json: bool) -> list[str]:
        record = {"file": str(file), "title": found.title, "text": found.text, "author": found.author,
                  "date": found.date, "language": found.language}
        if as_json:
            return [json_line(record)]
        first = found.text.splitlines()[0]
        return [
            f"{file}",
            f"  title: {found.title or '—'}",
            f"  author: {found.author or '—'} · date: {found.date or '—'} · "
            f"language: {found.language or '—'} · {len(found.text.split())} words",
            f"  begins: {first[:160]}{'…' if len(first) > 160 else ''}",
        ]


def positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number <= 0:
        raise argparse.ArgumentTypeError(f"a positive number of bytes is expected, not {value!r}")
    return number


def json_line(record: dict) -> str:
    return json.dumps(record, ensure_ascii=False)

