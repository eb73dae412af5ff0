"""The theme's stylesheet trimmed to what the pages use; the templates compiled once."""
