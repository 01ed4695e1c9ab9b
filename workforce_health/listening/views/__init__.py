"""Pages of the listening app."""
