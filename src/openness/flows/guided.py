"""A guided flow from start to finish: crisis lines first, the exercise, a
suggestion, and the choice to keep it. The check-in is the `checkin` exercise
run this way.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Protocol, Sequence

from openness.flows import runner
from openness.flows.crisis import build_panel
from openness.flows.prompter import Prompter
from openness.i18n import t
from openness.records import Record


class JournalWriter(Protocol):
    def add(self, record: Record) -> str: ...


@dataclass
class Guided:
    outcome: runner.Outcome
    record: Record
    saved: bool


def run_guided(
    exercise,
    library,
    prompter: Prompter,
    *,
    lang: str,
    region: str,
    journal_on: bool,
    open_journal: Callable[[], JournalWriter],
    save: bool | None = None,
    answers: dict[str, Any] | None = None,
    on_answer: runner.OnAnswer | None = None,
    show_crisis: bool = True,
    own_lines: Sequence[Any] = (),
    after_entry: Callable[[list[str], bool], Any] | None = None,
) -> Guided:
    """Run `exercise` and keep the record if asked. `after_entry(texts, saved)` is
    called last, once the record is saved (or not kept): the safety check's hook."""
    if show_crisis:
        prompter.crisis(build_panel(region, own=own_lines))
    prompter.heading(exercise.title.get(lang))
    outcome = runner.run(exercise, library.vocabulary, prompter, lang, answers=answers, on_answer=on_answer)
    kind = "checkin" if exercise.id == "checkin" else "exercise"
    record = Record(
        kind=kind,
        exercise=exercise.id,
        answers=outcome.answers,
        text=runner.free_text(exercise, outcome.answers),
    )
    if outcome.suggestion and outcome.suggestion in library.exercises and outcome.suggestion != exercise.id:
        target = library.exercises[outcome.suggestion]
        prompter.say(t("guided.suggestion", title=target.title.get(lang), id=target.id))
    if save is None:
        if prompter.interactive and journal_on:
            save = prompter.yesno("save", t("guided.ask_save"), default=True)
        else:
            save = journal_on
    if save:
        writer = open_journal()
        writer.add(record)
        prompter.say(t("guided.saved"))
    elif prompter.interactive and not journal_on:
        prompter.say(t("guided.not_saved_journal_off"))
    else:
        prompter.say(t("guided.not_saved"))
    if after_entry is not None:  # only now: the entry is saved first, exactly as written
        from openness.flows.safety import entry_texts

        after_entry(entry_texts(exercise, outcome.answers), bool(save))
    return Guided(outcome=outcome, record=record, saved=bool(save))


def first_run(prompter: Prompter, settings, region: str, region_names: dict[str, str]):
    """The first interactive run: what openness is and is not, and two choices.

    Returns the settings to save.
    """
    from dataclasses import replace

    prompter.heading(t("first_run.title"))
    prompter.say(t("first_run.what"))
    prompter.say(t("first_run.not"))
    prompter.say(t("first_run.local"))
    keep = prompter.yesno("first_run.journal", t("first_run.ask_journal"), default=False)
    prompter.say(t("first_run.safety_check_what"))
    check = prompter.yesno("first_run.safety_check", t("first_run.ask_safety_check"), default=True)
    name = region_names.get(region, region)
    right = prompter.yesno("first_run.region_ok", t("first_run.ask_region", region=name), default=True)
    if not right:
        options = sorted(region_names.items(), key=lambda kv: (kv[0] == "GLOBAL", kv[1]))
        region = prompter.choice("first_run.region", t("first_run.pick_region"), options)
    prompter.say(t("first_run.done"))
    return replace(settings, journal=keep, safety_check=check, region=region, first_run_done=True)
