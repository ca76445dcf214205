"""One typed settings object, read from ``[tool.blogtext]`` or ``.blogtext.toml``.

Discovery walks up from a start directory (for ``lint``: the linted file's directory): the
first ``.blogtext.toml`` or ``pyproject.toml`` with a ``[tool.blogtext]`` table wins;
``--config FILE`` overrides it. Unknown keys and wrong types are a
:class:`~blogtext.errors.ConfigError` (exit 2) naming the file, the key and the reason.

Keys (see README "Configuration")::

    model, input-format, max-file-bytes, style        scalars
    fields = {text = "content", …}                    JSONL/CSV field names
    rules = {"gender/generic-masculine" = "error"}    rule levels (error|warning|info|suggestion|off)
    thresholds."readability/long-sentence" = {…}      rule options
    allow = ["Team", "Blog"]                          terms no rule flags
    ignore = ["drafts/**", "*.draft.md"]              paths lint skips (gitignore-style globs)
    [[overrides]] files = ["drafts/**"] + any of style, rules, thresholds, allow, ignore, …

Globs in ``ignore`` and ``overrides.files`` are relative to the config file's directory and
follow ``.gitignore`` conventions: a pattern without ``/`` matches at any depth, ``**``
crosses directories, and a pattern that matches a directory covers everything below it.
Rule ids cannot be checked here (the registry is a later stage): :func:`check_rule_references`
does it for the caller that knows them.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field, fields, replace
from functools import cache
from pathlib import Path, PurePosixPath
from typing import Any

from blogtext.errors import ConfigError

INCLUSIVE_STYLES = ("doppelpunkt", "stern", "unterstrich", "binnen-i", "paarform", "neutral")
INPUT_FORMATS = ("auto", "text", "html", "markdown", "jsonl", "csv")
DEFAULT_MAX_FILE_BYTES = 20 * 1024 * 1024
CONFIG_NAMES = (".blogtext.toml", "pyproject.toml")


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
class Override:
    """One ``[[tool.blogtext.overrides]]`` entry: settings for files matching ``files``.

    Attributes:
        files: Globs relative to the config file's directory.
        table: The validated keys of the entry (without ``files``), merged over the base.
        index: Position in the config file (for messages).
    """

    files: tuple[str, ...]
    table: dict[str, Any]
    index: int


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
        options: Analysis-specific tables: ``thresholds`` (rule id → option → value, read by
            :meth:`RuleContext.option`), ``gender``, ``quotes``, ``options``.
        source: The config file these settings came from, if any.
        allow: Terms that no rule flags (compared case-insensitively with a finding's text).
        ignore: Globs of paths that ``lint`` skips (relative to :attr:`root`).
        overrides: Per-glob settings, applied by :meth:`for_path`.
    """

    model: str | None = None
    input_format: str = "auto"
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES
    style: str = "doppelpunkt"
    fields: RecordFields = field(default_factory=RecordFields)
    rules: dict[str, str] = field(default_factory=dict)
    options: dict[str, Any] = field(default_factory=dict)
    source: str | None = None
    allow: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    overrides: tuple[Override, ...] = ()

    def with_overrides(self, **changes: Any) -> Settings:
        """A copy with the given non-``None`` values replaced (CLI options win over files)."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})

    @property
    def root(self) -> Path:
        """The directory globs are relative to: the config file's, else the current one."""
        return Path(self.source).resolve().parent if self.source else Path.cwd()

    def relative_path(self, path: str | os.PathLike[str]) -> str:
        """``path`` as a POSIX path relative to :attr:`root` (absolute when outside it)."""
        resolved = Path(path).resolve()
        try:
            return resolved.relative_to(self.root).as_posix()
        except ValueError:
            return resolved.as_posix()

    def is_ignored(self, path: str | os.PathLike[str]) -> bool:
        """Whether an ``ignore`` glob covers ``path``."""
        relative = self.relative_path(path)
        return any(glob_match(pattern, relative) for pattern in self.ignore)

    def for_path(self, path: str | os.PathLike[str]) -> Settings:
        """The settings for one file: every override whose ``files`` match, in file order."""
        if not self.overrides:
            return self
        relative = self.relative_path(path)
        settings = self
        for override in self.overrides:
            if any(glob_match(pattern, relative) for pattern in override.files):
                settings = _merge(settings, override.table)
        return replace(settings, overrides=self.overrides)


