"""The only place SQL and SQLCipher appear."""
