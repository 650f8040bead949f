import signal

from django.core.management.base import BaseCommand

from demain.delivery.worker import SendWorker
from demain.lib.houseformat.typography import plural


class Command(BaseCommand):
    help = ("Envoyer les campagnes : réserver des lots de destinataires et les livrer par SMTP "
            "(en lancer plusieurs, sur une machine ou plusieurs ; la base de données les coordonne).")
    # A long-lived worker, often restarted: the system checks load every URL and admin (about 1 s)
    # and belong to `demain check` and to deployment, as with Django's own runserver --skip-checks.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, help="destinataires réservés à la fois (défaut : DELIVERY_BATCH_SIZE)")
        parser.add_argument("--until-idle", action="store_true",
                            help="s’arrêter quand plus aucune campagne n’a rien à envoyer")
        parser.add_argument("--name", help="nom du processus (défaut : hôte:pid:aléatoire)")

    def handle(self, *args, batch_size=None, until_idle=False, name=None, **options):
        worker = SendWorker(name=name, batch_size=batch_size)

        def stop(signum, frame):
            self.stderr.write(f"{worker.name} : signal {signum} reçu, fin du message en cours puis arrêt")
            worker.stop.set()

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        self.stderr.write(f"{worker.name} : démarré")
        sent = worker.run(until_idle=until_idle)
        self.stderr.write(f"{worker.name} : arrêté, {plural(sent, 'message envoyé', 'messages envoyés')}")
