"""Guided flows: the exercise runner and the check-in. Pure Python: no terminal here."""
