"""Route modules, one per page group."""
