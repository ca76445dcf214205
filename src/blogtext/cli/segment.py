"""``blogtext segment`` – show how a post splits into body, comments and boilerplate."""

from __future__ import annotations

import sys

import click

from blogtext.cli.options import (
    build_settings,
    config_option,
    input_format_option,
    text_or_json_option,
)


@click.command()
@click.argument("file", type=click.Path(allow_dash=True))
@text_or_json_option("Tagged lines for reading, or the segments as JSON (per-post contract).")
@input_format_option
@config_option
def segment(
    file: str, output_format: str, input_format: str | None, config_file: str | None
) -> None:
    """Show how a post splits into body, comments and boilerplate.

    Text output tags every non-blank line: H heading/title, B body, Cn comment n (↳p: reply
    to comment p), - boilerplate with its kind. Needs no German pipeline.

    \b
    Example:
        blogtext segment corpus/kundenbindung-im-mittelstand.txt
    """
    from blogtext.ingest import read_posts_of
    from blogtext.report.json import dumps
    from blogtext.report.segmentation import render_segmentation, segmentation_to_dict
    from blogtext.segment import segment_post

    settings = build_settings(config_file, input_format=input_format)
    stdin = sys.stdin.buffer.read() if file == "-" else None
    posts = read_posts_of(file, settings, stdin)
    results = [(post, segment_post(post)) for post in posts]
    if output_format == "json":
        payload = [segmentation_to_dict(p, s) for p, s in results]
        click.echo(dumps(payload[0] if len(payload) == 1 else payload), nl=False)
    else:
        color = sys.stdout.isatty()
        click.echo("\n".join(render_segmentation(p, s, color=color) for p, s in results), nl=False)
