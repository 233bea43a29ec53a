"""The journal: the only code that touches the journal file (SQLite)."""
