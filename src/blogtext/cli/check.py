"""``blogtext check`` – full analysis of one post or draft, for its author."""

from __future__ import annotations

import sys

import click

from blogtext.cli.options import build_settings, common_options, text_or_json_option


@click.command()
@click.argument("file", type=click.Path(allow_dash=True))
@text_or_json_option("Human-readable report or the per-post JSON report.")
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
    from blogtext.ingest import read_posts_of
    from blogtext.pipeline import analyze_posts_of
    from blogtext.report.json import dumps, report_to_dict
    from blogtext.report.text import render_text

    settings = build_settings(config_file, input_format=input_format, style=style, model=model)
    stdin = sys.stdin.buffer.read() if file == "-" else None
    reports = analyze_posts_of(read_posts_of(file, settings, stdin), settings)
    if output_format == "json":
        payload = (
            report_to_dict(reports[0])
            if len(reports) == 1
            else [report_to_dict(r) for r in reports]
        )
        click.echo(dumps(payload), nl=False)
    else:
        click.echo("\n".join(render_text(r) for r in reports), nl=False)
