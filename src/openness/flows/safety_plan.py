"""A personal safety plan in the six parts of the Stanley-Brown Safety Planning
Intervention, in the person's own words.

Kept in the journal as an entry of kind "safety_plan" (so it is encrypted
when the journal is); the latest one is the plan. Pure Python: the flow asks
through a Prompter and stores through a callable it is given. What a person
writes in their plan is never screened: it is a plan, not a disclosure.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Callable

from openness.errors import UsageError
from openness.flows.prompter import Panel, Prompter
from openness.i18n import t
from openness.records import Record

KIND = "safety_plan"

# The six parts, in the order of the Stanley-Brown Safety Planning Intervention.
PARTS = (
    "warning_signs",  # 1. warning signs
    "on_my_own",  # 2. internal coping strategies: things I can do on my own
    "distractions",  # 3. people and social settings that provide distraction
    "people",  # 4. people I can ask for help
    "professionals",  # 5. professionals and agencies I can contact
    "safer",  # 6. making the environment safer
)

# Returned instead of a plan when the journal is locked and nobody should be
# asked for a passphrase (for example under the safety card).
LOCKED = object()

MAX_ITEMS = 20
MAX_ITEM_CHARS = 500


@dataclass(frozen=True)
class SafetyPlan:
    parts: dict[str, tuple[str, ...]] = field(default_factory=dict)
    id: str | None = None
    created: datetime | None = None

    def items(self, part: str) -> tuple[str, ...]:
        return self.parts.get(part, ())

    @property
    def empty(self) -> bool:
        return not any(self.parts.get(p) for p in PARTS)


def split_items(text: str) -> tuple[str, ...]:
    """One item a line; list bullets and blank lines dropped."""
    out = []
    for line in str(text).splitlines():
        s = line.strip()
        for bullet in ("- ", "* ", "• "):
            if s.startswith(bullet):
                s = s[len(bullet):].strip()
        if s:
            out.append(s)
    return tuple(out)


def _checked(part: str, items: tuple[str, ...]) -> tuple[str, ...]:
    if len(items) > MAX_ITEMS:
        raise UsageError(t("safety_plan.too_many", part=part, limit=MAX_ITEMS))
    if any(len(x) > MAX_ITEM_CHARS for x in items):
        raise UsageError(t("safety_plan.too_long", part=part, limit=MAX_ITEM_CHARS))
    return items


def to_record(plan: SafetyPlan) -> Record:
    answers = {p: list(plan.items(p)) for p in PARTS}
    text = "\n".join(x for p in PARTS for x in plan.items(p))
    return Record(kind=KIND, exercise=None, answers=answers, text=text)


def from_record(record: Record) -> SafetyPlan:
    parts: dict[str, tuple[str, ...]] = {}
    for p in PARTS:
        raw = record.answers.get(p) or []
        if isinstance(raw, str):
            raw = split_items(raw)
        parts[p] = tuple(str(x) for x in raw if str(x).strip())
    return SafetyPlan(parts=parts, id=record.id, created=record.created)


def latest(journal) -> SafetyPlan | None:
    """The newest plan in `journal` (anything with `recent(n, kind=...)`), or None."""
    found = journal.recent(1, kind=KIND)
    return from_record(found[0]) if found else None


def to_json(plan: SafetyPlan) -> dict[str, Any]:
    """The stable JSON shape of a plan (pinned by a test)."""
    return {
        "id": plan.id,
        "created": plan.created.isoformat(timespec="seconds") if plan.created else None,
        "parts": {p: list(plan.items(p)) for p in PARTS},
    }


def title(part: str, lang: str | None = None) -> str:
    from openness.flows.crisis import tr

    return tr(lang, f"safety_plan.part.{part}.title")


def sections(plan: SafetyPlan, lang: str | None = None) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(part title, items) for the parts that have something in them, in order."""
    return tuple((title(p, lang), plan.items(p)) for p in PARTS if plan.items(p))


