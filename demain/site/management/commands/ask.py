"""demain ask "question": answer a question from the published archive, every sentence cited."""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError

from demain.site.archive.answer import BACKENDS, AskError, ask


class Command(BaseCommand):
    help = ("Répondre à une question à partir des numéros publiés, en français, chaque phrase citant son "
            "passage (--json : réponse, phrases, citations avec numéro, article, passage et URL).")

    def add_arguments(self, parser):
        parser.add_argument("question", help="la question, en français ou en anglais")
        parser.add_argument("--json", action="store_true", help="afficher la réponse en un objet JSON")
        parser.add_argument("--backend", choices=BACKENDS, default=None,
                            help="extractive, openai ou local (défaut : ASK_BACKEND)")

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
