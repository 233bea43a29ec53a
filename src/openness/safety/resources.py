"""Crisis and support lines, read from the sourced, dated resources.yaml.

The file is copied verbatim from the project's safety research and shipped
as package data; numbers are never typed into code. Only entries marked
`confirmed-in-source` are ever shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).with_name("resources.yaml")
SHOWN_CONFIDENCE = "confirmed-in-source"
FALLBACK = "GLOBAL"
DEFAULT_REGION = "US"


@dataclass(frozen=True)
class Contact:
    method: str  # phone, text, chat, web, email, tty, whatsapp
    value: str
    display: str | None = None
    keyword: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Resource:
    id: str
    name: str
    kind: str
    contacts: tuple[Contact, ...]
    hours: str | None
    display: str
    confidence: str
    sources: tuple[str, ...]
    languages: tuple[str, ...] = ()
    notes: str | None = None


@dataclass(frozen=True)
class Region:
    code: str
    name: str
    resources: tuple[Resource, ...]
    notes: str | None = None


@dataclass(frozen=True)
class Book:
    compiled_on: str
    regions: dict[str, Region]


def _contact(raw: dict) -> Contact:
    return Contact(
        method=str(raw["method"]),
        value=str(raw["value"]),
        display=raw.get("display"),
        keyword=raw.get("keyword"),
        note=raw.get("note"),
    )


@lru_cache(maxsize=1)
def book() -> Book:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with open(DATA, encoding="utf-8") as fh:
        raw = yaml.load(fh, Loader=loader)
    regions: dict[str, Region] = {}
    for code, reg in raw["regions"].items():
        res = tuple(
            Resource(
                id=r["id"],
                name=r["name"],
                kind=r["kind"],
                contacts=tuple(_contact(c) for c in r.get("contact", [])),
                hours=r.get("hours"),
                display=r.get("display", "long"),
                confidence=r.get("confidence", ""),
                sources=tuple(r.get("sources") or ()),
                languages=tuple(str(x) for x in r.get("languages") or ()),
                notes=r.get("notes"),
            )
            for r in reg.get("resources", [])
        )
        regions[code] = Region(code=code, name=reg["name"], resources=res, notes=reg.get("notes"))
    return Book(compiled_on=str(raw.get("compiled_on", "")), regions=regions)


def region_codes() -> tuple[str, ...]:
    return tuple(book().regions)


def resolve_region(setting: str | None, territory: str | None) -> str:
    """The region to show: the setting, else the locale's country, else US.

    A locale country we have no lines for gets the GLOBAL fallback.
    """
    codes = region_codes()
    if setting and setting in codes:
        return setting
    if territory:
        t = "GB" if territory == "UK" else territory
        return t if t in codes else FALLBACK
    return DEFAULT_REGION


def shown(region: str, *, displays: tuple[str, ...], kinds: tuple[str, ...] | None = None) -> list[Resource]:
    """Confirmed entries of `region` whose display is one of `displays`."""
    reg = book().regions.get(region) or book().regions[FALLBACK]
    out = [
        r
        for r in reg.resources
        if r.confidence == SHOWN_CONFIDENCE and r.display in displays and (kinds is None or r.kind in kinds)
    ]
    return out


def panel(region: str) -> list[Resource]:
    """The short panel shown before every flow: crisis, text and abuse lines, emergency last."""
    items = shown(region, displays=("short", "short-abuse"))
    return sorted(items, key=lambda r: r.kind == "emergency")


def everything(region: str) -> list[Resource]:
    items = shown(region, displays=("short", "short-abuse", "long"))
    return sorted(items, key=lambda r: r.kind == "emergency")
