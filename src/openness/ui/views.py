"""How results look: journal entries, exercise lists, settings."""

from __future__ import annotations

from typing import Any

from openness.i18n import t


def entry_title(record, library, lang: str) -> str:
    if record.kind == "checkin":
        return t("journal.kind_checkin")
    if record.kind == "note":
        return t("journal.kind_note")
    if record.kind == "safety_plan":
        return t("safety_plan.title")
    ex = library.exercises.get(record.exercise) if library else None
    return ex.title.get(lang) if ex else (record.exercise or record.kind)


def entry_gist(record, library, lang: str, width: int = 48) -> str:
    from openness.flows.runner import emotion_words

    bits = []
    for value in record.answers.values():
        if isinstance(value, dict) and "words" in value and library is not None:
            bits.append(emotion_words(value, lang, library.vocabulary))
            break
    if record.text:
        bits.append(record.text.strip().splitlines()[0])
    gist = " - ".join(b for b in bits if b)
    return gist if len(gist) <= width else gist[: width - 1] + "…"


def entries_table(display, records: list, library, lang: str) -> None:
    if not records:
        display.say(t("journal.empty"))
        return
    rows = [
        (r.id[-8:], r.created.strftime("%Y-%m-%d %H:%M"), entry_title(r, library, lang), entry_gist(r, library, lang))
        for r in records
    ]
    display.table([t("journal.col_id"), t("journal.col_when"), t("journal.col_what"), t("journal.col_gist")], rows)


def entry_full(display, record, library, lang: str) -> None:
    from openness.flows.runner import label

    display.heading(f"{entry_title(record, library, lang)}  {record.created.strftime('%Y-%m-%d %H:%M %z')}")
    display.note(t("journal.entry_id", id=record.id))
    if record.kind == "safety_plan":
        from openness.flows import safety_plan

        plan = safety_plan.from_record(record)
        for part in safety_plan.PARTS:
            display.echo(safety_plan.title(part), "\n".join("- " + x for x in plan.items(part)) or t("safety_plan.empty_part"))
        return
    ex = library.exercises.get(record.exercise) if (library and record.exercise) else None
    if ex is None:
        for k, v in record.answers.items():
            display.echo(k, str(v))
    else:
        for step in ex.steps:
            if step.id not in record.answers or not step.asks:
                continue
            value = record.answers[step.id]
            if step.kind == "emotion" and isinstance(value, dict):
                words = label(step, value, lang, library.vocabulary)
                shown = t(
                    "journal.emotion_line",
                    words=words,
                    intensity=value.get("intensity", "?"),
                )
            else:
                shown = label(step, value, lang, library.vocabulary) or t("answer.skipped")
            display.echo(step.prompt.get(lang), shown)
    if record.kind == "note" and record.text:
        display.say(record.text)


def mapping(display, data: dict[str, Any]) -> None:
    display.table([t("config.col_key"), t("config.col_value")], [(k, "" if v is None else str(v)) for k, v in data.items()])
