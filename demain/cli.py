"""The `demain` command: every stage of the flow, plus every Django command."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def stage_commands() -> dict[str, str]:
    """Management commands that belong to demain's own apps, with their help."""
    from django.core.management import get_commands, load_command_class

    found = {}
    for name, app in sorted(get_commands().items()):
        if app.startswith("demain."):
            found[name] = load_command_class(app, name).help.strip().splitlines()[0]
    return found


def print_overview() -> None:
    print("Usage : demain COMMANDE [options]   (demain COMMANDE --help pour le détail)\n")
    print("Les étapes du « Monde de demAIn » :")
    for name, help_text in stage_commands().items():
        print(f"  {name:<12} {help_text}")
    print("\nToutes les commandes de Django marchent aussi : demain migrate, demain createsuperuser,")
    print("demain runserver… (la liste : demain help --commands)")


def remember_demo_address(environ=os.environ) -> None:
    """Commands run beside `make demo` build their links on the address it serves on.

    `scripts/demo` records that address in VAR_DIR/demo-addr; without SITE_URL or DEMO_ADDR in the
    environment, a `demain send 1` typed in another terminal then links to the running demo too.
    """
    if "SITE_URL" in environ or "DEMO_ADDR" in environ:
        return
    from demain.conf import BASE_DIR

    recorded = Path(environ.get("VAR_DIR") or BASE_DIR / "var") / "demo-addr"
    if recorded.is_file():
        environ["DEMO_ADDR"] = recorded.read_text().strip()


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "demain.settings")
    remember_demo_address()
    argv = list(sys.argv if argv is None else argv)
    argv[0] = "demain"
    import django
    from django.core.management import execute_from_command_line

    try:
        if len(argv) == 1 or argv[1:] in (["-h"], ["--help"], ["help"]):
            django.setup()
            print_overview()
            return
        execute_from_command_line(argv)
    except BrokenPipeError:  # `demain … | head` closed the pipe: stop quietly, as other commands do
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)


if __name__ == "__main__":
    main()
