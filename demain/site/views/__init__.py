"""Public pages, one small module per page."""
