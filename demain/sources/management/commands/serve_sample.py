import signal
import threading

from django.core.management.base import BaseCommand

from demain.sources.sample.server import SAMPLE_DIR, SampleServer


class Command(BaseCommand):
    help = ("Servir le corpus d’exemple (flux, pages, cas hostiles, robots.txt, règles TDM) sur un port local "
            "pour les tests et la démo ; l’importer avec `demain sources import-opml URL/sources.opml`.")

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8001)
        parser.add_argument("--root", default=str(SAMPLE_DIR), help="dossier à servir (défaut : le corpus d’exemple)")

    def handle(self, *args, host, port, root, **options):
        server = SampleServer(root, host=host, port=port).start()
        self.stdout.write(f"corpus d’exemple sur {server.base_url}/  (sources : {server.base_url}/sources.opml, "
                          f"cas hostiles : {server.base_url}/hostile.opml)")
        self.stdout.write(f"pour que le collecteur l’atteigne : FETCH_ALLOWED_HOSTS={server.host}")
        stop = threading.Event()
        signal.signal(signal.SIGTERM, lambda *_: stop.set())
        signal.signal(signal.SIGINT, lambda *_: stop.set())
        stop.wait()
        server.stop()