_SCALAR_KEYS: dict[str, type] = {
    "model": str,
    "input-format": str,
    "max-file-bytes": int,
    "style": str,
}
#: Tables handed to the analyses as they are (each analysis validates its own part).
_ANALYSIS_TABLES = ("options", "gender", "quotes")
#: Keys an ``[[overrides]]`` entry may not set: one pipeline per run, no nesting.
_NOT_IN_OVERRIDES = ("model", "overrides")


def find_config(start: Path) -> Path | None:
    """The nearest ``.blogtext.toml`` or ``pyproject.toml`` with ``[tool.blogtext]``."""
    directory = start.resolve()
    if directory.is_file():
        directory = directory.parent
    for candidate_dir in (directory, *directory.parents):
        found = _config_in(candidate_dir)
        if found is not None:
            return found
    return None


def _config_in(directory: Path) -> Path | None:
    dedicated = directory / ".blogtext.toml"
    if dedicated.is_file():
        return dedicated
    pyproject = directory / "pyproject.toml"
    if pyproject.is_file() and "blogtext" in _read_toml(pyproject).get("tool", {}):
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
    """Read settings from ``config_file`` or from the nearest config above ``start``.

    Args:
        config_file: An explicit config file (``--config``); must exist.
        start: Where discovery starts (a file or directory); default the current directory.

    Raises:
        ConfigError: The file is missing, not TOML, or has an unknown key or a wrong value.
    """
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
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: key 'tool.blogtext' must be a table")
    settings = _settings_from_table(table, str(path))
    return settings if settings.model or not env_model else replace(settings, model=env_model)


class SettingsLoader:
    """Settings per linted file, discovered from the file's directory and cached per directory.

    Args:
        config_file: ``--config``: use this file for every input instead of discovering.
        transform: Applied to every loaded :class:`Settings` (command-line values on top).
        fixed: Use these settings for every input (library callers that built their own).
    """

    def __init__(
        self,
        config_file: str | os.PathLike[str] | None = None,
        transform: Callable[[Settings], Settings] | None = None,
        fixed: Settings | None = None,
    ) -> None:
        self.config_file = config_file
        self.transform = transform or (lambda settings: settings)
        self._by_dir: dict[Path, Settings] = {}
        self._by_source: dict[str | None, Settings] = {}
        self._fixed = fixed is not None
        if fixed is not None:
            self._by_source[fixed.source] = self.transform(fixed)

    def base_for(self, path: str | os.PathLike[str]) -> Settings:
        """The settings of the config that governs ``path`` (before per-glob overrides)."""
        if len(self._by_source) == 1 and self._fixed:
            return next(iter(self._by_source.values()))
        resolved = Path(path).resolve()
        directory = resolved if resolved.is_dir() else resolved.parent
        if directory not in self._by_dir:
            source = (
                Path(self.config_file).resolve() if self.config_file else find_config(directory)
            )
            key = str(source) if source else None
            if key not in self._by_source:
                loaded = load_settings(self.config_file, start=directory)
                self._by_source[key] = self.transform(loaded)
            self._by_dir[directory] = self._by_source[key]
        return self._by_dir[directory]

    def for_file(self, path: str | os.PathLike[str]) -> Settings:
        """The effective settings of one file (overrides applied)."""
        return self.base_for(path).for_path(path)

    @property
    def loaded(self) -> list[Settings]:
        """Every distinct settings object loaded so far."""
        return list(self._by_source.values())


def _settings_from_table(table: dict[str, Any], source: str) -> Settings:
    values = _parse_table(table, source, prefix="")
    overrides = values.pop("overrides", ())
    settings = Settings(**values)
    return replace(settings, overrides=overrides)


