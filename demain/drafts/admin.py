"""The drafts app in the admin. The footprint ledger's page lives in its own module."""

from . import admin_ledger  # noqa: F401  (registers Generation)
