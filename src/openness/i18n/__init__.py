"""The one catalog every user-facing string goes through.

Strings live in `i18n/<lang>/*.toml`, grouped by area; a key is the table
path, e.g. `checkin.saved`. `t(key, **values)` formats the string for the
current language and falls back to English one string at a time. A language
is data: add a folder, nothing else.

Which language: `--lang`, then `OPENNESS_LANG`, then the `language` setting,
then the locale (`LANGUAGE`, `LC_ALL`, `LC_MESSAGES`, `LANG`: `ur_PK.UTF-8`
and `ur_IN.UTF-8` give Urdu), then English. `choose_language` is that rule,
used both for the help texts and for a command's own context.
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
    if not values:
        return text
    try:
        return text.format(**values)
    except (KeyError, IndexError, ValueError):  # a broken translation: fall back to English
        return strings(DEFAULT).get(key, key).format(**values)


RTL = frozenset({"ur", "ar", "fa", "he", "ps", "sd", "ug", "yi"})


def direction(lang: str | None = None) -> str:
    """"rtl" or "ltr" for a language (the current one by default)."""
    return "rtl" if (lang or _current) in RTL else "ltr"


def normalize(code: str | None) -> str | None:
    """The language part of a code: "ur_PK.UTF-8", "UR", "ur-IN" -> "ur"."""
    if not code:
        return None
    base = code.strip().split(".")[0].split("@")[0].replace("-", "_").split("_")[0].lower()
    return base or None


def _locale_value(env: dict[str, str]) -> str | None:
    """The locale setting that decides messages, as POSIX orders them."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        val = env.get(var)
        if val:
            return val
    return None


def language_from_locale(environ: dict[str, str] | None = None) -> str | None:
    env = os.environ if environ is None else environ
    value = _locale_value(env)
    if normalize(value) in (None, "c", "posix"):
        return None  # gettext ignores LANGUAGE when the locale is C
    # LANGUAGE is a list of preferences ("ur:en"); the first we have wins
    for pref in (env.get("LANGUAGE") or "").split(":"):
        code = normalize(pref)
        if code in available():
            return code
    code = normalize(value)
    return code if code in available() else None


class UnknownLanguage(ValueError):
    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def choose_language(flag: str | None = None, setting: str | None = None, environ: dict[str, str] | None = None) -> str:
    """The language for this run: --lang, OPENNESS_LANG, the setting, the locale, English.

    A language asked for by name (the flag or OPENNESS_LANG) that we do not
    have raises UnknownLanguage; the locale quietly falls back to English.
    """
    env = os.environ if environ is None else environ
    for asked in (flag, env.get("OPENNESS_LANG")):
        if asked:
            code = normalize(asked)
            if code not in available():
                raise UnknownLanguage(asked)
            return code  # type: ignore[return-value]
    if setting and normalize(setting) in available():
        return normalize(setting)  # type: ignore[return-value]
    return language_from_locale(env) or DEFAULT


def territory_from_locale(environ: dict[str, str] | None = None) -> str | None:
    env = os.environ if environ is None else environ
    val = _locale_value(env)
    if not val:
        return None
    base = val.split(".")[0].split("@")[0].replace("-", "_")
    if "_" in base:
        return base.split("_", 1)[1].upper() or None
    return None