def _parse_table(table: dict[str, Any], source: str, prefix: str) -> dict[str, Any]:
    """Validate one ``[tool.blogtext]`` (or override) table into ``Settings`` keyword values."""
    values: dict[str, Any] = {} if prefix else {"source": source}
    for key, value in table.items():
        name = f"{prefix}{key}"
        if prefix and key in _NOT_IN_OVERRIDES:
            raise ConfigError(f"{source}: key '{name}' cannot be set in an override")
        if key in _SCALAR_KEYS:
            expected = _SCALAR_KEYS[key]
            if not isinstance(value, expected) or isinstance(value, bool):
                raise ConfigError(
                    f"{source}: key '{name}' must be a {expected.__name__}, got {value!r}"
                )
            values[key.replace("-", "_")] = value
        elif key == "fields":
            values["fields"] = _record_fields(value, source, name)
        elif key == "rules":
            values["rules"] = _rule_levels(value, source, name)
        elif key == "thresholds":
            values.setdefault("options", {})["thresholds"] = _thresholds(value, source, name)
        elif key in ("allow", "ignore"):
            values[key] = _strings(value, source, name)
        elif key == "overrides" and not prefix:
            values["overrides"] = _overrides(value, source)
        elif key in _ANALYSIS_TABLES:
            if not isinstance(value, dict):
                raise ConfigError(f"{source}: key '{name}' must be a table")
            values.setdefault("options", {})[key] = value
        else:
            raise ConfigError(f"{source}: unknown key '{name}'")
    if values.get("style", "doppelpunkt") not in INCLUSIVE_STYLES:
        raise ConfigError(
            f"{source}: key '{prefix}style' must be one of {', '.join(INCLUSIVE_STYLES)}, "
            f"got {values['style']!r}"
        )
    if values.get("input_format", "auto") not in INPUT_FORMATS:
        raise ConfigError(
            f"{source}: key '{prefix}input-format' must be one of {', '.join(INPUT_FORMATS)}"
        )
    if values.get("max_file_bytes", 1) <= 0:
        raise ConfigError(f"{source}: key '{prefix}max-file-bytes' must be positive")
    return values


def _record_fields(value: Any, source: str, name: str = "fields") -> RecordFields:
    if not isinstance(value, dict):
        raise ConfigError(f"{source}: key '{name}' must be a table")
    known = {f.name for f in fields(RecordFields)}
    for key, column in value.items():
        if key not in known:
            raise ConfigError(
                f"{source}: unknown key '{name}.{key}' (known: {', '.join(sorted(known))})"
            )
        if not isinstance(column, str):
            raise ConfigError(f"{source}: key '{name}.{key}' must be a string")
    return RecordFields(**value)


LEVELS = ("error", "warning", "info", "off")
#: Accepted spellings of a level in config files; ``suggestion`` (Vale's word) means ``info``.
LEVEL_ALIASES = {"suggestion": "info", "note": "info"}


def _rule_levels(value: Any, source: str, name: str = "rules") -> dict[str, str]:
    if not isinstance(value, dict):
        raise ConfigError(f"{source}: key '{name}' must be a table of rule id = level")
    levels: dict[str, str] = {}
    for rule, level in value.items():
        if not isinstance(level, str) or LEVEL_ALIASES.get(level, level) not in LEVELS:
            raise ConfigError(
                f"{source}: key '{name}.\"{rule}\"' must be one of "
                f"{', '.join((*LEVELS, 'suggestion'))}, got {level!r}"
            )
        levels[rule] = LEVEL_ALIASES.get(level, level)
    return levels


def _thresholds(value: Any, source: str, name: str) -> dict[str, dict[str, Any]]:
    if not isinstance(value, dict):
        raise ConfigError(f"{source}: key '{name}' must be a table of rule id = {{option = value}}")
    for rule, options in value.items():
        if not isinstance(options, dict):
            raise ConfigError(f"{source}: key '{name}.\"{rule}\"' must be a table of options")
    return {rule: dict(options) for rule, options in value.items()}


def _strings(value: Any, source: str, name: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) and item for item in value):
        raise ConfigError(f"{source}: key '{name}' must be a list of non-empty strings")
    return tuple(value)


def _overrides(value: Any, source: str) -> tuple[Override, ...]:
    if not isinstance(value, list):
        raise ConfigError(f"{source}: key 'overrides' must be an array of tables ([[overrides]])")
    result = []
    for index, entry in enumerate(value):
        name = f"overrides[{index}]"
        if not isinstance(entry, dict):
            raise ConfigError(f"{source}: key '{name}' must be a table")
        entry = dict(entry)
        files = entry.pop("files", None)
        if files is None:
            raise ConfigError(f"{source}: key '{name}.files' is required (a list of globs)")
        globs = _strings(files, source, f"{name}.files")
        _parse_table(entry, source, prefix=f"{name}.")  # validates; merged later by _merge
        result.append(Override(globs, entry, index))
    return tuple(result)


