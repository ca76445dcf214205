"""Options shared by several commands, defined once."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from blogtext.config import INCLUSIVE_STYLES, INPUT_FORMATS, Settings, load_settings

F = TypeVar("F", bound=Callable[..., Any])


def config_option(func: F) -> F:
    return click.option(
        "--config",
        "config_file",
        type=click.Path(dir_okay=False),
        help="Config file (.blogtext.toml or pyproject.toml). Default: the nearest one above the current directory.",
    )(func)


def input_format_option(func: F) -> F:
    return click.option(
        "--input-format",
        type=click.Choice(INPUT_FORMATS),
        default=None,
        help="Read inputs as this format instead of detecting it from extension and content.",
    )(func)


def style_option(func: F) -> F:
    return click.option(
        "--style",
        type=click.Choice(INCLUSIVE_STYLES),
        default=None,
        help="Target inclusive style for suggestions (default: doppelpunkt).",
    )(func)


def model_option(func: F) -> F:
    return click.option(
        "--model",
        default=None,
        metavar="NAME|PATH",
        help="German spaCy pipeline to use (package name or directory). Default: de_core_news_sm, else the offline stand-in.",
    )(func)


def text_or_json_option(help_text: str) -> Callable[[F], F]:
    """``--format text|json`` (default text), stored as ``output_format``."""
    return click.option(
        "--format",
        "output_format",
        type=click.Choice(["text", "json"]),
        default="text",
        show_default=True,
        help=help_text,
    )


def common_options(func: F) -> F:
    """--config, --input-format, --style and --model."""
    for option in (model_option, style_option, input_format_option, config_option):
        func = option(func)
    return func


def build_settings(config_file: str | None, **overrides: Any) -> Settings:
    """Settings from the config file, with command-line values on top."""
    return load_settings(config_file).with_overrides(**overrides)
