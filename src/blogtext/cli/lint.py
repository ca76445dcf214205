"""``blogtext lint`` – not built yet (issue: CI lint mode)."""

from __future__ import annotations

import click

from blogtext.errors import ExitCode


@click.command(context_settings={"ignore_unknown_options": True})
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def lint(args: tuple[str, ...]) -> None:
    """Lint posts in CI: findings only, exit code by severity (not built yet).

    \b
    Example:
        blogtext lint posts/ --format sarif --output-file blogtext.sarif
    """
    click.echo(
        "blogtext: error: `blogtext lint` is not built yet; use `blogtext check FILE` for now.",
        err=True,
    )
    raise SystemExit(int(ExitCode.ERROR))
