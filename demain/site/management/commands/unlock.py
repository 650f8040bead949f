"""`demain unlock`: lift an admin login refusal (too many failures) before it expires."""

from __future__ import annotations

import ipaddress
import json

from django.core.management.base import BaseCommand, CommandError

from demain.lib.houseformat.typography import plural
from demain.site.login_throttle import unlock


class Command(BaseCommand):
    help = ("Lever le blocage de la connexion à l’administration (trop d’échecs) pour un compte et/ou "
            "une adresse IP, sans attendre LOGIN_LOCKOUT_MINUTES.")

    def add_arguments(self, parser):
        parser.add_argument("username", nargs="?", help="identifiant du compte à débloquer")
        parser.add_argument("--ip", help="adresse IP à débloquer (celle que voit le site, derrière le proxy de confiance)")
        parser.add_argument("--json", action="store_true", help="sortie JSON")

    def handle(self, *args, username=None, ip=None, **options):
        if not username and not ip:
            raise CommandError("indiquez un identifiant, une adresse (--ip), ou les deux")
        if ip:
            try:
                ip = str(ipaddress.ip_address(ip.strip()))
            except ValueError:
                raise CommandError(f"adresse IP invalide : {ip!r}") from None
        counts = unlock(username, ip)
        if options["json"]:
            self.stdout.write(json.dumps({"username": username, "ip": ip, "failures": counts}, ensure_ascii=False))
            return
        for kind, label in (("account", f"compte « {username} »"), ("ip", f"adresse {ip}")):
            if kind in counts:
                self.stdout.write(f"{label} : débloqué ({plural(counts[kind], 'échec effacé', 'échecs effacés')})")
