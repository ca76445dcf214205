"""``blogtext analyze`` – batch analysis of a corpus into reports/."""

from __future__ import annotations

from pathlib import Path

import click

from blogtext.cli.options import build_settings, common_options
from blogtext.errors import ExitCode


@click.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option(
    "-o",
    "--out",
    "out_dir",
    type=click.Path(file_okay=False),
    default="reports",
    show_default=True,
    help="Output directory.",
)
@click.option(
    "--max-file-size",
    "max_file_bytes",
    type=click.IntRange(min=1),
    default=None,
    help="Reject inputs larger than this many bytes (default 20 MB).",
)
@common_options
def analyze(
    paths: tuple[str, ...],
    out_dir: str,
    max_file_bytes: int | None,
    config_file: str | None,
    input_format: str | None,
    style: str | None,
    model: str | None,
) -> None:
    """Analyse every post under PATH (default: corpus/) into per-post reports.

    Writes OUT/posts/<id>.json per post and OUT/errors.csv listing inputs that failed.
    Exits with 1 when some inputs failed (the others are still written).

    \b
    Example:
        blogtext analyze corpus/ -o reports/
    """
    from blogtext.pipeline import run_analyze

    settings = build_settings(
        config_file,
        input_format=input_format,
        style=style,
        model=model,
        max_file_bytes=max_file_bytes,
    )

    def report_error(error: Exception) -> None:
        click.echo(f"blogtext: error: {error}", err=True)

    summary = run_analyze(paths or ("corpus",), Path(out_dir), settings, on_error=report_error)
    failed = len(summary.failures)
    click.echo(
        f"{summary.posts} post(s) analysed, {failed} input(s) failed → {summary.out_dir}/", err=True
    )
    if failed:
        raise SystemExit(int(ExitCode.FINDINGS))
