"""Pure code with no Django dependency."""
