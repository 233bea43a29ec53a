"""Build the crisis panel every flow shows before its first question, and the
pieces the safety card reuses: how to reach a line, in words, in a language.

Every number comes from resources.yaml (never typed here); the person's own
lines come first, labelled as theirs.
"""

from __future__ import annotations

from openness.flows.prompter import Line, Panel
from openness.i18n import t


def tr(lang: str | None, key: str, /, **values: object) -> str:
    """`t`, but in `lang` (the card speaks the language of the entry). None: the current language."""
    if lang is None:
        return t(key, **values)
    from openness import i18n

    text = i18n.strings(lang).get(key) or i18n.strings(i18n.DEFAULT).get(key)
    if text is None:
        return key
    return text.format(**values) if values else text


def region_name(code: str, lang: str | None = None) -> str:
    """The region's name: translated when the catalog has it, else the data's name."""
    from openness import i18n
    from openness.safety import resources

    reg = resources.book().regions.get(code) or resources.book().regions[resources.FALLBACK]
    name = i18n.strings(lang or i18n.language()).get(f"crisis.region.{reg.code}")
    return name or reg.name


def contact_text(contact, lang: str | None = None) -> str:
    # phone numbers are shown as dialled (the data's value); a mnemonic such as
    # 1-800-799-SAFE is not something every phone can type
    value = contact.value if contact.method == "phone" else (contact.display or contact.value)
    if contact.method == "phone":
        return tr(lang, "crisis.how.call", number=value)
    if contact.method == "text":
        if contact.display and contact.display.lower().startswith("text "):
            return contact.display  # the data already says it in full, e.g. "text HELP (4357)"
        if contact.keyword and " " not in contact.keyword:
            return tr(lang, "crisis.how.text_keyword", keyword=contact.keyword, number=value)
        return tr(lang, "crisis.how.text", number=value)
    if contact.method == "tty":
        return tr(lang, "crisis.how.tty", number=value)
    if contact.method == "whatsapp":
        return tr(lang, "crisis.how.whatsapp", number=value)
    if contact.method == "email":
        return tr(lang, "crisis.how.email", address=value)
    return tr(lang, "crisis.how.web", address=value)


def how(res, *, full: bool = False, lang: str | None = None) -> str:
    """How to reach `res`, e.g. "call or text 988; https://988lifeline.org"."""
    contacts = res.contacts if full else tuple(c for c in res.contacts if c.method in ("phone", "text", "web"))
    contacts = contacts or res.contacts
    # "call 988" and "text 988" read better together as "call or text 988"
    parts: list[str] = []
    phones = {c.value for c in contacts if c.method == "phone"}
    for c in contacts:
        if c.method == "text" and c.value in phones and not c.keyword:
            continue
        if c.method == "phone" and any(x.method == "text" and x.value == c.value and not x.keyword for x in contacts):
            parts.append(tr(lang, "crisis.how.call_or_text", number=c.value))
            continue
        parts.append(contact_text(c, lang))
    return tr(lang, "crisis.how.join").join(parts)


def sources_text(res, *, checked: str, lang: str | None = None) -> str:
    """Where an entry was confirmed, and when: for `openness crisis --all`."""
    head = (
        tr(lang, "crisis.sources_dated", checked=checked, dated=res.source_date)
        if res.source_date
        else tr(lang, "crisis.sources", checked=checked)
    )
    return "\n".join([head, *("  " + s for s in res.sources)])


def resource_line(res, *, full: bool = False, lang: str | None = None, checked: str = "", urdu: bool = False) -> Line:
    extra_bits: list[str] = []
    if full:
        bits = [b for b in (res.hours, ", ".join(res.languages) if res.languages else None) if b]
        if bits:
            extra_bits.append("; ".join(str(b) for b in bits))
        extra_bits.append(sources_text(res, checked=checked, lang=lang))
    elif urdu:
        if res.speaks("Urdu"):
            extra_bits.append(tr(lang, "crisis.speaks_urdu"))
        elif res.interpreters:
            extra_bits.append(tr(lang, "crisis.interpreters"))
    return Line(name=res.name, how=how(res, full=full, lang=lang), extra="\n".join(extra_bits) or None)


def own_line(own, lang: str | None = None) -> Line:
    """One of the person's own lines, labelled as theirs."""
    return Line(name=tr(lang, "crisis.own_label", name=own.name), how=own.contact, extra=own.note)


def urdu_note(region: str, items, lang: str | None = None) -> str | None:
    """For someone who reads Urdu: which of these lines speak it, or that none says so."""
    if any(r.speaks("Urdu") for r in items):
        names = ", ".join(r.name for r in items if r.speaks("Urdu"))
        return tr(lang, "crisis.urdu_lines", names=names)
    if any(r.interpreters for r in items):
        names = ", ".join(r.name for r in items if r.interpreters)
        return tr(lang, "crisis.urdu_interpreters", names=names)
    return tr(lang, "crisis.urdu_none")


def build_panel(region: str, *, full: bool = False, lang: str | None = None, own=()) -> Panel:
    """The panel for `region`: the person's own lines, then the region's, emergency last.

    `lang` picks the copy's language (default: the current one); when it is
    Urdu the panel says which lines speak Urdu.
    """
    from openness import i18n
    from openness.safety import resources

    lang = lang or i18n.language()
    items = resources.everything(region) if full else resources.panel(region)
    reg = resources.book().regions.get(region) or resources.book().regions[resources.FALLBACK]
    checked = resources.book().compiled_on
    urdu = lang == "ur"
    intro_key = "crisis.intro_global" if reg.code == resources.FALLBACK else "crisis.intro"
    footer = [tr(lang, "crisis.footer_full" if full else "crisis.footer", compiled=checked)]
    if not full and resources.try_another(reg.code):
        footer.insert(0, tr(lang, "crisis.try_another"))
    if urdu and not full and not any(r.speaks("Urdu") or r.interpreters for r in items):
        footer.insert(0, tr(lang, "crisis.urdu_none"))  # the lines that do are marked one by one
    lines = tuple(own_line(o, lang) for o in own) + tuple(
        resource_line(r, full=full, lang=lang, checked=checked, urdu=urdu) for r in items
    )
    return Panel(
        title=tr(lang, "crisis.title", region=region_name(reg.code, lang)),
        intro=tr(lang, intro_key),
        lines=lines,
        footer="\n".join(footer),
    )
