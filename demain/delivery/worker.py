"""The send loop of `demain worker`: claim a batch, send each row, record each outcome.

Coordination is the database only. A claim is one transaction: on PostgreSQL
``SELECT … FOR UPDATE SKIP LOCKED`` then a guarded UPDATE; on SQLite the
transaction starts with BEGIN IMMEDIATE (settings), so one writer claims at a
time, and the same guarded UPDATE runs. Before a message body goes out the row
is marked ``phase=data`` (in the same statement group that records the previous
row's outcome); a worker found dead leaves such a row *uncertain*, never re-sent.
"""

from __future__ import annotations

import fcntl
import logging
import os
import socket
import threading
import time
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.db import close_old_connections, connection, transaction
from django.db.models import F, Q
from django.utils import timezone

from demain.audience import links
from demain.audience.models import Subscriber, Suppression, email_hash
from demain.delivery import campaigns
from demain.delivery.models import Campaign, Delivery, Worker
from demain.delivery.render import PREFERENCES, UNSUBSCRIBE, PreparedEmail
from demain.delivery.smtp import Outcome, open_connection

log = logging.getLogger(__name__)
S = Delivery.Status
TABLE = Delivery._meta.db_table
MARK_DATA = (f"UPDATE {TABLE} SET phase = 'data' "
             f"WHERE id = %s AND worker = %s AND status = 'sending' AND phase = 'claimed'")
RECORD = (f"UPDATE {TABLE} SET status = %s, phase = %s, smtp_code = %s, smtp_reply = %s, message_id = %s, "
          f"sent_at = %s, retry_at = %s, worker = %s "
          f"WHERE id = %s AND worker = %s AND status IN ('sending', 'uncertain')")
# PostgreSQL: RECORD and MARK_DATA as one statement (a data-modifying CTE), hence one transaction.
RECORD_THEN_MARK_DATA = f"WITH recorded AS ({RECORD} RETURNING id) {MARK_DATA}"


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{os.urandom(3).hex()}"


def signer():
    """DKIM signer for prepared messages, or None when no key is configured."""
    if not (settings.DKIM_SELECTOR and settings.DKIM_DOMAIN and settings.DKIM_PRIVATE_KEY_PATH):
        return None
    from demain.lib import dkim

    with open(settings.DKIM_PRIVATE_KEY_PATH, "rb") as handle:
        key = handle.read()

    def sign(message: bytes) -> bytes:
        return dkim.sign(message, selector=settings.DKIM_SELECTOR, domain=settings.DKIM_DOMAIN,
                         private_key_pem=key, headers=dkim.DEFAULT_HEADERS)

    return sign


def prepared_email(campaign: Campaign) -> PreparedEmail:
    return PreparedEmail(subject=campaign.subject, html=campaign.html, text=campaign.text,
                         boundary=campaign.boundary, signer=signer())


def personal_message(email: PreparedEmail, row: Delivery, message_id: str) -> bytes:
    personal = links.personal_links(row.subscriber)
    return email.build(
        to=row.email, message_id=message_id,
        links={PREFERENCES: personal.preferences, UNSUBSCRIBE: personal.unsubscribe},
        headers=personal.headers,
    )


class WriteLock:
    """On SQLite, queue this machine's delivery writers on an OS lock instead of SQLite's busy loop.

    SQLite allows one writer; a writer that finds the database locked sleeps
    1, 2, 5… ms before looking again, which wastes most of the time when several
    workers each write once per message. A blocking ``flock`` wakes the next
    writer as soon as the lock is free. PostgreSQL needs nothing of the sort.
    """

    def __init__(self):
        self.thread_lock = threading.Lock()
        self.handle = None

    def __enter__(self):
        self.thread_lock.acquire()
        if connection.vendor == "sqlite":
            if self.handle is None:
                self.handle = open(f"{connection.settings_dict['NAME']}.delivery-lock", "a")
            fcntl.flock(self.handle, fcntl.LOCK_EX)
        return self

    def __exit__(self, *exc):
        if self.handle is not None:
            fcntl.flock(self.handle, fcntl.LOCK_UN)
        self.thread_lock.release()


write_lock = WriteLock()


def claimable(now) -> Q:
    return Q(status=S.QUEUED) | Q(status=S.RETRY, retry_at__lte=now)


def candidates(now, size: int) -> list[int]:
    """Due retries first, then queued rows, of sending campaigns, locked for this transaction.

    Each query reads the (status, campaign) index and stops at ``size``: no
    ORDER BY, because sorting every queued row at each claim made a claim cost
    grow with the campaign (a 100,000-row campaign slowed down as it went).
    """
    sending = Campaign.objects.filter(status=Campaign.Status.SENDING).values("pk")
    ids: list[int] = []
    for rows in (Delivery.objects.filter(status=S.RETRY, retry_at__lte=now, campaign__in=sending),
                 Delivery.objects.filter(status=S.QUEUED, campaign__in=sending)):
        if len(ids) < size:
            locked = rows.select_for_update(skip_locked=True).values_list("id", flat=True)
            ids += list(locked[: size - len(ids)])
    return ids


