"""What a lint run found: :class:`LintResult`, the input of every output format."""

from __future__ import annotations

from dataclasses import dataclass, field

from blogtext.errors import ExitCode, InputError
from blogtext.model import Finding
from blogtext.rules.registry import Rule

#: Levels lowest first; ``suggestion`` is Vale's name for ``info`` and accepted everywhere.
LEVELS = ("info", "warning", "error")
LEVEL_NAMES = {
    "suggestion": "info",
    "note": "info",
    "info": "info",
    "warning": "warning",
    "error": "error",
}
#: ``--fail-level none``: report, never fail (e.g. before a SARIF upload step).
NEVER = "none"


def level_rank(level: str) -> int:
    """0 for info/suggestion, 1 for warning, 2 for error (``ValueError`` otherwise)."""
    return LEVELS.index(LEVEL_NAMES[level])


@dataclass(frozen=True)
class LintFinding:
    """A finding with the file it belongs to.

    Attributes:
        path: The file as displayed (relative to the current directory when inside it).
        finding: Rule id, severity, message and 1-based position (exclusive end column).
        record: 1-based record number inside a JSONL/CSV corpus file, else ``None``.
    """

    path: str
    finding: Finding
    record: int | None = None

    @property
    def severity(self) -> str:
        return self.finding.severity

    @property
    def rank(self) -> int:
        return level_rank(self.finding.severity)

    def sort_key(self) -> tuple[str, int, int, int, str]:
        f = self.finding
        return (self.path, self.record or 0, f.line, f.column, f.rule)


@dataclass
class LintResult:
    """The outcome of :func:`blogtext.lint.lint_paths`.

    Attributes:
        findings: Every finding after suppression and ``--changed-only`` (all levels), sorted.
        files: Display paths of the files that were read.
        errors: Inputs that could not be read (they make the exit code 2).
        skipped: Inputs without text to lint (empty files, front matter only).
        min_level: Lowest level shown.
        fail_level: Lowest level that fails the run (``none`` = never).
        suppressed: Findings removed by inline directives.
        posts: Posts analysed (a JSONL file holds many).
        cached: Posts whose findings came from the cache.
        pipeline: Identity of the German pipeline used.
        rules: Every rule that can report (registry rules and lint's own), for SARIF.
    """

    findings: list[LintFinding] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    skipped: list[InputError] = field(default_factory=list)
    min_level: str = "info"
    fail_level: str = "error"
    suppressed: int = 0
    posts: int = 0
    cached: int = 0
    pipeline: str | None = None
    rules: list[Rule] = field(default_factory=list)

    @property
    def shown(self) -> list[LintFinding]:
        """The findings at or above ``min_level`` (what the output formats print)."""
        floor = level_rank(self.min_level)
        return [item for item in self.findings if item.rank >= floor]

    @property
    def hidden(self) -> int:
        """Findings below ``min_level``."""
        return len(self.findings) - len(self.shown)

    @property
    def failing(self) -> list[LintFinding]:
        """The findings at or above ``fail_level`` (shown or not)."""
        if self.fail_level == NEVER:
            return []
        floor = level_rank(self.fail_level)
        return [item for item in self.findings if item.rank >= floor]

    @property
    def exit_code(self) -> ExitCode:
        """2 when an input could not be read, 1 when a finding reaches the fail level, else 0."""
        if self.errors:
            return ExitCode.ERROR
        return ExitCode.FINDINGS if self.failing else ExitCode.OK

    def counts(self, findings: list[LintFinding] | None = None) -> dict[str, int]:
        """Findings per level (``error``, ``warning``, ``info``) of ``findings`` (default: shown)."""
        counts = dict.fromkeys(reversed(LEVELS), 0)
        for item in self.shown if findings is None else findings:
            counts[LEVEL_NAMES[item.severity]] += 1
        return counts
