"""The errors openness knows how to explain, and the exit codes it uses."""

from __future__ import annotations

import enum


class ExitCode(enum.IntEnum):
    OK = 0
    ERROR = 1
    USAGE = 2  # bad arguments, or a flow that needs a terminal or an answers file
    DATA = 3  # a journal or content file that cannot be used as it is
    INTERRUPTED = 130  # Ctrl-C


class OpennessError(Exception):
    """An error with a message meant for the person using openness.

    The message is already translated and is printed as one line, never
    with a traceback.
    """

    def __init__(self, message: str, code: ExitCode = ExitCode.ERROR) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


class UsageError(OpennessError):
    def __init__(self, message: str) -> None:
        super().__init__(message, ExitCode.USAGE)


class DataError(OpennessError):
    def __init__(self, message: str) -> None:
        super().__init__(message, ExitCode.DATA)