def claim(name: str, size: int) -> list[int]:
    """Take up to ``size`` rows of sending campaigns for this worker; one transaction."""
    now = timezone.now()
    with write_lock, transaction.atomic():
        ids = candidates(now, size)
        if not ids:
            return []
        Delivery.objects.filter(claimable(now), id__in=ids).update(
            status=S.SENDING, phase=Delivery.Phase.CLAIMED, worker=name, claimed_at=now,
            attempts=F("attempts") + 1)
    return list(Delivery.objects.filter(id__in=ids, worker=name, status=S.SENDING).values_list("id", flat=True))


def reclaim_stale(lease: float) -> tuple[int, int]:
    """Rows held by workers whose heartbeat stopped: re-queue, or *uncertain* if DATA was reached."""
    cutoff = timezone.now() - timedelta(seconds=lease)
    alive = Worker.objects.filter(heartbeat_at__gte=cutoff, stopped_at__isnull=True).values("name")
    with transaction.atomic():
        Worker.objects.filter(heartbeat_at__lt=cutoff, stopped_at__isnull=True).update(stopped_at=timezone.now())
        stale = Delivery.objects.filter(status=S.SENDING).exclude(worker__in=alive)
        uncertain = stale.filter(phase=Delivery.Phase.DATA).update(
            status=S.UNCERTAIN, smtp_reply="processus arrêté pendant la transmission (après DATA) : "
                                           "message peut-être reçu")
        requeued = stale.exclude(phase=Delivery.Phase.DATA).update(
            status=S.QUEUED, phase="", worker="", attempts=F("attempts") - 1)
    return uncertain, requeued


def settle_cancelled() -> None:
    Delivery.objects.filter(campaign__status=Campaign.Status.CANCELLED, status__in=[S.QUEUED, S.RETRY]) \
        .update(status=S.SKIPPED, smtp_reply="campagne annulée")


def has_open_work() -> bool:
    active = [Campaign.Status.SENDING, Campaign.Status.SCHEDULED]
    return Delivery.objects.filter(campaign__status__in=active, status__in=campaigns.OPEN).exists()


@dataclass
class Result:
    row: Delivery
    outcome: Outcome
    message_id: str = ""


@dataclass
class Pacer:
    """Global per-second limit, shared out between the live workers."""

    per_second: float
    next_at: float = field(default_factory=time.monotonic)
    share: float = 0.0

    def wait(self) -> None:
        if not self.share:
            return
        now = time.monotonic()
        if self.next_at > now:
            time.sleep(self.next_at - now)
        self.next_at = max(self.next_at, now) + 1 / self.share

    def update(self, live_workers: int) -> None:
        self.share = self.per_second / max(live_workers, 1) if self.per_second else 0.0


