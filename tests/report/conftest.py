"""The report tests share the hand-made journal of tests/insights."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "insights"))
