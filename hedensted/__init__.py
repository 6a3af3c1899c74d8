"""hedensted."""
