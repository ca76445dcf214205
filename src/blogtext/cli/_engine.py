"""The ``--engine`` options of ``blogtext analyze``: run locally or on a Ray cluster."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import click

if TYPE_CHECKING:
    from blogtext.distributed import RayOptions

F = TypeVar("F", bound=Callable[..., Any])

ENGINES = ("local", "ray")


def engine_options(func: F) -> F:
    """--engine, --ray-address, --ray-batch-size, --ray-concurrency."""
    options = (
        click.option(
            "--engine",
            type=click.Choice(ENGINES),
            default="local",
            show_default=True,
            help="Where posts are analysed: worker processes here, or a Ray cluster "
            '(needs pip install "blogtext[ray]"; with --jobs N a local Ray instance gets N CPUs).',
        ),
        click.option(
            "--ray-address",
            default=None,
            metavar="HOST:PORT",
            help="Ray cluster to use (e.g. HEAD:6379); default: start a local Ray instance.",
        ),
        click.option(
            "--ray-batch-size",
            type=click.IntRange(min=1),
            default=None,
            help="Posts per Ray batch (default 16).",
        ),
        click.option(
            "--ray-concurrency",
            type=click.IntRange(min=1),
            default=None,
            help="Ray actors, each with its own German pipeline (default: one per cluster CPU).",
        ),
    )
    for option in reversed(options):
        func = option(func)
    return func


def ray_options_for(
    engine: str,
    address: str | None,
    batch_size: int | None,
    concurrency: int | None,
    jobs: int | None,
) -> RayOptions | None:
    """The Ray engine's options, or ``None`` for the local engine.

    Raises:
        click.UsageError: A ``--ray-…`` option without ``--engine ray``.
    """
    if engine != "ray":
        if address or batch_size or concurrency:
            raise click.UsageError(
                "--ray-address/--ray-batch-size/--ray-concurrency need --engine ray"
            )
        return None
    from blogtext.distributed import RayOptions

    return RayOptions(
        address=address,
        num_cpus=jobs,
        batch_size=batch_size or RayOptions.batch_size,
        concurrency=concurrency,
    )
