"""`openness --help` stays light: no prompt, YAML, database or validation libraries."""

from __future__ import annotations

import json
import subprocess
import sys

HEAVY = ["questionary", "prompt_toolkit", "yaml", "sqlite3", "_sqlite3", "pydantic", "rich.console"]


def test_help_imports_nothing_heavy():
    code = (
        "import sys, json\n"
        "from openness import cli\n"
        "try:\n"
        "    cli.run(['--help'])\n"
        "finally:\n"
        f"    print(json.dumps([m for m in {HEAVY!r} if m in sys.modules]), file=sys.stderr)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    loaded = json.loads(proc.stderr.strip().splitlines()[-1])
    assert loaded == []
    assert "checkin" in proc.stdout


def test_python_dash_m_openness_works():
    proc = subprocess.run([sys.executable, "-m", "openness", "--version"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0 and proc.stdout.startswith("openness ")
