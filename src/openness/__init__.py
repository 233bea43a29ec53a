"""openness: short guided exercises for opening up, with crisis lines first."""

__version__ = "0.1.0"
