"""demain issue: import, export, lint, move through the workflow and list the newsletter's issues."""

from __future__ import annotations

import argparse
import datetime
import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from demain.issues.models import Issue
from demain.issues.services import (ImportRejected, PublishBlocked, TransitionNotAllowed, fix_issue_typography,
                                    issue_to_parsed, lint_issue, next_number, save_parsed_issue, transition)
from demain.lib.houseformat import HouseFormatError, ParsedIssue, export, lint, parse
from demain.lib.houseformat.lint import errors
from demain.lib.houseformat.typography import fix, plural, quote


class Command(BaseCommand):
    help = "Les numéros de la lettre : import, export, lint, status, list (demain issue ACTION --help)."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        add = actions.add_parser("import", help="Lire un numéro au format maison et l’enregistrer comme brouillon.")
        add.add_argument("path", help="fichier texte au format maison")
        add.add_argument("--dry-run", action="store_true", help="lire et afficher, ne rien enregistrer")
        add.add_argument("--json", action="store_true", help="afficher la structure lue en JSON")
        add.add_argument("--number", type=int, help="numéro (défaut : le « N° » du fichier, sinon le prochain libre)")
        add.add_argument("--date", type=iso_date, help="date du numéro AAAA-MM-JJ (défaut : celle du fichier, sinon aujourd’hui)")
        add.add_argument("--title", help="titre du numéro (défaut : la première phrase de l’édito)")
        out = actions.add_parser("export", help="Écrire un numéro enregistré au format maison.")
        out.add_argument("number", type=int, help="numéro")
        out.add_argument("-o", "--output", help="fichier à écrire (défaut : la sortie standard)")
        check = actions.add_parser("lint", help="Vérifier un fichier ou un numéro enregistré selon les règles maison.")
        check.add_argument("target", help="un chemin de fichier, ou le numéro d’un numéro enregistré")
        check.add_argument("--json", action="store_true", help="afficher les remarques en JSON")
        check.add_argument("--fix", action="store_true", help="corriger la typographie (dans le fichier, ou dans la base)")
        move = actions.add_parser("status", help="Faire avancer un numéro : draft (brouillon) → review (relecture) → approved (approuvé) → published (publié).")
        move.add_argument("number", type=int, help="numéro")
        move.add_argument("status", choices=Issue.Status.values)
        move.add_argument("--note", default="", help="une note gardée dans l’historique des statuts")
        show = actions.add_parser("list", help="Lister les numéros enregistrés.")
        show.add_argument("--json", action="store_true", help="résultat en JSON (pour les scripts)")

    def handle(self, *args, action, **options):
        getattr(self, f"do_{action}")(**options)

    # --- import -----------------------------------------------------------------

    def do_import(self, path, dry_run, json, number, date, title, **_):
        parsed = read_issue(path)
        if json:
            self.print_json(parsed.to_dict())
        elif dry_run:
            self.stdout.write(summary(parsed))
        if dry_run:
            return
        try:
            date = date or parsed.date or datetime.date.today()
            issue = save_parsed_issue(parsed, number or parsed.number or next_number(), date, title)
        except ImportRejected as error:
            raise CommandError(f"{path} : rien n’a été importé : {error}") from error
        findings = lint(parsed)
        message = (f"Numéro {issue.number} importé en brouillon : {plural(len(parsed.articles), 'article')}. "
                   f"Vérification : {plural(len(errors(findings)), 'erreur')}, "
                   f"{plural(len(findings) - len(errors(findings)), 'avertissement')} (demain issue lint {issue.number}).")
        (self.stderr if json else self.stdout).write(message)

    # --- export -----------------------------------------------------------------

    def do_export(self, number, output, **_):
        text = export(issue_to_parsed(get_issue(number)))
        if output:
            Path(output).write_text(text, encoding="utf-8")
            self.stdout.write(f"Numéro {number} écrit dans {output}")
        else:
            self.stdout.write(text, ending="")

    # --- lint -------------------------------------------------------------------

    def do_lint(self, target, json, fix, **_):
        if target.isdigit() and not Path(target).exists():
            issue = get_issue(int(target))
            if fix:
                self.stderr.write(f"{plural(fix_issue_typography(issue), 'champ corrigé', 'champs corrigés')}.")
            findings = lint_issue(issue)
        else:
            if fix:
                fix_file(target)
                self.stderr.write(f"Typographie corrigée dans {target}.")
            findings = lint(read_issue(target))
        if json:
            self.print_json([finding.to_dict() for finding in findings])
        else:
            for finding in findings:
                label = "ERREUR" if finding.severity == "error" else "attention"
                self.stdout.write(f"{label:9} {finding.rule:20} {finding.location} : {finding.message}")
        blocking = errors(findings)
        if blocking:
            raise CommandError(f"{plural(len(blocking), 'erreur bloque', 'erreurs bloquent')} la publication.")
        if not json:
            self.stdout.write(f"Aucune erreur bloquante ({plural(len(findings), 'avertissement')}).")

    # --- status and list ----------------------------------------------------------

    def do_status(self, number, status, note, **_):
        issue = get_issue(number)
        try:
            transition(issue, status, note=note)
        except TransitionNotAllowed as error:
            raise CommandError(str(error)) from error
        except PublishBlocked as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Numéro {number} : {issue.get_status_display()}.")

    def do_list(self, json, **_):
        rows = [{"number": issue.number, "date": issue.date.isoformat(), "status": issue.status,
                 "title": issue.title, "articles": issue.articles.count()} for issue in Issue.objects.order_by("number")]
        if json:
            self.print_json(rows)
            return
        labels = dict(Issue.Status.choices)
        for row in rows:
            self.stdout.write(f"{row['number']:>4}  {row['date']}  {labels[row['status']]:<10} {row['articles']:>2} art.  "
                              f"{row['title']}")
        if not rows:
            self.stdout.write("Aucun numéro. Importez-en un : demain issue import FICHIER")

    def print_json(self, data) -> None:
        self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))


def iso_date(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"date invalide « {text} » (attendu : AAAA-MM-JJ)") from None


def read_text(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise CommandError(f"{path} : lecture impossible ({error})") from error


def read_issue(path: str) -> ParsedIssue:
    try:
        return parse(read_text(path))
    except HouseFormatError as error:
        raise CommandError(f"{path}, {error}") from error


def fix_file(path: str) -> None:
    text = read_text(path)
    fixed = fix(text)
    if fixed != text:
        Path(path).write_text(fixed, encoding="utf-8")


def get_issue(number: int) -> Issue:
    try:
        return Issue.objects.get(number=number)
    except Issue.DoesNotExist:
        raise CommandError(f"aucun numéro {number} (demain issue list)") from None


def summary(parsed: ParsedIssue) -> str:
    lines = [f"Éditorial : {plural(len(parsed.editorial), 'paragraphe')}, chute {quote(parsed.punchline)}"]
    for index, article in enumerate(parsed.articles, start=1):
        turn = ", retournement" if article.turn else ""
        lines.append(f"Article {index} (ligne {article.line}) {quote(article.title)} : {plural(len(article.facts), 'fait')}{turn}, "
                     f"{plural(len(article.analysis), 'paragraphe')} d’analyse, {plural(len(article.sources), 'source')}")
    if parsed.app_review:
        lines.append(f"App sous le radar (ligne {parsed.app_review.line}) : {parsed.app_review.name}")
    lines += [f"Ignoré, ligne {line} : {text.splitlines()[0][:70]}" for line, text in parsed.skipped]
    return "\n".join(lines)
