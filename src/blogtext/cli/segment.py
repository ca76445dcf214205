"""``blogtext segment`` – show how a post splits into body, comments and boilerplate."""

from __future__ import annotations

import click

from blogtext.errors import ExitCode


@click.command(context_settings={"ignore_unknown_options": True})
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def segment(args: tuple[str, ...]) -> None:
    """Show how a post splits into body, comments and boilerplate (not built yet).

    \b
    Example:
        blogtext segment corpus/kundenbindung-im-mittelstand.txt
    """
    click.echo("blogtext: error: `blogtext segment` is not built yet.", err=True)
    raise SystemExit(int(ExitCode.ERROR))