class SendWorker:
    def __init__(self, name: str | None = None, batch_size: int | None = None, stdout=None):
        self.name = name or worker_name()
        self.batch_size = batch_size or settings.DELIVERY_BATCH_SIZE
        self.lease = settings.DELIVERY_LEASE_SECONDS
        self.stop = threading.Event()
        self.connection = open_connection()
        self.emails: dict[int, PreparedEmail] = {}
        self.pacer = Pacer(settings.DELIVERY_RATE_PER_SECOND)
        self.sent = 0
        self.stdout = stdout

    # --- lifecycle -----------------------------------------------------------------
    def run(self, until_idle: bool = False, campaign_id: int | None = None) -> int:
        Worker.objects.update_or_create(name=self.name, defaults={"heartbeat_at": timezone.now(), "stopped_at": None})
        beat = threading.Thread(target=self._heartbeat, name="heartbeat", daemon=True)
        beat.start()
        try:
            while not self.stop.is_set():
                if not self.step():
                    if until_idle and not self._work_left(campaign_id):
                        break
                    self.stop.wait(settings.DELIVERY_POLL_SECONDS)
        finally:
            self.stop.set()
            beat.join()
            self.connection.close()
            Worker.objects.filter(name=self.name).update(stopped_at=timezone.now())
        return self.sent

    def _work_left(self, campaign_id: int | None) -> bool:
        if campaign_id is None:
            return has_open_work()
        return Delivery.objects.filter(campaign_id=campaign_id, status__in=campaigns.OPEN).exists() and \
            Campaign.objects.filter(pk=campaign_id, status=Campaign.Status.SENDING).exists()

    def _heartbeat(self) -> None:
        try:
            while not self.stop.wait(self.lease / 4):
                with write_lock:
                    Worker.objects.filter(name=self.name).update(heartbeat_at=timezone.now())
        finally:
            connection.close()

    def housekeeping(self) -> None:
        with write_lock:
            reclaim_stale(self.lease)
            campaigns.start_due_campaigns()
            settle_cancelled()
            campaigns.finish_done_campaigns()
        cutoff = timezone.now() - timedelta(seconds=self.lease)
        self.pacer.update(Worker.objects.filter(heartbeat_at__gte=cutoff, stopped_at__isnull=True).count())

    # --- one batch -----------------------------------------------------------------
    def step(self) -> bool:
        """Claim and send one batch; False when there was nothing to take."""
        close_old_connections()
        self.housekeeping()
        ids = claim(self.name, self.hourly_room())
        if not ids:
            return False
        rows = list(Delivery.objects.filter(id__in=ids).select_related("subscriber").order_by("id"))
        self.send_batch(rows)
        return True

    def hourly_room(self) -> int:
        limit = settings.DELIVERY_RATE_PER_HOUR
        if not limit:
            return self.batch_size
        since = timezone.now() - timedelta(hours=1)
        used = Delivery.objects.filter(Q(sent_at__gte=since) | Q(status=S.SENDING)).count()
        return max(0, min(self.batch_size, limit - used))

    def send_batch(self, rows: list[Delivery]) -> None:
        pending: list[Result] = []
        checked = time.monotonic()
        for index, row in enumerate(rows):
            if self.stop.is_set() or (time.monotonic() - checked > 0.5 and self._campaigns_halted(rows[index:])):
                self.release(rows[index:])
                break
            if time.monotonic() - checked > 0.5:
                checked = time.monotonic()
            pending.append(self.send_one(row, pending))
        self.record(pending, data_row=None)

    def _campaigns_halted(self, rows: list[Delivery]) -> bool:
        ids = {row.campaign_id for row in rows}
        return Campaign.objects.filter(pk__in=ids).exclude(status=Campaign.Status.SENDING).exists()

    def send_one(self, row: Delivery, pending: list[Result]) -> Result:
        email = self.emails.get(row.campaign_id)
        if email is None:
            email = self.emails[row.campaign_id] = prepared_email(row.campaign)
        message_id = email.message_id(f"demain.{row.campaign_id}.{row.pk}")
        if row.subscriber is None:
            return Result(row, Outcome("skipped", None, "abonné supprimé"), message_id)
        message = personal_message(email, row, message_id)
        self.pacer.wait()

        def before_body() -> bool:
            return self.record(pending, data_row=row)

        return Result(row, self.connection.send(email.sender, row.email, message, before_body), message_id)

    # --- status rows ---------------------------------------------------------------
    def record(self, pending: list[Result], data_row: Delivery | None) -> bool:
        """Write finished outcomes, and mark ``data_row`` as reaching DATA, in one transaction.

        The hot path of the worker: plain parametrised SQL, no query building. On
        PostgreSQL the usual case (one sent row, then the next row's DATA mark) is one
        statement, so one round trip instead of four (BEGIN, two UPDATEs, COMMIT).
        """
        now = connection.ops.adapt_datetimefield_value(timezone.now())
        if data_row is not None and len(pending) == 1 and pending[0].outcome.kind == "sent" \
                and connection.vendor == "postgresql" and not connection.in_atomic_block:
            with connection.cursor() as cursor:
                cursor.execute(RECORD_THEN_MARK_DATA, [*self._values(pending.pop(), now), data_row.pk, self.name])
                return cursor.rowcount == 1
        with write_lock, transaction.atomic(), connection.cursor() as cursor:
            for result in pending:
                if values := self._values(result, now):
                    cursor.execute(RECORD, values)
            pending.clear()
            if data_row is None:
                return True
            cursor.execute(MARK_DATA, [data_row.pk, self.name])
            return cursor.rowcount == 1

    def _values(self, result: Result, now) -> list | None:
        """RECORD's parameters for one outcome (None: not ours to write); counts and suppresses."""
        row, outcome = result.row, result.outcome
        worker, sent_at, retry_at, phase = self.name, None, None, ""
        if outcome.kind == "sent":
            status, sent_at = S.SENT, now
            self.sent += 1
        elif outcome.kind == "bounced":
            status = S.BOUNCED
            self._suppress(row)
        elif outcome.kind == "uncertain":
            status, phase = S.UNCERTAIN, Delivery.Phase.DATA
        elif outcome.kind == "skipped" and row.subscriber is None:
            status = S.SKIPPED
        elif outcome.kind == "skipped":
            return None  # taken back by another worker: not ours to write
        elif row.attempts >= settings.DELIVERY_MAX_ATTEMPTS:
            status, worker = S.FAILED, ""
        else:
            delay = settings.DELIVERY_RETRY_SECONDS * 2 ** (row.attempts - 1)
            status, worker = S.RETRY, ""
            retry_at = connection.ops.adapt_datetimefield_value(timezone.now() + timedelta(seconds=delay))
        return [status, phase, outcome.code, outcome.reply, result.message_id, sent_at, retry_at,
                worker, row.pk, self.name]

    def _suppress(self, row: Delivery) -> None:
        Subscriber.objects.filter(pk=row.subscriber_id).update(status=Subscriber.Status.BOUNCED)
        Suppression.objects.get_or_create(email_hash=email_hash(row.email),
                                          defaults={"reason": Suppression.Reason.BOUNCED})

    def release(self, rows: list[Delivery]) -> None:
        """Give back claimed rows not yet started (stop, pause or cancel)."""
        Delivery.objects.filter(pk__in=[r.pk for r in rows], worker=self.name, status=S.SENDING,
                                phase=Delivery.Phase.CLAIMED) \
            .update(status=S.QUEUED, phase="", worker="", attempts=F("attempts") - 1)