def _merge(settings: Settings, table: dict[str, Any]) -> Settings:
    """``settings`` with one override table on top: scalars replace, tables merge, lists extend."""
    values = _parse_table(table, settings.source or "<override>", prefix="")
    values.pop("source", None)
    changes: dict[str, Any] = {}
    for key, value in values.items():
        if key == "rules":
            changes["rules"] = {**settings.rules, **value}
        elif key == "options":
            merged = dict(settings.options)
            for table_name, content in value.items():
                base = merged.get(table_name, {})
                if table_name == "thresholds":
                    content = {
                        rule: {**base.get(rule, {}), **opts} for rule, opts in content.items()
                    }
                merged[table_name] = {**base, **content}
            changes["options"] = merged
        elif key in ("allow", "ignore"):
            changes[key] = (*getattr(settings, key), *value)
        else:
            changes[key] = value
    return replace(settings, **changes)


def check_rule_references(
    settings: Settings,
    known: Mapping[str, Collection[str]],
    renamed: Mapping[str, str] | None = None,
) -> None:
    """Raise :class:`ConfigError` for unknown rule ids or options anywhere in ``settings``.

    Args:
        settings: Loaded settings (its overrides are checked too).
        known: Rule id → names of its options.
        renamed: Old rule id → new id, to say what to write instead.
    """
    source = settings.source or "<settings>"
    tables: list[tuple[str, dict[str, Any]]] = [("", {"rules": settings.rules, **settings.options})]
    tables += [(f"overrides[{o.index}].", o.table) for o in settings.overrides]
    for prefix, table in tables:
        for rule in table.get("rules", {}):
            _check_rule_id(rule, known, renamed or {}, source, f"{prefix}rules")
        for rule, options in table.get("thresholds", {}).items():
            _check_rule_id(rule, known, renamed or {}, source, f"{prefix}thresholds")
            for option in options:
                if option not in known[rule]:
                    names = ", ".join(sorted(known[rule])) or "none"
                    raise ConfigError(
                        f"{source}: key '{prefix}thresholds.\"{rule}\".{option}': "
                        f"rule {rule} has no option '{option}' (options: {names})"
                    )


def _check_rule_id(
    rule: str,
    known: Mapping[str, Collection[str]],
    renamed: Mapping[str, str],
    source: str,
    key: str,
) -> None:
    if rule in known:
        return
    hint = (
        f"; it was renamed to '{renamed[rule]}'" if rule in renamed else " (see `blogtext rules`)"
    )
    raise ConfigError(f"{source}: key '{key}.\"{rule}\"': unknown rule '{rule}'{hint}")


# --- globs ------------------------------------------------------------------------------------


def glob_match(pattern: str, relative_path: str) -> bool:
    """Whether a gitignore-style glob matches a POSIX path or one of its parent directories.

    ``*`` and ``?`` stay inside one path component, ``**`` crosses components, ``[abc]`` is a
    character class; a pattern without a ``/`` (other than a trailing one) matches at any depth,
    one with a ``/`` is anchored at the root. Matching a directory covers the files below it,
    so ``drafts`` and ``drafts/`` both skip ``drafts/post.md``.
    """
    regex = _glob_regex(pattern)
    parts = PurePosixPath(relative_path).parts
    return any(regex.fullmatch("/".join(parts[:end])) for end in range(len(parts), 0, -1))


@cache
def _glob_regex(pattern: str) -> re.Pattern[str]:
    body = pattern.rstrip("/")
    anchored = "/" in body
    body = body.lstrip("/")
    out: list[str] = []
    i = 0
    while i < len(body):
        char = body[i]
        if body.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif body.startswith("**", i):
            out.append(".*")
            i += 2
        elif char == "*":
            out.append("[^/]*")
            i += 1
        elif char == "?":
            out.append("[^/]")
            i += 1
        elif char == "[" and "]" in body[i + 2 :]:
            end = body.index("]", i + 2)
            content = body[i + 1 : end]
            negate = content[:1] in ("!", "^")
            content = content[1:] if negate else content
            out.append("[" + ("^" if negate else "") + content.replace("\\", "\\\\") + "]")
            i = end + 1
        else:
            out.append(re.escape(char))
            i += 1
    prefix = "" if anchored else "(?:.*/)?"
    return re.compile(prefix + "".join(out))
