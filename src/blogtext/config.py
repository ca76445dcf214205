"""One typed settings object, read from ``[tool.blogtext]`` or ``.blogtext.toml``.

Discovery walks up from a start directory: the first ``.blogtext.toml`` or
``pyproject.toml`` with a ``[tool.blogtext]`` table wins; ``--config FILE`` overrides it.
Unknown keys and wrong types are a :class:`~blogtext.errors.ConfigError` (exit 2) naming the
file, the key and the reason.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from blogtext.errors import ConfigError

INCLUSIVE_STYLES = ("doppelpunkt", "stern", "unterstrich", "binnen-i", "paarform", "neutral")
INPUT_FORMATS = ("auto", "text", "html", "markdown", "jsonl", "csv")
DEFAULT_MAX_FILE_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class RecordFields:
    """Field (column) names read from JSONL/CSV corpus records."""

    text: str = "text"
    html: str = "html"
    markdown: str = "markdown"
    title: str = "title"
    url: str = "url"
    id: str = "id"
    date: str = "date"
    author: str = "author"


@dataclass(frozen=True)
class Settings:
    """Everything a run can be configured with.

    Attributes:
        model: Explicit German pipeline (package name or directory); ``None`` = automatic.
        input_format: Force a reader instead of detecting it from extension and content.
        max_file_bytes: Inputs above this size are rejected (one JSONL/CSV record likewise).
        style: Target inclusive style for suggestions.
        fields: Field names of JSONL/CSV records.
        rules: Rule id → level (``"error"``, ``"warning"``, ``"info"``, ``"off"``).
        source: The config file these settings came from, if any.
    """

    model: str | None = None
    input_format: str = "auto"
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES
    style: str = "doppelpunkt"
    fields: RecordFields = field(default_factory=RecordFields)
    rules: dict[str, str] = field(default_factory=dict)
    options: dict[str, Any] = field(default_factory=dict)
    source: str | None = None

    def with_overrides(self, **changes: Any) -> Settings:
        """A copy with the given non-``None`` values replaced (CLI options win over files)."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


_SCALAR_KEYS: dict[str, type] = {
    "model": str,
    "input-format": str,
    "max-file-bytes": int,
    "style": str,
}


def find_config(start: Path) -> Path | None:
    """The nearest ``.blogtext.toml`` or ``pyproject.toml`` with ``[tool.blogtext]``."""
    directory = start.resolve()
    if directory.is_file():
        directory = directory.parent
    for candidate_dir in (directory, *directory.parents):
        dedicated = candidate_dir / ".blogtext.toml"
        if dedicated.is_file():
            return dedicated
        pyproject = candidate_dir / "pyproject.toml"
        if (
            pyproject.is_file()
            and "tool" in _read_toml(pyproject)
            and "blogtext" in _read_toml(pyproject).get("tool", {})
        ):
            return pyproject
    return None


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read config file ({exc.strerror})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML ({exc})") from None


def load_settings(
    config_file: str | os.PathLike[str] | None = None, start: Path | None = None
) -> Settings:
    """Read settings from ``config_file`` or from the nearest config above ``start``."""
    path = Path(config_file) if config_file else find_config(start or Path.cwd())
    settings = Settings()
    env_model = os.environ.get("BLOGTEXT_MODEL")
    if path is None:
        return settings.with_overrides(model=env_model or None)
    if config_file and not path.is_file():
        raise ConfigError(f"{path}: config file does not exist")
    document = _read_toml(path)
    table = (
        document.get("tool", {}).get("blogtext", {}) if path.name == "pyproject.toml" else document
    )
    settings = _settings_from_table(table, str(path))
    return settings if settings.model or not env_model else replace(settings, model=env_model)


def _settings_from_table(table: dict[str, Any], source: str) -> Settings:
    values: dict[str, Any] = {"source": source}
    for key, value in table.items():
        if key in _SCALAR_KEYS:
            expected = _SCALAR_KEYS[key]
            if not isinstance(value, expected) or isinstance(value, bool):
                raise ConfigError(
                    f"{source}: key '{key}' must be a {expected.__name__}, got {value!r}"
                )
            values[key.replace("-", "_")] = value
        elif key == "fields":
            values["fields"] = _record_fields(value, source)
        elif key == "rules":
            values["rules"] = _rule_levels(value, source)
        elif key in ("options", "thresholds", "allow", "ignore", "overrides", "gender", "quotes"):
            # Analysis-specific tables; each analysis validates its own part.
            values.setdefault("options", {})[key] = value
        else:
            raise ConfigError(f"{source}: unknown key '{key}'")
    if values.get("style", "doppelpunkt") not in INCLUSIVE_STYLES:
        raise ConfigError(
            f"{source}: key 'style' must be one of {', '.join(INCLUSIVE_STYLES)}, got {values['style']!r}"
        )
    if values.get("input_format", "auto") not in INPUT_FORMATS:
        raise ConfigError(f"{source}: key 'input-format' must be one of {', '.join(INPUT_FORMATS)}")
    if values.get("max_file_bytes", 1) <= 0:
        raise ConfigError(f"{source}: key 'max-file-bytes' must be positive")
    return Settings(**values)


def _record_fields(value: Any, source: str) -> RecordFields:
    if not isinstance(value, dict):
        raise ConfigError(f"{source}: key 'fields' must be a table")
    known = {f.name for f in fields(RecordFields)}
    for key, name in value.items():
        if key not in known:
            raise ConfigError(
                f"{source}: unknown key 'fields.{key}' (known: {', '.join(sorted(known))})"
            )
        if not isinstance(name, str):
            raise ConfigError(f"{source}: key 'fields.{key}' must be a string")
    return RecordFields(**value)


LEVELS = ("error", "warning", "info", "off")


def _rule_levels(value: Any, source: str) -> dict[str, str]:
    if not isinstance(value, dict):
        raise ConfigError(f"{source}: key 'rules' must be a table of rule id = level")
    for rule, level in value.items():
        if level not in LEVELS:
            raise ConfigError(
                f"{source}: key 'rules.\"{rule}\"' must be one of {', '.join(LEVELS)}, got {level!r}"
            )
    return dict(value)
