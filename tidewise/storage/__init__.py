"""The only place SQL, SQLCipher and SQLAlchemy appear."""
