"""Drafts: each story becomes an article in the house format, checked against its sources."""
