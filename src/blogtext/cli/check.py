"""``blogtext check`` – full analysis of one post or draft, for its author."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from blogtext.cli.options import build_settings, common_options


@click.command()
@click.argument("file", type=click.Path(allow_dash=True))
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Human-readable report or the per-post JSON report.",
)
@common_options
def check(
    file: str,
    output_format: str,
    config_file: str | None,
    input_format: str | None,
    style: str | None,
    model: str | None,
) -> None:
    """Analyse one post or draft (FILE, or - for stdin) and print its report.

    \b
    Example:
        blogtext check corpus/newsletter-entwurf.md --format json
    """
    from blogtext.pipeline import Analyzer, analyze_file
    from blogtext.report.json import dumps, report_to_dict
    from blogtext.report.text import render_text

    settings = build_settings(config_file, input_format=input_format, style=style, model=model)
    if file == "-":
        from blogtext.ingest import read_post_text
        from blogtext.ingest.decode import decode_bytes
        from blogtext.ingest.sniff import sniff_format

        data = sys.stdin.buffer.read()
        fmt = settings.input_format
        if fmt == "auto":
            fmt = sniff_format(decode_bytes(data[:8192], "<stdin>")[0]) if data.strip() else "text"
        reports = [Analyzer(settings).analyze_post(read_post_text(data, "<stdin>", fmt, "stdin"))]
    else:
        reports = analyze_file(Path(file), settings)
    if output_format == "json":
        payload = (
            report_to_dict(reports[0])
            if len(reports) == 1
            else [report_to_dict(r) for r in reports]
        )
        click.echo(dumps(payload), nl=False)
    else:
        click.echo("\n".join(render_text(r) for r in reports), nl=False)
