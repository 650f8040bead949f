"""demain check DRAFT_ID|PATH --sources DIR [--json]: the grounding checker alone."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from demain.drafts.lookup import DraftNotFound, load_draft
from demain.drafts.report import render
from demain.lib.grounding import SourceError, check, read_sources


class Command(BaseCommand):
    help = ("Check a draft's figures, quotations and names against its sources "
            "(exit 1 when anything is unsupported or contradicted).")

    def add_arguments(self, parser):
        parser.add_argument("draft", metavar="DRAFT_ID|PATH", help="a stored draft's id, or a plain-text draft file")
        parser.add_argument("--sources", type=Path, metavar="DIR",
                            help="directory of the source texts (.txt or .html files)")
        parser.add_argument("--json", action="store_true",
                            help='print {"items": [{"text", "kind", "status", "source", "snippet"}]}')

    def handle(self, *args, draft: str, sources: Path | None, json: bool, **options):
        try:
            found = load_draft(draft)
        except DraftNotFound as error:
            raise CommandError(str(error), returncode=2) from None
        if sources is not None:
            try:
                texts = read_sources(sources)
            except SourceError as error:
                raise CommandError(str(error), returncode=2) from None
        elif found.sources:
            texts = found.sources
        else:
            raise CommandError("donnez les sources : --sources DIR (fichiers .txt ou .html)", returncode=2)
        report = check(found.text, texts)
        if json:
            self.stdout.write(dumps(report.as_json()))
        else:
            self.stdout.write(render(found.name, report))
        if not report.ok:
            sys.exit(1)


def dumps(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False)
