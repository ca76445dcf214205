"""Root command group with lazily imported subcommands and the one place errors become exit codes.

Subcommands are imported only when invoked, and the library (spaCy, pandas, lxml) only inside
them, so ``blogtext --help`` and ``blogtext --version`` stay fast.
"""

from __future__ import annotations

import importlib
import sys
from typing import Any

import click

from blogtext import __version__
from blogtext.errors import BlogtextError, ExitCode

#: command name → "module:attribute"; the order is the order in ``--help``.
COMMANDS = {
    "analyze": "blogtext.cli.analyze:analyze",
    "check": "blogtext.cli.check:check",
    "lint": "blogtext.cli.lint:lint",
    "segment": "blogtext.cli.segment:segment",
    "model": "blogtext.cli.model:model",
    "rules": "blogtext.cli.rules:rules",
}


class LazyGroup(click.Group):
    """A group whose subcommands are imported on first use (Click docs, "Lazily Loading")."""

    def __init__(self, *args: Any, lazy_commands: dict[str, str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lazy_commands = lazy_commands

    def list_commands(self, ctx: click.Context) -> list[str]:
        return [*self.lazy_commands, *sorted(super().list_commands(ctx))]

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.lazy_commands:
            module_name, attribute = self.lazy_commands[cmd_name].split(":")
            return getattr(importlib.import_module(module_name), attribute)
        return super().get_command(ctx, cmd_name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        # Short help without importing every command module: each module's docstring is
        # cheap, but importing it pulls in its dependencies; the summaries live here.
        rows = [(name, SUMMARIES.get(name, "")) for name in self.list_commands(ctx)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except BlogtextError as error:
            if ctx.obj and ctx.obj.get("debug"):
                raise
            click.echo(f"blogtext: error: {error}", err=True)
            ctx.exit(int(error.exit_code))
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except KeyboardInterrupt:
            click.echo("blogtext: interrupted", err=True)
            ctx.exit(130)
        except Exception as error:  # a bug: one line for the user, the traceback with --debug
            if ctx.obj and ctx.obj.get("debug"):
                raise
            click.echo(
                f"blogtext: internal error: {type(error).__name__}: {error} (rerun with --debug for the traceback)",
                err=True,
            )
            ctx.exit(int(ExitCode.ERROR))


SUMMARIES = {
    "analyze": "Analyse every post under PATH into per-post reports and corpus tables.",
    "check": "Analyse one post or draft and print the report for its author.",
    "lint": "Lint posts in CI: findings only, exit code by severity.",
    "segment": "Show how a post splits into body, comments and boilerplate.",
    "model": "Show or install the German spaCy pipeline.",
    "rules": "List the rules, or explain one with examples.",
}


@click.group(
    cls=LazyGroup,
    lazy_commands=COMMANDS,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.version_option(__version__, "-V", "--version", prog_name="blogtext")
@click.option("--debug", is_flag=True, help="Show tracebacks instead of one-line errors.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """German text analysis for business blog posts.

    Splits scraped posts into article, comments and boilerplate, measures readability the
    German way, checks gender-neutral phrasing and writes reports.

    \b
    Example:
        blogtext analyze corpus/ -o reports/
    """
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug


def main() -> None:
    """Console entry point."""
    from blogtext.nlp import spacy_import

    # The command never runs spaCy's own CLI; skipping its import saves ~0.5 s per start.
    spacy_import.install()
    cli(prog_name="blogtext", obj={})


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
