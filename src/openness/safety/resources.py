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
    source_date: str | None = None  # the date printed on the source page, when it had one

    def speaks(self, language: str) -> bool:
        """Whether the data says this line answers in `language` (not "not confirmed")."""
        import re

        word = re.compile(rf"\b{re.escape(language)}\b", re.IGNORECASE)
        return any(word.search(x) and "not confirmed" not in x.lower() for x in self.languages)

    @property
    def interpreters(self) -> bool:
        """Whether the data says callers can ask for an interpreter."""
        return any("interpret" in x.lower() for x in self.languages)


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
                source_date=str(r["source_date"]) if r.get("source_date") else None,
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


# Regions where the data says lines may go unanswered, so the copy adds "if one
# line doesn't answer, try another" (guidelines rule 8). From resources.yaml:
#   IN: the region notes (a Feb 2026 test in Delhi found most helplines slow or
#       unanswered) ask for exactly this line;
#   PK: Umang is closed on Eid holidays and the region notes say the government
#       lines' status is unknown;
#   NZ: Lifeline Aotearoa's own source reports it misses one call in four.
TRY_ANOTHER = frozenset({"IN", "PK", "NZ"})


def try_another(region: str) -> bool:
    return region in TRY_ANOTHER


def emergency(region: str) -> list[Resource]:
    """The confirmed emergency entries of `region` (none for GLOBAL: its number is unconfirmed)."""
    return shown(region, displays=("short",), kinds=("emergency",))


def data_numbers() -> set[str]:
    """Every contact value and display in the file, of any confidence: what a test compares against."""
    out: set[str] = set()
    for reg in book().regions.values():
        for r in reg.resources:
            for c in r.contacts:
                out.add(c.value)
                if c.display:
                    out.add(c.display)
    return out


# -- the person's own lines ------------------------------------------------------
#
# A therapist's number, a trusted friend: kept in a small private file (0600)
# in the config folder and shown before the region's lines in every panel
# and card. Nothing here is ever sent anywhere.

OWN_FILE = "own-lines.json"
OWN_MAX = 20
OWN_FIELD_MAX = 200


@dataclass(frozen=True)
class OwnLine:
    name: str
    contact: str
    note: str | None = None


def _own_field(value: str, *, limit: int = OWN_FIELD_MAX) -> str:
    from openness.errors import UsageError
    from openness.i18n import t

    v = " ".join(str(value).split())
    if not v:
        raise UsageError(t("safety.own.empty"))
    if len(v) > limit:
        raise UsageError(t("safety.own.too_long", limit=limit))
    return v


def load_own(path: Path) -> list[OwnLine]:
    """The person's own lines, in the order they added them; [] if there are none.

    A damaged file raises DataError; callers that show crisis lines catch it
    and carry on with the region's lines.
    """
    import json

    from openness.errors import DataError
    from openness.i18n import t

    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    except (OSError, UnicodeDecodeError):
        raise DataError(t("safety.own.unreadable", path=str(path))) from None
    try:
        data = json.loads(raw)
        if not isinstance(data, list):
            raise ValueError
        lines = []
        for item in data:
            if not isinstance(item, dict) or not isinstance(item.get("name"), str) or not isinstance(item.get("contact"), str):
                raise ValueError
            note = item.get("note")
            if note is not None and not isinstance(note, str):
                raise ValueError
            lines.append(OwnLine(name=item["name"], contact=item["contact"], note=note or None))
    except ValueError:
        raise DataError(t("safety.own.unreadable", path=str(path))) from None
    return lines


def save_own(path: Path, lines: list[OwnLine]) -> None:
    import json

    from openness.paths import write_private_file

    data = [{k: v for k, v in (("name", x.name), ("contact", x.contact), ("note", x.note)) if v is not None} for x in lines]
    write_private_file(path, (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))


def add_own(path: Path, name: str, contact: str, note: str | None = None) -> list[OwnLine]:
    """Add a line (or replace the one with the same name, ignoring case)."""
    from openness.errors import UsageError
    from openness.i18n import t

    line = OwnLine(
        name=_own_field(name, limit=60),
        contact=_own_field(contact),
        note=_own_field(note) if note is not None and note.strip() else None,
    )
    lines = [x for x in load_own(path) if x.name.casefold() != line.name.casefold()]
    if len(lines) >= OWN_MAX:
        raise UsageError(t("safety.own.too_many", limit=OWN_MAX))
    lines.append(line)
    save_own(path, lines)
    return lines


def remove_own(path: Path, name: str) -> list[OwnLine]:
    from openness.errors import UsageError
    from openness.i18n import t

    lines = load_own(path)
    keep = [x for x in lines if x.name.casefold() != " ".join(name.split()).casefold()]
    if len(keep) == len(lines):
        # the names are the person's own words: point to where they are listed instead
        raise UsageError(t("safety.own.no_such") if lines else t("safety.own.none"))
    save_own(path, keep)
    return keep
