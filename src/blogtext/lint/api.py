"""``lint_paths``: lint files and directories, the library behind ``blogtext lint``.

Per file: effective settings (config discovered from the file's directory, per-glob
overrides) → posts (ingest) → findings (cache, else the analysis pipeline) → inline
suppression → ``--changed-only`` filter. Levels (``--min-level``/``--fail-level``) are applied
by :class:`~blogtext.lint.result.LintResult`, so the library never prints or exits.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Protocol

from blogtext.config import Settings, SettingsLoader, check_rule_references
from blogtext.errors import ConfigError, InputError
from blogtext.ingest import read_file
from blogtext.lint.cache import (
    LintCache,
    cache_key,
    default_cache_dir,
    pipeline_identity,
    settings_fingerprint,
)
from blogtext.lint.changed import ChangedLines
from blogtext.lint.files import discover_files
from blogtext.lint.result import LEVEL_NAMES, NEVER, LintFinding, LintResult
from blogtext.lint.suppress import META_RULES, apply_suppressions, parse_directives
from blogtext.model import Finding, Post
from blogtext.rules.registry import REDIRECTS, Rule, all_rules

#: Problems of an input that mean "nothing to lint here", not "broken input": a Hugo
#: ``_index.md`` with front matter only, an empty placeholder. They are listed, not failed.
_NOTHING_TO_LINT = ("empty", "no text")


@dataclass(frozen=True)
class LintOptions:
    """How to lint (everything except what the config files say).

    Attributes:
        min_level: Lowest level shown (``info``/``suggestion``, ``warning``, ``error``).
        fail_level: Lowest level that fails the run, or ``none``.
        report_unused_disables: Report directives that suppressed nothing.
        changed_only: Keep only findings on lines changed against ``base``.
        base: Git ref for ``changed_only``.
        use_cache: Read and write the findings cache.
        cache_dir: Cache directory (default :func:`~blogtext.lint.cache.default_cache_dir`).
        config_file: ``--config``: one config for every file instead of discovery.
        respect_gitignore: Skip git-ignored files when walking directories.
        settings_overrides: Command-line values put over every config (``style``, ``model``,
            ``input_format``); ``None`` values are ignored.
        jobs: Worker processes for the analysis (1 = in this process).
    """

    min_level: str = "info"
    fail_level: str = "error"
    report_unused_disables: bool = False
    changed_only: bool = False
    base: str = "HEAD"
    use_cache: bool = True
    cache_dir: Path | None = None
    config_file: str | os.PathLike[str] | None = None
    respect_gitignore: bool = True
    settings_overrides: dict[str, Any] = field(default_factory=dict)
    jobs: int = 1


class Engine(Protocol):
    """Produces findings of posts (the analysis pipeline, or a stand-in in tests)."""

    def analyze(self, posts: list[Post], settings: Settings) -> list[list[Finding] | InputError]:
        """Findings per post, in order; a post that cannot be analysed gives an InputError."""
        ...

    def identity(self, settings: Settings) -> str | None:
        """What the findings depend on besides post and settings; ``None`` = do not cache."""
        ...


class PipelineEngine:
    """Findings from :class:`blogtext.pipeline.Analyzer` (batched ``nlp.pipe``), in this
    process or, with ``jobs`` > 1, in worker processes."""

    def __init__(self, jobs: int = 1) -> None:
        from blogtext.lint._parallel import WorkerPool

        self._pool = WorkerPool(jobs)

    def analyze(self, posts: list[Post], settings: Settings) -> list[list[Finding] | InputError]:
        return self._pool.analyze(posts, settings)

    def identity(self, settings: Settings) -> str | None:
        return "pipeline:" + pipeline_identity(settings.model)

    def close(self) -> None:
        """Stop the worker processes, if any were started."""
        self._pool.close()


def lint_paths(
    paths: Iterable[str | os.PathLike[str]],
    settings: Settings | None = None,
    options: LintOptions | None = None,
    *,
    engine: Engine | None = None,
) -> LintResult:
    """Lint every post under ``paths``.

    Args:
        paths: Files and directories (directories are walked, honouring ``.gitignore``).
        settings: Use these settings for every file; default: discover the config from each
            file's directory (or ``options.config_file``).
        options: Levels, suppression reporting, ``changed_only``, cache.
        engine: Where findings come from (default: the analysis pipeline).

    Returns:
        The findings and counts; ``result.exit_code`` is what the CLI exits with.

    Raises:
        ConfigError: A config file is invalid (unknown key, rule id or option; bad value),
            or a path given does not exist.
        ModelNotAvailableError: No German pipeline (only when something must be analysed).
        BlogtextError: ``changed_only`` outside a git work tree or with an unknown ref.
    """
    options = options or LintOptions()
    _check_levels(options)
    engine = engine or PipelineEngine(options.jobs)
    rules = [*all_rules(), *META_RULES]
    known = {rule.id: tuple(rule.options) for rule in rules}
    loader = SettingsLoader(
        options.config_file,
        transform=lambda loaded: _prepare(loaded, options, known),
        fixed=settings,
    )
    discovery = discover_files(
        [os.fspath(p) for p in paths], loader, respect_gitignore=options.respect_gitignore
    )
    if discovery.missing:
        raise ConfigError(f"{discovery.missing[0]}: no such file or directory")
    result = LintResult(
        min_level=LEVEL_NAMES[options.min_level],
        fail_level=options.fail_level
        if options.fail_level == NEVER
        else LEVEL_NAMES[options.fail_level],
        rules=rules,
    )
    run = _Run(options, engine, result, set(known))
    try:
        for file in discovery.files:
            run.lint_file(file, loader.for_file(file))
        run.flush()
    finally:
        run.close()
        close = getattr(engine, "close", None)
        if close is not None:
            close()
    result.findings.sort(key=LintFinding.sort_key)
    return result


def _check_levels(options: LintOptions) -> None:
    if options.min_level not in LEVEL_NAMES:
        raise ConfigError(f"--min-level: unknown level '{options.min_level}'")
    if options.fail_level != NEVER and options.fail_level not in LEVEL_NAMES:
        raise ConfigError(f"--fail-level: unknown level '{options.fail_level}'")


def _prepare(
    settings: Settings, options: LintOptions, known: dict[str, tuple[str, ...]]
) -> Settings:
    """Command-line values on top of a loaded config, then check its rule references."""
    check_rule_references(settings, known, REDIRECTS)
    return settings.with_overrides(**options.settings_overrides)


@dataclass
class _Pending:
    """One post read and waiting for findings (from the cache or the engine)."""

    post: Post
    display: str
    settings: Settings
    changed: set[int] | None
    key: str | None
    findings: list[Finding] | None = None


#: Posts analysed together (``nlp.pipe`` batches inside); bounds memory for big corpora.
_FLUSH_EVERY = 64


class _Run:
    """State of one lint run: cache, git changes, posts waiting for analysis, the result."""

    def __init__(
        self, options: LintOptions, engine: Engine, result: LintResult, known: set[str]
    ) -> None:
        self.options = options
        self.engine = engine
        self.result = result
        self.known = known
        self.cache = (
            LintCache(options.cache_dir or default_cache_dir()) if options.use_cache else None
        )
        self.changes = ChangedLines(options.base) if options.changed_only else None
        self.queue: list[_Pending] = []

    def close(self) -> None:
        if self.cache is not None:
            self.cache.close()

    def lint_file(self, file: Path, settings: Settings) -> None:
        display = display_path(file)
        self.result.files.append(display)
        changed = self.changes.lines(file) if self.changes is not None else None
        if changed is not None and not changed:
            return  # nothing changed in this file: no finding can survive the filter
        try:
            items = list(read_file(file, settings))
        except InputError as error:
            items = [error]
        for item in items:
            if isinstance(item, InputError):
                self._input_error(item, file, display)
            else:
                self.queue.append(self._pending(item, display, settings, changed))
        if sum(1 for p in self.queue if p.findings is None) >= _FLUSH_EVERY:
            self.flush()

    def _pending(
        self, post: Post, display: str, settings: Settings, changed: set[int] | None
    ) -> _Pending:
        self.result.posts += 1
        identity = self.engine.identity(settings)
        if identity is not None:
            self.result.pipeline = identity.split(":", 1)[-1]
        key = cache_key(post, settings, identity) if self.cache is not None and identity else None
        pending = _Pending(post, display, settings, changed, key)
        if key is not None and self.cache is not None:
            pending.findings = self.cache.get(key)
            if pending.findings is not None:
                self.result.cached += 1
        return pending

    def flush(self) -> None:
        """Analyse the queued posts (grouped by settings), then finish them in input order."""
        groups: dict[str, list[_Pending]] = {}
        for pending in self.queue:
            if pending.findings is None:
                groups.setdefault(settings_fingerprint(pending.settings), []).append(pending)
        for group in groups.values():
            outcomes = self.engine.analyze([p.post for p in group], group[0].settings)
            for pending, outcome in zip(group, outcomes, strict=True):
                if isinstance(outcome, InputError):
                    self.result.errors.append(outcome)
                    continue
                pending.findings = outcome
                if pending.key is not None and self.cache is not None:
                    self.cache.put(pending.key, outcome)
        for pending in self.queue:
            if pending.findings is not None:
                self._finish(pending)
        self.queue = []

    def _finish(self, pending: _Pending) -> None:
        outcome = apply_suppressions(
            pending.findings or [],
            parse_directives(pending.post),
            self.known,
            report_unused=self.options.report_unused_disables,
        )
        self.result.suppressed += outcome.suppressed
        meta = [_at_level(f, pending.settings) for f in outcome.directive_findings]
        for finding in outcome.kept + [f for f in meta if f is not None]:
            if pending.changed is None or _touches(finding, pending.changed):
                self.result.findings.append(
                    LintFinding(pending.display, finding, pending.post.record)
                )

    def _input_error(self, error: InputError, file: Path, display: str) -> None:
        # Name the input as the findings do (relative path), keeping a ":record" suffix.
        given = str(file)
        if error.location.startswith(given):
            error = InputError(display + error.location[len(given) :], error.problem)
        if any(word in error.problem for word in _NOTHING_TO_LINT):
            self.result.skipped.append(error)
        else:
            self.result.errors.append(error)


def _at_level(finding: Finding, settings: Settings) -> Finding | None:
    """A lint meta finding at its configured level (``off`` drops it)."""
    level = settings.rules.get(finding.rule)
    if level is None:
        return finding
    return None if level == "off" else replace(finding, severity=LEVEL_NAMES[level])


def _touches(finding: Finding, changed: set[int]) -> bool:
    return any(
        line in changed for line in range(finding.line, max(finding.line, finding.end_line) + 1)
    )


def display_path(path: Path) -> str:
    """``path`` relative to the current directory when it lies inside it, POSIX-style."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix() if not path.is_absolute() else str(path)


def rule_catalog() -> list[Rule]:
    """Every rule lint can report: the registry's and lint's own directive rules."""
    return [*all_rules(), *META_RULES]
