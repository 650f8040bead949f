"""Subscribers imported from another tool's CSV export (Mailchimp, Substack, Brevo…).

:func:`plan` reads the file and sorts every row — new, already present,
suppressed, invalid or repeated — without writing anything; :func:`apply`
then records the new ones as confirmed subscribers, each with the consent
source the editor typed. Addresses on the suppression list are never added,
and an existing subscriber (even one who left) is never touched.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime

from django import forms
from django.db import transaction
from django.utils import timezone

from demain.audience.forms import normalise_email
from demain.audience.models import BlockedDomain, ConsentRecord, Subscriber, Suppression, email_hash

MAX_BYTES = 2 * 1024 * 1024
CHUNK = 500
IMPORT_VERSION = "import"
STATES = {
    "new": "nouvelles",
    "present": "déjà abonnées",
    "suppressed": "sur la liste des adresses bloquées",
    "invalid": "invalides",
    "repeated": "en double dans le fichier",
}

# Column names as other tools write them, normalised (lower case, no accents, words split by spaces).
EMAIL_NAMES = ["email", "email address", "e mail", "adresse email", "adresse e mail", "courriel", "mail"]
FULL_NAME_NAMES = ["name", "full name", "nom complet", "fullname"]
FIRST_NAME_NAMES = ["first name", "firstname", "fname", "prenom", "given name"]
LAST_NAME_NAMES = ["last name", "lastname", "lname", "nom", "family name", "surname"]
DATE_NAMES = ["optin time", "confirm time", "created at", "created", "subscription date", "subscribed at",
              "date d inscription", "date inscription", "date creation", "signup date", "date added", "date"]
DATE_FORMATS = ["%d/%m/%Y %H:%M:%S", "%d/%m/%Y %H:%M", "%d/%m/%Y", "%Y/%m/%d %H:%M:%S", "%Y/%m/%d"]


class ImportRefused(ValueError):
    """The file cannot be read as a list of subscribers; the message says why, in French."""


@dataclass
class Row:
    line: int
    raw_email: str
    email: str = ""
    name: str = ""
    date: datetime | None = None
    state: str = "new"
    reason: str = ""


@dataclass
class Plan:
    columns: dict[str, str]
    rows: list[Row] = field(default_factory=list)

    @property
    def counts(self) -> dict[str, int]:
        counts = dict.fromkeys(STATES, 0)
        for row in self.rows:
            counts[row.state] += 1
        return counts

    @property
    def new(self) -> list[Row]:
        return [row for row in self.rows if row.state == "new"]


def normalise_header(name: str) -> str:
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return " ".join(re.split(r"[^a-z0-9]+", plain)).strip()


def decode(data: bytes) -> str:
    if len(data) > MAX_BYTES:
        raise ImportRefused(f"Fichier trop gros ({len(data) // 1024} Ko) : 2 Mo au plus.")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ImportRefused("Encodage illisible : enregistrez le fichier en UTF-8.")


def read_table(text: str) -> list[list[str]]:
    if not text.strip():
        raise ImportRefused("Le fichier est vide.")
    try:
        dialect = csv.Sniffer().sniff(text[:8192], delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    try:
        return [row for row in csv.reader(io.StringIO(text), dialect) if any(cell.strip() for cell in row)]
    except csv.Error as error:
        raise ImportRefused(f"Ce n’est pas un fichier CSV lisible ({error}).") from None


def find_column(headers: list[str], names: list[str]) -> int | None:
    normalised = [normalise_header(header) for header in headers]
    for name in names:  # the most specific name first
        if name in normalised:
            return normalised.index(name)
    return None


def email_column(headers: list[str], rows: list[list[str]]) -> int | None:
    found = find_column(headers, EMAIL_NAMES)
    if found is not None:
        return found
    for index, header in enumerate(headers):
        if "email" in normalise_header(header) or "courriel" in normalise_header(header):
            return index
    sample = rows[:50]
    for index in range(len(headers)):
        values = [row[index] for row in sample if len(row) > index and row[index].strip()]
        if values and sum("@" in value for value in values) >= 0.8 * len(values):
            return index
    return None


def parse_date(value: str) -> datetime | None:
    value = value.strip()
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        parsed = None
        for pattern in DATE_FORMATS:
            try:
                parsed = datetime.strptime(value, pattern)
                break
            except ValueError:
                continue
    if parsed is None:
        return None
    return parsed if timezone.is_aware(parsed) else timezone.make_aware(parsed)


def plan(data: bytes) -> Plan:
    """Read a CSV export and sort its rows; writes nothing."""
    table = read_table(decode(data))
    has_header = not any("@" in cell for cell in table[0])
    headers = table[0] if has_header else [f"colonne {n + 1}" for n in range(len(table[0]))]
    body = table[1:] if has_header else table
    column = email_column(headers, body)
    if column is None:
        raise ImportRefused("Aucune colonne d’adresses e-mail trouvée (en-tête « Email », « E-mail », "
                            "« Email Address » ou « Courriel »).")
    first, last = find_column(headers, FIRST_NAME_NAMES), find_column(headers, LAST_NAME_NAMES)
    full = find_column(headers, FULL_NAME_NAMES)
    date = find_column(headers, DATE_NAMES)
    columns = {"email": headers[column]}
    for key, index in (("prénom", first), ("nom", last if first is not None or full is None else None),
                       ("nom complet", full if first is None else None), ("date", date)):
        if index is not None and index != column:
            columns[key] = headers[index]

    def cell(row, index):
        return row[index].strip() if index is not None and index < len(row) else ""

    result = Plan(columns=columns)
    for offset, values in enumerate(body, start=2 if has_header else 1):
        row = Row(line=offset, raw_email=cell(values, column))
        if "prénom" in columns or "nom" in columns:
            row.name = " ".join(part for part in (cell(values, first), cell(values, last)) if part)
        elif "nom complet" in columns:
            row.name = cell(values, full)
        row.name = row.name[:120]
        row.date = parse_date(cell(values, date)) if "date" in columns else None
        try:
            row.email = normalise_email(row.raw_email)
        except forms.ValidationError:
            row.state, row.reason = "invalid", "adresse invalide"
        result.rows.append(row)
    sort_rows(result.rows)
    return result


def sort_rows(rows: list[Row]) -> None:
    """Mark repeated, suppressed and already present addresses, querying in chunks."""
    seen = set()
    candidates = []
    for row in rows:
        if row.state != "new":
            continue
        if row.email in seen:
            row.state, row.reason = "repeated", "déjà plus haut dans le fichier"
        elif BlockedDomain.blocks(row.email):
            row.state, row.reason = "invalid", "domaine refusé"
        else:
            candidates.append(row)
        seen.add(row.email)
    for start in range(0, len(candidates), CHUNK):
        chunk = candidates[start:start + CHUNK]
        present = set(Subscriber.objects.filter(email__in=[row.email for row in chunk]).values_list("email", flat=True))
        hashes = {email_hash(row.email): row for row in chunk}
        suppressed = set(Suppression.objects.filter(email_hash__in=hashes).values_list("email_hash", flat=True))
        for digest, row in hashes.items():
            if digest in suppressed:
                row.state, row.reason = "suppressed", "adresse bloquée (effacée, rebond ou plainte)"
            elif row.email in present:
                row.state, row.reason = "present", "déjà dans la liste"


def apply(data: bytes, consent_source: str, filename: str = "") -> Plan:
    """Record the new addresses as confirmed subscribers with the consent source; all or nothing."""
    consent_source = consent_source.strip()
    if not consent_source:
        raise ImportRefused("Indiquez d’où vient le consentement de ces abonnés.")
    with transaction.atomic():
        result = plan(data)  # sorted again now: the list may have changed since the preview
        now = timezone.now()
        source = f"import {filename}".strip()[:100]
        rows = result.new
        Subscriber.objects.bulk_create(
            [Subscriber(email=row.email, name=row.name, status=Subscriber.Status.CONFIRMED, source=source,
                        confirmed_at=row.date or now) for row in rows], batch_size=CHUNK)
        ConsentRecord.objects.bulk_create(
            [ConsentRecord(subscriber=subscriber, action=ConsentRecord.Action.IMPORTED, text=consent_source,
                           version=IMPORT_VERSION, created_at=now)
             for subscriber in iter_subscribers([row.email for row in rows])], batch_size=CHUNK)
    return result


def iter_subscribers(emails: list[str]):
    for start in range(0, len(emails), CHUNK):
        yield from Subscriber.objects.filter(email__in=emails[start:start + CHUNK])
