"""Review figures as pure functions over journal entries.

Everything here takes `Record`s (or plain values) and returns small frozen
dataclasses: counts and averages, each with the number it is based on. No
I/O, no rich, no scores of a person, no streaks. The terminal view
(`openness.ui.review`) and the HTML page (`openness.ui.report`) draw these.
"""

from openness.insights.figures import Review, build
from openness.insights.period import SinceError, parse_since

__all__ = ["Review", "build", "SinceError", "parse_since"]
