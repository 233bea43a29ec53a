"""The calm card shown when the local check notices danger in what someone wrote.

Pure Python. The caller saves the entry first, then calls `check_and_card`
with the entry's free texts; it returns one `Card` (or None) for `ui.card` to
show. The card never quotes the entry, never names what matched, never scores
or diagnoses, never blocks and never contacts anyone. It speaks the language
of the entry, lists two or three lines for the region plus the emergency
number (the person's own lines first), and is shown once per entry and at
most once per run unless the kind of concern changes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Sequence

from openness.flows.crisis import how, tr

PERSONAL = frozenset({"suicide", "self_harm", "hopeless"})
ABUSE = "abuse"


@dataclass(frozen=True)
class Concern:
    """What the screening of one entry (all its texts together) found."""

    categories: frozenset[str]
    language: str  # "en", "ur" or "roman_ur"
    concern_for_other: bool = False

    @property
    def kind(self) -> str:
        """"self", "both" (personal and abuse), "abuse" or "other" (worried about someone).

        The screen reports suicide, self-harm and hopelessness only when they are
        the writer's own, so those always get the personal card. Worry about
        someone else (alone, or with abuse) gets the softer card.
        """
        if self.categories & PERSONAL:
            return "both" if ABUSE in self.categories else "self"
        if self.concern_for_other:
            return "other"
        return "abuse" if ABUSE in self.categories else "self"


@dataclass(frozen=True)
class Card:
    kind: str  # "self", "abuse", "both" or "other"
    lang: str  # the card's language: "en" or "ur"
    region: str
    opening: tuple[str, ...]  # a few warm sentences
    lines: tuple[str, ...]  # own lines first, then the region's, emergency last
    notes: tuple[str, ...] = ()  # try another line, Urdu-speaking lines, privacy tip, the plan
    plan: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (part title, items) of the person's safety plan
    closing: str = ""
    keys: str = ""  # the key hint shown when the card waits in a terminal

    def text(self) -> str:
        """Everything the card says, as plain lines (for tests and plain output)."""
        out = [*self.opening, *("  - " + x for x in self.lines), *self.notes]
        for heading, items in self.plan:
            out.append(heading)
            out += ["  - " + x for x in items]
        out.append(self.closing)
        return "\n".join(x for x in out if x)


@dataclass
class Session:
    """What this run has already shown, so a card is not repeated for the same concern."""

    shown: set[str] = field(default_factory=set)

    def admit(self, concern: Concern) -> bool:
        keys = set(concern.categories) | ({"other"} if concern.concern_for_other else set())
        if keys and keys <= self.shown:
            return False
        self.shown |= keys
        return True


def combine(screenings: Iterable[Any]) -> Concern | None:
    """One concern from the screenings of an entry's texts (None when nothing was noticed).

    A screening counts when it fired or when the writer is worried about
    someone else (which may come with no category of the writer's own).
    """
    noticed = [s for s in screenings if s.fired or s.concern_for_other]
    if not noticed:
        return None
    cats = frozenset().union(*(frozenset(s.categories) for s in noticed))
    language = next((s.language for s in noticed if s.language == "ur"), noticed[0].language)
    return Concern(categories=cats, language=language, concern_for_other=any(s.concern_for_other for s in noticed))


def card_language(entry_language: str, ui_language: str) -> str:
    """The entry's language; Roman Urdu gets Urdu copy when the person reads openness in Urdu."""
    if entry_language == "ur":
        return "ur"
    if entry_language == "roman_ur" and ui_language == "ur":
        return "ur"
    return "en"


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def _line(res, lang: str, *, mark_urdu: bool) -> str:
    key = "safety.card.line_urdu" if mark_urdu and res.speaks("Urdu") else "safety.card.line"
    return tr(lang, key, how=_cap(how(res, lang=lang)), name=res.name)


def _emergency_line(region: str, lang: str) -> str:
    from openness.safety import resources

    numbers = [c.value for r in resources.emergency(region) for c in r.contacts if c.method == "phone"]
    if not numbers:
        return tr(lang, "safety.card.emergency_local")
    return tr(lang, "safety.card.emergency", numbers=tr(lang, "safety.card.or").join(dict.fromkeys(numbers)))


def region_lines(kind: str, region: str, *, abuse_noticed: bool = False) -> tuple[list, list]:
    """The region's support and abuse lines for a card of `kind` (emergency is added apart)."""
    from openness.safety import resources

    support = resources.shown(region, displays=("short",), kinds=("crisis", "text-crisis", "directory"))
    abuse = resources.shown(region, displays=("short-abuse",), kinds=("domestic-abuse",))
    if kind == "self":
        return support[:3], []
    if kind == "abuse":
        return ([] if abuse else support[:1]), abuse[:1]
    # "both" and "other": a crisis line or two, and the abuse line when abuse was noticed
    return support[:2], (abuse[:1] if kind == "both" or abuse_noticed else [])


def build_card(
    concern: Concern,
    *,
    region: str,
    ui_lang: str,
    own: Sequence[Any] = (),
    plan=None,
    saved: bool = True,
    privacy_tip: bool = True,
) -> Card:
    """The card for `concern`. `plan` is the person's SafetyPlan (or None);
    `privacy_tip` says whether the abuse card should mention that an
    unencrypted journal can be opened by anyone using this computer."""
    from openness.flows import safety_plan
    from openness.safety import resources

    lang = card_language(concern.language, ui_lang)
    kind = concern.kind
    hopeless_only = not (concern.categories - {"hopeless"})
    if kind == "other":
        opening = [tr(lang, "safety.card.other_open"), tr(lang, "safety.card.other_lead")]
    elif kind == "abuse":
        opening = [tr(lang, "safety.card.abuse_open"), tr(lang, "safety.card.abuse_lead")]
    else:
        opening = [tr(lang, "safety.card.self_open")]
        if kind == "both":
            opening.append(tr(lang, "safety.card.not_your_fault"))
        opening.append(tr(lang, "safety.card.hopeless_lead" if hopeless_only and kind == "self" else "safety.card.self_lead"))

    urdu_reader = lang == "ur" or concern.language == "roman_ur"
    support, abuse = region_lines(kind, region, abuse_noticed=ABUSE in concern.categories)
    lines = [tr(lang, "safety.card.own_line", name=o.name, contact=o.contact) for o in own]
    lines += [_line(r, lang, mark_urdu=urdu_reader) for r in (*support, *abuse)]
    lines.append(_emergency_line(region, lang))

    notes: list[str] = []
    if kind == "other":
        notes.append(tr(lang, "safety.card.other_abuse_you_too" if ABUSE in concern.categories else "safety.card.other_you_too"))
    if resources.try_another(region):
        notes.append(tr(lang, "crisis.try_another"))
    if urdu_reader and not any(r.speaks("Urdu") for r in (*support, *abuse)):
        from openness.flows.crisis import urdu_note

        note = urdu_note(region, [*support, *abuse], lang)
        if note:
            notes.append(note)
    if ABUSE in concern.categories and privacy_tip:  # the writer may live with the person they wrote about
        notes.append(tr(lang, "safety.card.privacy_tip"))
    shown_plan: tuple = ()
    if plan is safety_plan.LOCKED and kind != "other":
        notes.append(tr(lang, "safety.card.plan_locked"))
    elif plan is not None and plan is not safety_plan.LOCKED and not plan.empty and kind != "other":
        notes.append(tr(lang, "safety.card.plan"))
        shown_plan = safety_plan.sections(plan, lang)
    closing = tr(lang, "safety.card.closing_saved" if saved else "safety.card.closing")
    return Card(
        kind=kind,
        lang=lang,
        region=region,
        opening=tuple(opening),
        lines=tuple(lines),
        notes=tuple(notes),
        plan=shown_plan,
        closing=closing,
        keys=tr(lang, "safety.card.keys"),
    )


def check_and_card(
    texts: Iterable[str],
    *,
    screen: Callable[[str], Any],
    region: str,
    ui_lang: str,
    enabled: bool = True,
    own: Sequence[Any] = (),
    load_plan: Callable[[], Any] | None = None,
    saved: bool = True,
    privacy_tip: bool = True,
    session: Session | None = None,
) -> Card | None:
    """Screen an entry's free texts (after it is saved) and return the card to show, or None.

    `enabled` is the person's safety_check setting. `load_plan` is called only
    when a personal card is due, and may return None.
    """
    if not enabled:
        return None
    concern = combine(screen(x) for x in texts if isinstance(x, str) and x.strip())
    if concern is None:
        return None
    if session is not None and not session.admit(concern):
        return None
    plan = load_plan() if load_plan is not None and concern.kind != "other" else None
    return build_card(
        concern, region=region, ui_lang=ui_lang, own=own, plan=plan, saved=saved, privacy_tip=privacy_tip
    )


def entry_texts(exercise, answers: dict[str, Any]) -> list[str]:
    """The free-text answers of an exercise run, in step order: what the check reads."""
    out = []
    for step in exercise.steps:
        if step.kind == "text":
            v = answers.get(step.id)
            if isinstance(v, str) and v.strip():
                out.append(v)
    return out
