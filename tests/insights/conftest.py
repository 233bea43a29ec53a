"""The insights tests import the hand-made journal (handmade.py) beside them."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
