"""User settings: a small validated JSON file, saved atomically and privately."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path

from openness.errors import DataError, UsageError
from openness.i18n import t
from openness.paths import write_private_file

LANGUAGES = ("en", "ur")


@dataclass(frozen=True)
class Settings:
    region: str | None = None  # ISO country code from the resources file, or GLOBAL
    language: str | None = None  # "en", "ur", or None to follow the locale
    journal: bool = False  # keep a journal: off unless the person says yes
    safety_check: bool = True  # the gentle local check on free text
    first_run_done: bool = False
    bidi: str | None = None  # how Urdu reaches the terminal: auto (None), logical or visual (ui/bidi.py)

    def to_json(self) -> str:
        return json.dumps(asdict(self), indent=2, sort_keys=True) + "\n"


# Keys a person may set with `openness config set`, and how to read the value.
SETTABLE = ("region", "language", "journal", "safety_check", "bidi")
BIDI_MODES = ("logical", "visual")

_TRUE = {"on", "yes", "true", "1", "y"}
_FALSE = {"off", "no", "false", "0", "n"}


def parse_bool(value: str, key: str) -> bool:
    v = value.strip().lower()
    if v in _TRUE:
        return True
    if v in _FALSE:
        return False
    raise UsageError(t("config.bad_bool", key=key, value=value))


def load(path: Path) -> Settings:
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Settings()
    except OSError as exc:
        raise DataError(t("config.unreadable", path=str(path), problem=exc.strerror)) from None
    try:
        data = json.loads(raw)
        if not isinstance(data, dict):
            raise ValueError("not an object")
    except ValueError:
        raise DataError(t("config.not_json", path=str(path))) from None
    known = {f.name for f in fields(Settings)}
    unknown = sorted(set(data) - known)
    if unknown:
        raise DataError(t("config.unknown_keys", path=str(path), keys=", ".join(unknown)))
    s = Settings(**data)
    _check(s, path)
    return s


def _check(s: Settings, path: Path) -> None:
    if s.language is not None and s.language not in LANGUAGES:
        raise DataError(t("config.bad_value", path=str(path), key="language"))
    if s.bidi is not None and s.bidi not in BIDI_MODES:
        raise DataError(t("config.bad_value", path=str(path), key="bidi"))
    for name in ("journal", "safety_check", "first_run_done"):
        if not isinstance(getattr(s, name), bool):
            raise DataError(t("config.bad_value", path=str(path), key=name))
    if s.region is not None and not isinstance(s.region, str):
        raise DataError(t("config.bad_value", path=str(path), key="region"))


def save(path: Path, settings: Settings) -> None:
    write_private_file(path, settings.to_json().encode("utf-8"))


def with_value(settings: Settings, key: str, value: str, regions: tuple[str, ...]) -> Settings:
    """Return settings with `key` set from the text `value`, or raise UsageError."""
    if key not in SETTABLE:
        raise UsageError(t("config.unknown_key", key=key, keys=", ".join(SETTABLE)))
    if key == "region":
        code = value.strip().upper()
        if code == "UK":
            code = "GB"
        if code not in regions:
            raise UsageError(t("config.unknown_region", value=value, regions=", ".join(regions)))
        return replace(settings, region=code)
    if key == "language":
        lang = value.strip().lower()
        if lang in ("auto", ""):
            return replace(settings, language=None)
        if lang not in LANGUAGES:
            raise UsageError(t("config.unknown_language", value=value, languages=", ".join(LANGUAGES)))
        return replace(settings, language=lang)
    if key == "bidi":
        mode = value.strip().lower()
        if mode in ("auto", ""):
            return replace(settings, bidi=None)
        if mode not in BIDI_MODES:
            raise UsageError(t("config.unknown_bidi", value=value, modes=", ".join(BIDI_MODES)))
        return replace(settings, bidi=mode)
    return replace(settings, **{key: parse_bool(value, key)})
