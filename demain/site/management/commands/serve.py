"""`demain serve`: the production web server (granian, WSGI), with static files through whitenoise."""

from __future__ import annotations

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from demain import conf
from demain.site import page_cache


class Command(BaseCommand):
    help = ("Servir le site en production avec granian : SERVE_WORKERS processus de SERVE_THREADS fils "
            "sur SERVE_BIND, fichiers statiques rassemblés et servis par whitenoise, journaux JSON.")

    def add_arguments(self, parser):
        parser.add_argument("--bind", help=f"hôte:port (défaut : SERVE_BIND, actuellement {settings.SERVE_BIND})")
        parser.add_argument("--workers", type=int, help=f"processus (défaut : SERVE_WORKERS, actuellement {settings.SERVE_WORKERS})")
        parser.add_argument("--threads", type=int, help=f"fils par processus (défaut : SERVE_THREADS, actuellement {settings.SERVE_THREADS})")
        parser.add_argument("--no-collectstatic", action="store_true",
                            help="ne pas lancer `collectstatic` (déjà fait, par exemple dans l’image Docker)")

    def handle(self, *args, bind=None, workers=None, threads=None, no_collectstatic=False, **options):
        from granian import Granian
        from granian.constants import Interfaces

        try:
            bind = conf.parse_bind(bind or settings.SERVE_BIND)
        except conf.SettingError as error:
            raise CommandError(f"--bind: {error}") from None
        workers, threads = workers or settings.SERVE_WORKERS, threads or settings.SERVE_THREADS
        if workers < 1 or threads < 1:
            raise CommandError("--workers and --threads must be at least 1")
        if not no_collectstatic:
            # Compressed copies (.gz, .br) and far-future caching need the collected files.
            call_command("collectstatic", interactive=False, verbosity=0)
        try:
            page_cache.new_generation()  # templates or code may have changed with this start
        except DatabaseError as error:  # serve anyway: /healthz says what is wrong
            self.stderr.write(f"demain serve: page cache not reset, database unavailable ({error})")
        host, _, port = bind.rpartition(":")
        self.stderr.write(f"demain serve: http://{bind}/ ({workers} × {threads} threads, granian)")
        Granian(
            "demain.wsgi:application", address=host.strip("[]"), port=int(port), interface=Interfaces.WSGI,
            workers=workers, blocking_threads=threads, websockets=False, log_access=False,
            log_level="warning", respawn_failed_workers=True,
        ).serve()
