"""``blogtext analyze`` – batch analysis of a corpus into reports/."""

from __future__ import annotations

from pathlib import Path

import click

from blogtext.cli._engine import engine_options, ray_options_for
from blogtext.cli.options import build_settings, common_options
from blogtext.errors import ExitCode

FORMAT_CHOICES = ("json", "md", "html")


def _formats(ctx: click.Context, param: click.Parameter, value: str) -> tuple[str, ...]:
    chosen = tuple(part.strip() for part in value.split(",") if part.strip())
    unknown = [f for f in chosen if f not in FORMAT_CHOICES]
    if unknown or not chosen:
        raise click.BadParameter(
            f"{', '.join(unknown) or '(empty)'}: choose from {', '.join(FORMAT_CHOICES)}"
        )
    return chosen


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
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes (default: one per CPU core; 1 = no extra processes).",
)
@click.option(
    "--no-cache", is_flag=True, help="Analyse every post again instead of reusing results."
)
@click.option(
    "--formats",
    default=",".join(FORMAT_CHOICES),
    show_default=True,
    callback=_formats,
    help="Per-post files to write (comma-separated; json is always written).",
)
@click.option(
    "--max-file-size",
    "max_file_bytes",
    type=click.IntRange(min=1),
    default=None,
    help="Reject inputs larger than this many bytes (default 20 MB).",
)
@engine_options
@common_options
def analyze(
    paths: tuple[str, ...],
    out_dir: str,
    jobs: int | None,
    no_cache: bool,
    formats: tuple[str, ...],
    max_file_bytes: int | None,
    engine: str,
    ray_address: str | None,
    ray_batch_size: int | None,
    ray_concurrency: int | None,
    config_file: str | None,
    input_format: str | None,
    style: str | None,
    model: str | None,
) -> None:
    """Analyse every post under PATH (default: corpus/) into reports, tables and a dashboard.

    Writes OUT/posts/<id>.{json,md,html} per post, OUT/corpus/{posts,findings,comments,
    quotes,themes}.{csv,parquet}, the dashboard OUT/index.html and OUT/errors.csv (inputs
    that failed). Results are cached in OUT/.cache/, so a rerun over an unchanged corpus is
    fast; an interrupted run picks up where it stopped. OUT/posts/ and the tables hold exactly
    the posts of the last run. Exits with 1 when some inputs failed (the rest is written).

    \b
    Example:
        blogtext analyze corpus/ -o reports/ --jobs 2
    """
    from blogtext.batch.progress import choose_observer
    from blogtext.batch.runner import BatchOptions, run_batch
    from blogtext.batch.worker import keep_freed_memory

    settings = build_settings(
        config_file,
        input_format=input_format,
        style=style,
        model=model,
        max_file_bytes=max_file_bytes,
    )
    options = BatchOptions(Path(out_dir), jobs=jobs, use_cache=not no_cache, formats=formats)
    keep_freed_memory()  # this process is the run (see the function)
    ray_options = ray_options_for(engine, ray_address, ray_batch_size, ray_concurrency, jobs)
    if ray_options is not None:
        from blogtext.distributed import run_ray

        summary = run_ray(paths or ("corpus",), settings, options, ray_options, choose_observer())
    else:
        summary = run_batch(paths or ("corpus",), settings, options, choose_observer())
    failed = len(summary.failures)
    click.echo(
        f"blogtext: {summary.posts} post(s) in the report ({summary.analysed} analysed, "
        f"{summary.reused} from cache), {failed} input(s) failed, {summary.seconds:.1f} s "
        f"→ {summary.out_dir}/index.html",
        err=True,
    )
    if failed:
        raise SystemExit(int(ExitCode.FINDINGS))
