"""``blogtext lint`` – findings only, for CI and pre-commit; the exit code says pass or fail."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from blogtext.cli.options import common_options

_LEVELS = ("suggestion", "info", "warning", "error")
_FORMATS = ("text", "line", "json", "sarif", "github")


@click.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option(
    "--format",
    "output_format",
    type=click.Choice(_FORMATS),
    default="text",
    show_default=True,
    help="text: grouped by file; line: path:line:col: severity rule message; json; "
    "sarif: SARIF 2.1.0 for code scanning; github: workflow annotations.",
)
@click.option(
    "-o",
    "--output-file",
    type=click.Path(dir_okay=False, writable=True),
    help="Write the report to this file instead of standard output.",
)
@click.option(
    "--min-level",
    type=click.Choice(_LEVELS),
    default="info",
    show_default=True,
    help="Lowest level shown (suggestion = info).",
)
@click.option(
    "--fail-level",
    type=click.Choice((*_LEVELS, "none")),
    default="error",
    show_default=True,
    help="Lowest level that makes the exit code 1 (none: never fail on findings).",
)
@click.option(
    "--report-unused-disables",
    is_flag=True,
    help="Report blogtext-disable comments that suppress nothing (rule lint/unused-disable).",
)
@click.option(
    "--changed-only",
    is_flag=True,
    help="Only findings on lines changed against --base (untracked files count as changed).",
)
@click.option(
    "--base",
    default="HEAD",
    show_default=True,
    metavar="REF",
    help="Git ref for --changed-only (its merge base with HEAD is used).",
)
@click.option(
    "--no-cache", is_flag=True, help="Analyse every post; do not read or write the cache."
)
@click.option(
    "--cache-dir",
    type=click.Path(file_okay=False),
    default=None,
    help="Cache directory. Default: $BLOGTEXT_CACHE_DIR, else .blogtext_cache/ here.",
)
@click.option(
    "--no-gitignore",
    is_flag=True,
    help="Also lint files that .gitignore excludes when walking directories.",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes for the analysis (default: one per CPU core; 1 = none).",
)
@common_options
def lint(
    paths: tuple[str, ...],
    output_format: str,
    output_file: str | None,
    min_level: str,
    fail_level: str,
    report_unused_disables: bool,
    changed_only: bool,
    base: str,
    no_cache: bool,
    cache_dir: str | None,
    no_gitignore: bool,
    jobs: int | None,
    config_file: str | None,
    input_format: str | None,
    style: str | None,
    model: str | None,
) -> None:
    """Lint posts in PATHS (default: the current directory) and exit by severity.

    Markdown (.md, .markdown, .mdx), plain text, HTML and JSONL corpora; directories are
    walked recursively, honouring .gitignore and the configured `ignore` globs. The config
    is found by walking up from each file's directory ([tool.blogtext] in pyproject.toml or
    .blogtext.toml), unless --config names one. Exit codes: 0 nothing at or above
    --fail-level, 1 findings at or above it, 2 usage, configuration or input errors.

    \b
    Example:
        blogtext lint posts/ --format sarif --output-file blogtext.sarif
    """
    from blogtext.lint import LintOptions, lint_paths
    from blogtext.lint.github import write_step_summary
    from blogtext.lint.render import render

    options = LintOptions(
        min_level=min_level,
        fail_level=fail_level,
        report_unused_disables=report_unused_disables,
        changed_only=changed_only,
        base=base,
        use_cache=not no_cache,
        cache_dir=Path(cache_dir) if cache_dir else None,
        config_file=config_file,
        respect_gitignore=not no_gitignore,
        settings_overrides={"style": style, "model": model, "input_format": input_format},
        jobs=jobs or os.cpu_count() or 1,
    )
    result = lint_paths(paths or ["."], options=options)
    for error in result.errors:
        click.echo(f"blogtext: {error.location}: {error.problem}", err=True)
    if not result.files:
        click.echo(
            "blogtext: warning: no files to lint (check the paths, .gitignore and `ignore`)",
            err=True,
        )
    color = output_file is None and _use_colour()
    report = render(result, output_format, color=color)
    if output_file:
        Path(output_file).write_text(report, encoding="utf-8")
    else:
        click.echo(report, nl=False, color=color)
    if output_format == "github":
        write_step_summary(result)
    sys.exit(int(result.exit_code))


def _use_colour() -> bool:
    """Colour on a terminal unless NO_COLOR is set (https://no-color.org)."""
    if os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()
