"""demain ask "question": answer a question from the published archive, every sentence cited."""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError

from demain.site.archive.answer import BACKENDS, AskError, ask


class Command(BaseCommand):
    help = ("Answer a question from the published issues, in French, every sentence citing its passage "
            "(--json: answer, sentences, citations with issue, article, passage and URL).")

    def add_arguments(self, parser):
        parser.add_argument("question", help="the question, in French or English")
        parser.add_argument("--json", action="store_true", help="print the answer as one JSON object")
        parser.add_argument("--backend", choices=BACKENDS, default=None,
                            help="extractive, openai or local (default: ASK_BACKEND)")

    def handle(self, *args, question: str, json: bool, backend: str | None, **options):
        try:
            answer = ask(question, backend=backend)
        except AskError as error:
            raise CommandError(str(error)) from None
        if json:
            self.stdout.write(dumps(answer.to_dict()))
            return
        if answer.refused:
            self.stdout.write(answer.text)
            if answer.suggestions:
                self.stdout.write("Les articles les plus proches :")
                for suggestion in answer.suggestions:
                    self.stdout.write(f"  - N° {suggestion.issue}, « {suggestion.article} » — {suggestion.url}")
        for sentence in answer.sentences:
            sources = " ; ".join(f"N° {c.issue}, « {c.article} » {c.url}" for c in sentence.citations)
            self.stdout.write(f"{sentence.text} [{sources}]")
        for note in answer.notes:
            self.stderr.write(note)


def dumps(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)
