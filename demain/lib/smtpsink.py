"""A local SMTP sink (aiosmtpd) that counts messages per recipient. Pure: no Django.

Used by the delivery tests and bench/delivery. It can refuse some addresses
(550 at RCPT) and answer a temporary failure to every Nth message (451 at the
end of DATA), to exercise bounces and retries.
"""

from __future__ import annotations

import socket
import threading
from collections import Counter

from aiosmtpd.controller import Controller


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class CountingHandler:
    def __init__(self, reject: set[str] = frozenset(), fail_every: int = 0, keep: bool = False):
        self.counts: Counter[str] = Counter()
        self.reject = {address.lower() for address in reject}
        self.fail_every = fail_every
        self.keep = keep
        self.messages: list[bytes] = []
        self.data_seen = 0
        self.lock = threading.Lock()

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower() in self.reject:
            return "550 5.1.1 Mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.data_seen += 1
            if self.fail_every and self.data_seen % self.fail_every == 0:
                return "451 4.3.0 Temporary failure, try again later"
            self.counts.update(address.lower() for address in envelope.rcpt_tos)
            if self.keep:
                self.messages.append(envelope.original_content or envelope.content)
        return "250 2.0.0 Accepted"


class Sink:
    """Run a counting sink on 127.0.0.1 in a thread: ``with Sink() as sink: …``."""

    def __init__(self, **options):
        self.handler = CountingHandler(**options)
        self.port = free_port()
        self.controller = Controller(self.handler, hostname="127.0.0.1", port=self.port,
                                     data_size_limit=10 * 1024 * 1024)

    def __enter__(self) -> "Sink":
        self.controller.start()
        return self

    def __exit__(self, *exc) -> None:
        self.controller.stop()


class AcceptAllHandler:
    """Accept everything; count messages in a shared counter (``multiprocessing.Value``)."""

    def __init__(self, counter):
        self.counter = counter

    async def handle_DATA(self, server, session, envelope):
        with self.counter.get_lock():
            self.counter.value += len(envelope.rcpt_tos)
        return "250 2.0.0 Accepted"


def serve_forever(port: int, counter, ready) -> None:
    """Process target: an accept-all sink on 127.0.0.1:port until the process is terminated."""
    import signal

    controller = Controller(AcceptAllHandler(counter), hostname="127.0.0.1", port=port,
                            data_size_limit=10 * 1024 * 1024)
    controller.start()
    ready.set()
    signal.sigwait({signal.SIGTERM, signal.SIGINT})
    controller.stop()
