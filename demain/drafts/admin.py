"""The drafts app in the admin: drafts and their findings (draft_admin.py), the footprint ledger (admin_ledger.py)."""

from . import admin_ledger  # noqa: F401  (registers Generation)
from . import draft_admin  # noqa: F401  (registers DraftAdmin)
