"""Drafts: the answers of an unfinished exercise, kept after every answer.

So Ctrl-C, a closed terminal or a crash half way loses nothing: the next run
of that exercise offers to resume or discard. In an encrypted journal a
draft is sealed to the journal's public key, so keeping it never needs the
passphrase; opening it does.
"""

from __future__ import annotations

from typing import Any, Callable

from openness.records import new_id


class DraftKeeper:
    """The `on_answer` callback for the runner: keeps the answers so far."""

    def __init__(self, open_journal: Callable[[], Any], exercise: str, *, draft_id: str | None = None,
                 answers: dict[str, Any] | None = None) -> None:
        self._open = open_journal
        self.exercise = exercise
        self.draft_id = draft_id or new_id()
        self.answers: dict[str, Any] = dict(answers or {})
        self.kept = draft_id is not None

    def on_answer(self, step_id: str, value: Any) -> None:
        self.answers[step_id] = value
        self._open().save_draft(self.draft_id, self.exercise, self.answers)
        self.kept = True

    def finish(self) -> None:
        """The exercise ended (kept in the journal or not): the draft is no longer needed."""
        if self.kept:
            self._open().delete_draft(self.draft_id)
            self.kept = False
