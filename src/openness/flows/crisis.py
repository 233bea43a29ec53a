"""Build the crisis panel every flow shows before its first question."""

from __future__ import annotations

from openness.flows.prompter import Line, Panel
from openness.i18n import t


def contact_text(contact) -> str:
    # phone numbers are shown as dialled (the data's value); a mnemonic such as
    # 1-800-799-SAFE is not something every phone can type
    value = contact.value if contact.method == "phone" else (contact.display or contact.value)
    if contact.method == "phone":
        return t("crisis.how.call", number=value)
    if contact.method == "text":
        if contact.keyword and " " not in contact.keyword:
            return t("crisis.how.text_keyword", keyword=contact.keyword, number=value)
        return t("crisis.how.text", number=value)
    if contact.method == "tty":
        return t("crisis.how.tty", number=value)
    if contact.method == "whatsapp":
        return t("crisis.how.whatsapp", number=value)
    if contact.method == "email":
        return t("crisis.how.email", address=value)
    return t("crisis.how.web", address=value)


def resource_line(res, *, full: bool = False) -> Line:
    contacts = res.contacts if full else tuple(c for c in res.contacts if c.method in ("phone", "text", "web"))
    contacts = contacts or res.contacts
    # "call 988" and "text 988" read better together as "call or text 988"
    parts: list[str] = []
    phones = {c.value for c in contacts if c.method == "phone"}
    for c in contacts:
        if c.method == "text" and c.value in phones and not c.keyword:
            continue
        if c.method == "phone" and any(x.method == "text" and x.value == c.value and not x.keyword for x in contacts):
            parts.append(t("crisis.how.call_or_text", number=c.value))
            continue
        parts.append(contact_text(c))
    extra = None
    if full:
        bits = [b for b in (res.hours, ", ".join(res.languages) if res.languages else None) if b]
        extra = "; ".join(str(b) for b in bits) or None
    return Line(name=res.name, how="; ".join(parts), extra=extra)


def build_panel(region: str, *, full: bool = False) -> Panel:
    from openness.safety import resources

    items = resources.everything(region) if full else resources.panel(region)
    reg = resources.book().regions.get(region) or resources.book().regions[resources.FALLBACK]
    intro_key = "crisis.intro_global" if reg.code == resources.FALLBACK else "crisis.intro"
    footer = t("crisis.footer_full" if full else "crisis.footer", compiled=resources.book().compiled_on)
    return Panel(
        title=t("crisis.title", region=reg.name),
        intro=t(intro_key),
        lines=tuple(resource_line(r, full=full) for r in items),
        footer=footer,
    )
