"""The exception tree of blogtext and the process exit codes.

The library raises only these (genuine bugs propagate as they are); the translation from
exception to exit code happens in one place, :mod:`blogtext.cli.main`.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Process exit status (see DESIGN.md)."""

    OK = 0
    FINDINGS = 1  # lint: findings at/above the fail level; analyze: some inputs failed
    ERROR = 2  # usage, configuration or environment error


class BlogtextError(Exception):
    """Base class of every error blogtext reports to the user as one line."""

    exit_code: ExitCode = ExitCode.ERROR


class ConfigError(BlogtextError):
    """A configuration file or option is invalid."""


class InputError(BlogtextError):
    """One input cannot be read or has no usable text.

    Args:
        location: The file (``path`` or ``path:line`` for a JSONL/CSV record).
        problem: What is wrong, as a short phrase ("file is empty").
    """

    exit_code = ExitCode.FINDINGS

    def __init__(self, location: str, problem: str) -> None:
        super().__init__(f"{location}: {problem}")
        self.location = location
        self.problem = problem

    def __reduce__(self) -> tuple[type[InputError], tuple[str, str]]:
        # Pickle by the constructor's arguments (worker processes send errors back).
        return (type(self), (self.location, self.problem))


class ModelNotAvailableError(BlogtextError):
    """No usable German spaCy pipeline is installed or configured."""


class RuleError(BlogtextError):
    """A rule id or rule option does not exist."""
