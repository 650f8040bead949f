import json
from contextlib import nullcontext

from datetime import datetime
from datetime import timezone as dt_timezone

from django.core.management.base import BaseCommand, CommandError
from rich.console import Console
from rich.status import Status

from demain.lib.houseformat.typography import plural
from demain.lib.ranking import PART_LABELS
from demain.stories import services


class Command(BaseCommand):
    help = ("Regrouper les nouveaux articles de la fenêtre en sujets et les classer ; affiche les sujets classés "
            "avec leurs sources et les parts de leur score (--json : aussi les articles, sources, parts et chiffres).")

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true", help="afficher les sujets classés en JSON")
        parser.add_argument("--limit", type=int, default=30, help="combien de sujets afficher (défaut : 30)")
        parser.add_argument("--as-of", default=None, metavar="ISO|latest",
                            help="classer à cette date plutôt que maintenant ; `latest` : l’heure de l’article le plus récent "
                                 "(un corpus d’une autre semaine, comme dans la démo)")

    def handle(self, *args, json: bool, limit: int, as_of: str | None, **options):
        now = as_of_time(as_of)
        console = Console(stderr=True)
        with Status("clustering and ranking…", console=console) if console.is_terminal and not json else nullcontext():
            summary = services.run(now)
        stories = summary.ranked[:limit]
        if json:
            self.stdout.write(json_dumps({
                "articles": summary.articles, "new_articles": summary.new_articles,
                "new_stories": summary.new_stories, "stories": [services.as_dict(s) for s in stories]}))
            return
        for rank, story in enumerate(stories, start=1):
            parts = "  ".join(f"{PART_LABELS.get(p['name'], p['name'])} {p['value']:+.2f}" for p in story.score_parts)
            pin = " [épinglé]" if story.pinned else ""
            self.stdout.write(f"{rank:>3}. {story.score:5.2f}{pin}  {story.title}")
            self.stdout.write(f"       {plural(story.sources_count, 'source', 'sources')}, "
                              f"{plural(story.memberships.count(), 'article', 'articles')}  {parts}")
            if story.disagreements:
                self.stdout.write(f"       désaccords : {len(story.disagreements)}")
        self.stdout.write(f"articles : {summary.articles}  nouveaux : {summary.new_articles}  "
                          f"nouveaux sujets : {summary.new_stories}  sujets : {len(summary.ranked)}")


def as_of_time(value: str | None) -> datetime | None:
    if value is None:
        return None
    if value == "latest":
        return services.latest_article_time()
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--as-of takes an ISO date or time, or `latest`, not {value!r}") from None
    return when if when.tzinfo else when.replace(tzinfo=dt_timezone.utc)


def json_dumps(data) -> str:
    return json.dumps(data, ensure_ascii=False)