# -- building it ------------------------------------------------------------------


def from_answers(data: dict[str, Any], existing: SafetyPlan | None = None) -> SafetyPlan:
    """A plan from an answers file: each part a list of lines (or text, one a line).

    Parts the file leaves out keep what the existing plan had; an empty list
    clears a part.
    """
    unknown = [k for k in data if k not in PARTS]
    if unknown:
        raise UsageError(t("safety_plan.unknown_part", key=str(unknown[0]), parts=", ".join(PARTS)))
    parts = dict(existing.parts) if existing else {}
    for p in PARTS:
        if p not in data:
            continue
        raw = data[p]
        if raw is None:
            items: tuple[str, ...] = ()
        elif isinstance(raw, str):
            items = split_items(raw)
        elif isinstance(raw, list) and all(isinstance(x, (str, int, float)) and not isinstance(x, bool) for x in raw):
            items = tuple(s for x in raw if (s := " ".join(str(x).split())))
        else:
            raise UsageError(t("safety_plan.bad_part", part=p))
        parts[p] = _checked(p, items)
    return SafetyPlan(parts={p: tuple(parts.get(p, ())) for p in PARTS})


def ask(prompter: Prompter, existing: SafetyPlan | None = None) -> SafetyPlan:
    """Ask for each part in turn; with a plan already there, ask whether to change each part."""
    parts: dict[str, tuple[str, ...]] = {}
    for n, p in enumerate(PARTS, 1):
        prompter.heading(t("safety_plan.part_heading", n=n, total=len(PARTS), title=title(p)))
        prompter.say(t(f"safety_plan.part.{p}.what"))
        now = existing.items(p) if existing else ()
        if now:
            prompter.say(t("safety_plan.now"))
            for item in now:
                prompter.say("- " + item)
            if not prompter.yesno(f"change_{p}", t("safety_plan.ask_change"), default=False):
                parts[p] = now
                continue
        text = prompter.text(p, t(f"safety_plan.part.{p}.prompt"), True, True, t(f"safety_plan.part.{p}.help"))
        parts[p] = _checked(p, split_items(text or ""))
    return SafetyPlan(parts=parts)


@dataclass
class Built:
    plan: SafetyPlan
    saved: bool


def build(
    prompter: Prompter,
    *,
    panel: Panel,
    existing: SafetyPlan | None,
    journal_on: bool,
    store: Callable[[SafetyPlan], str],
    answers: dict[str, Any] | None = None,
    save: bool | None = None,
) -> Built:
    """Make or change the plan, then keep it in the journal (the person decides).

    `answers` (from an answers file) replaces the questions. With the journal
    off, the person is told the plan is kept in the journal file anyway, and
    asked when there is a terminal.
    """
    prompter.crisis(panel)
    prompter.heading(t("safety_plan.title"))
    prompter.say(t("safety_plan.intro"))
    if answers is not None:
        plan = from_answers(answers, existing)
        for heading, items in sections(plan):
            prompter.say(heading)
            for item in items:
                prompter.say("- " + item)
    else:
        plan = ask(prompter, existing)
    if plan.empty:
        prompter.say(t("safety_plan.nothing"))
        return Built(plan=plan, saved=False)
    if save is None:
        if journal_on:
            save = True
        else:
            prompter.say(t("safety_plan.journal_off"))
            save = prompter.yesno("save", t("safety_plan.ask_keep"), default=True) if prompter.interactive else True
    if save:
        store(plan)
        prompter.say(t("safety_plan.saved"))
        prompter.say(t("safety_plan.show_hint"))
    else:
        # nothing is kept, so show it once more for the person to copy somewhere safe
        prompter.say(t("safety_plan.not_saved"))
        if answers is None:
            for heading, items in sections(plan):
                prompter.say(heading)
                for item in items:
                    prompter.say("- " + item)
    return Built(plan=plan, saved=bool(save))
