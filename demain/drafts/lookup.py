"""What `demain check` checks: a draft file, or a stored draft by its id.

A stored draft brings its text and the snapshot of its story's source texts
(used when no ``--sources`` directory is given).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from demain.lib.grounding import Source

__all__ = ["DraftNotFound", "Draft", "load_draft", "stored_draft"]

MAX_BYTES = 5_000_000


class DraftNotFound(LookupError):
    """No draft file or stored draft by that name; the message says which."""


@dataclass(frozen=True)
class Draft:
    name: str
    text: str
    sources: list[Source] | None = None  # a stored draft's own sources, when it has them


def stored_draft(draft_id: int) -> Draft:
    """The stored draft ``draft_id``: its current text and the source texts it was drafted from."""
    from demain.drafts.models import Draft as StoredDraft
    from demain.drafts.services import checker_sources

    found = StoredDraft.objects.filter(pk=draft_id).first()
    if found is None:
        raise DraftNotFound(f"aucun brouillon n° {draft_id} (ni fichier de ce nom)")
    if not found.text.strip():
        raise DraftNotFound(f"le brouillon n° {draft_id} est « {found.get_status_display()} » : il n'a pas encore "
                            "de texte")
    return Draft(f"brouillon n° {draft_id}", found.text, checker_sources(found) or None)


def load_draft(reference: str) -> Draft:
    """A plain-text draft file when ``reference`` names one, else the stored draft of that id."""
    path = Path(reference)
    if path.is_file():
        try:
            data = path.read_bytes()
        except OSError as error:
            raise DraftNotFound(f"{path} : illisible ({error.strerror or error})") from None
        if len(data) > MAX_BYTES:
            raise DraftNotFound(f"{path} : plus de {MAX_BYTES} octets, ce n'est pas un brouillon")
        if b"\x00" in data[:4096]:
            raise DraftNotFound(f"{path} : fichier binaire, pas un texte")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise DraftNotFound(f"{path} : le texte n'est pas en UTF-8") from None
        if not text.strip():
            raise DraftNotFound(f"{path} : fichier vide")
        return Draft(path.name, text)
    if reference.isdigit():
        return stored_draft(int(reference))
    raise DraftNotFound(f"{reference} : ni un fichier, ni un numéro de brouillon")
