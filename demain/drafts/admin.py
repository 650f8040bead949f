"""The drafts' admin pages (draft_admin.py)."""

from . import draft_admin  # noqa: F401  (registers DraftAdmin)
