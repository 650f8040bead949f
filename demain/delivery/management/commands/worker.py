import signal

from django.core.management.base import BaseCommand

from demain.delivery.worker import SendWorker


class Command(BaseCommand):
    help = ("Send newsletter campaigns: claim batches of recipients and deliver them by SMTP "
            "(run several, on one machine or many; the database coordinates them).")

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, help="rows claimed at once (default: DELIVERY_BATCH_SIZE)")
        parser.add_argument("--until-idle", action="store_true",
                            help="exit once no campaign has anything left to send")
        parser.add_argument("--name", help="worker name (default: host:pid:random)")

    def handle(self, *args, batch_size=None, until_idle=False, name=None, **options):
        worker = SendWorker(name=name, batch_size=batch_size)

        def stop(signum, frame):
            self.stderr.write(f"{worker.name}: signal {signum}, finishing the current message")
            worker.stop.set()

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        self.stderr.write(f"{worker.name}: started")
        sent = worker.run(until_idle=until_idle)
        self.stderr.write(f"{worker.name}: stopped, {sent} message(s) sent")
