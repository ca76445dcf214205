"""``blogtext check`` – full analysis of one post or draft, for its author."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from blogtext.cli.options import build_settings, common_options, text_or_json_option
from blogtext.config import Settings
from blogtext.errors import BlogtextError, ModelNotAvailableError


@click.command()
@click.argument("file", type=click.Path(allow_dash=True))
@text_or_json_option("Human-readable report or the per-post JSON report.")
@click.option(
    "--watch",
    is_flag=True,
    help="Keep running and check FILE again whenever it or its config file changes "
    "(Ctrl-C stops). The pipeline stays loaded, so a re-check takes a fraction of a second.",
)
@common_options
def check(
    file: str,
    output_format: str,
    watch: bool,
    config_file: str | None,
    input_format: str | None,
    style: str | None,
    model: str | None,
) -> None:
    """Analyse one post or draft (FILE, or - for stdin) and print its report.

    \b
    Example:
        blogtext check corpus/newsletter-entwurf.md --format json
        blogtext check entwurf.md --watch
    """
    overrides = {"input_format": input_format, "style": style, "model": model}
    if not watch:
        settings = build_settings(config_file, **overrides)
        stdin = sys.stdin.buffer.read() if file == "-" else None
        click.echo(_report(file, settings, output_format, stdin), nl=False)
        return
    if file == "-":
        raise click.UsageError("--watch needs a file, not stdin")
    _watch(file, config_file, overrides, output_format)


def _report(file: str, settings: Settings, output_format: str, stdin: bytes | None) -> str:
    """The report of every post in ``file`` as text or JSON (raises BlogtextError)."""
    from blogtext.ingest import read_posts_of
    from blogtext.pipeline import analyze_posts_of
    from blogtext.report.json import dumps, report_to_dict
    from blogtext.report.text import render_text

    reports = analyze_posts_of(read_posts_of(file, settings, stdin), settings)
    if output_format == "json":
        payload = (
            report_to_dict(reports[0])
            if len(reports) == 1
            else [report_to_dict(r) for r in reports]
        )
        return dumps(payload)
    return "\n".join(render_text(r) for r in reports)


def _watch(
    file: str, config_file: str | None, overrides: dict[str, str | None], output_format: str
) -> None:
    """Check ``file`` now and after each change; a broken save prints its error and waits."""
    from blogtext.cli._watch import watch

    interactive = sys.stdout.isatty()
    watched = [Path(file)]  # plus the config file the last run used

    def run() -> None:
        started = time.perf_counter()
        if config_file:  # watched even while it is broken, so fixing it triggers a re-check
            watched[1:] = [Path(config_file)]
        try:
            settings = build_settings(config_file, **overrides)
            watched[1:] = [Path(settings.source)] if settings.source else []
            output = _report(file, settings, output_format, None)
        except ModelNotAvailableError:
            raise  # nothing to wait for: the environment is missing the pipeline
        except BlogtextError as error:  # e.g. saved mid-edit with broken front matter
            output = f"blogtext: error: {error}\n"
        if interactive:
            click.clear()
        click.echo(output, nl=False)
        seconds = time.perf_counter() - started
        click.echo(
            f"── {time.strftime('%H:%M:%S')} · {file} checked in {seconds:.2f} s · "
            "watching for changes (Ctrl-C to stop)",
            err=True,
        )

    watch(lambda: list(watched), run)
