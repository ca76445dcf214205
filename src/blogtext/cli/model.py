"""``blogtext model status|install``."""

from __future__ import annotations

import click

from blogtext.errors import ExitCode


@click.group()
def model() -> None:
    """Show or install the German spaCy pipeline.

    \b
    Example:
        blogtext model status
    """


@model.command()
@click.option(
    "--model",
    "explicit",
    default=None,
    metavar="NAME|PATH",
    help="Check this pipeline instead of the automatic choice.",
)
def status(explicit: str | None) -> None:
    """Print which German pipeline blogtext will use (name, version, path, components).

    Exits with 2 when none is usable.

    \b
    Example:
        blogtext model status
    """
    import spacy

    from blogtext.nlp.model import INSTALL_HINT, resolve_pipeline

    resolution = resolve_pipeline(explicit)
    info = resolution.info
    if info is None:
        click.echo(f"blogtext: error: {resolution.problem}; {INSTALL_HINT}", err=True)
        raise SystemExit(int(ExitCode.ERROR))
    how = {
        "configured": "configured (--model / config / BLOGTEXT_MODEL)",
        "default": "default pipeline",
        "fallback": f"fallback (not installed: {', '.join(resolution.tried[:-1])})",
    }[resolution.origin]
    click.echo(f"pipeline:   {info.label}")
    click.echo(f"chosen as:  {how}")
    click.echo(f"path:       {info.path}")
    click.echo(f"components: {', '.join(info.components)}")
    click.echo(f"spaCy:      {spacy.__version__}")
    if info.stand_in:
        click.echo(
            "warning: this is the offline stand-in de_ud_gsdpud_sm, trained on ~37,000 tokens of open data;"
            " it is much less accurate than de_core_news_sm (POS 91.3 vs 98.0, NER F 57.3 vs 82.3)."
            " Install de_core_news_sm when online: blogtext model install",
            err=True,
        )


@model.command()
@click.option(
    "--wheels",
    type=click.Path(file_okay=False),
    default=None,
    help="Directory with pipeline wheels (default: $BLOGTEXT_MODEL_WHEELS, then shared/models/wheels above the current directory).",
)
@click.option(
    "--offline", is_flag=True, help="Do not try to download; install from a wheel directory."
)
def install(wheels: str | None, offline: bool) -> None:
    """Install the German pipeline: de_core_news_sm by download, else offline from a wheel.

    \b
    Example:
        blogtext model install --wheels ../shared/models/wheels
    """
    from blogtext.nlp.model import install_pipeline

    result = install_pipeline(wheels=wheels, offline=offline)
    click.echo(f"{result.name}: {result.detail}")
