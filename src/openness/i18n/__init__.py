"""The one catalog every user-facing string goes through.

Strings live in `i18n/<lang>/*.toml`, grouped by area; a key is the table
path, e.g. `checkin.saved`. `t(key, **values)` formats the string for the
current language and falls back to English one string at a time. A language
is data: add a folder, nothing else.
"""

from __future__ import annotations

import os
import tomllib
from functools import lru_cache
from pathlib import Path

HERE = Path(__file__).parent
DEFAULT = "en"

_current = DEFAULT


def available() -> tuple[str, ...]:
    return tuple(sorted(p.name for p in HERE.iterdir() if p.is_dir() and not p.name.startswith("_")))


def _flatten(prefix: str, table: dict, out: dict[str, str], origin: Path) -> None:
    for k, v in table.items():
        key = f"{prefix}.{k}" if prefix else k
        if isinstance(v, dict):
            _flatten(key, v, out, origin)
        elif isinstance(v, str):
            if key in out:
                raise ValueError(f"{origin}: key {key} is defined twice in the catalog")
            out[key] = v
        else:
            raise ValueError(f"{origin}: {key} must be text")


@lru_cache(maxsize=None)
def strings(lang: str) -> dict[str, str]:
    folder = HERE / lang
    out: dict[str, str] = {}
    if not folder.is_dir():
        return out
    for f in sorted(folder.glob("*.toml")):
        with open(f, "rb") as fh:
            _flatten("", tomllib.load(fh), out, f)
    return out


def set_language(lang: str) -> None:
    global _current
    _current = lang if lang in available() else DEFAULT


def language() -> str:
    return _current


def t(key: str, /, **values: object) -> str:
    text = strings(_current).get(key)
    if text is None:
        text = strings(DEFAULT).get(key)
    if text is None:  # a missing key is a bug; show the key rather than crash
        return key
    return text.format(**values) if values else text


def language_from_locale(environ: dict[str, str] | None = None) -> str | None:
    env = os.environ if environ is None else environ
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        val = env.get(var)
        if val:
            code = val.split(".")[0].split("_")[0].lower()
            return code if code in available() else None
    return None


def territory_from_locale(environ: dict[str, str] | None = None) -> str | None:
    env = os.environ if environ is None else environ
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        val = env.get(var)
        if val:
            base = val.split(".")[0].split("@")[0]
            if "_" in base:
                return base.split("_", 1)[1].upper()
            return None
    return None
