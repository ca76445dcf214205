"""Find, describe, load and install the German spaCy pipeline.

Resolution order (first usable wins):

1. an explicitly configured pipeline – ``--model``, ``model`` in the config file, or the
   ``BLOGTEXT_MODEL`` environment variable – given as a package name or a directory;
   when it is not usable that is an error, never a silent fallback;
2. ``de_core_news_sm``, the pipeline blogtext is built for;
3. ``de_ud_gsdpud_sm``, an offline stand-in trained on open data (much less accurate).

``BLOGTEXT_MODEL_FALLBACKS`` (comma-separated package names) replaces the list in 2–3.
The pipeline is loaded once per process (:func:`load_pipeline` caches it).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from blogtext.errors import ModelNotAvailableError
from blogtext.model import PipelineInfo

if TYPE_CHECKING:
    from spacy.language import Language

OFFICIAL = "de_core_news_sm"
STAND_IN = "de_ud_gsdpud_sm"
DEFAULT_PIPELINES = (OFFICIAL, STAND_IN)
WHEELS_ENV = "BLOGTEXT_MODEL_WHEELS"
INSTALL_HINT = "run `blogtext model install` (downloads de_core_news_sm, or installs the offline stand-in from a wheel directory)"


def fallback_names() -> tuple[str, ...]:
    """Pipelines tried when none is configured, in order."""
    configured = os.environ.get("BLOGTEXT_MODEL_FALLBACKS")
    if configured is None:
        return DEFAULT_PIPELINES
    return tuple(name.strip() for name in configured.split(",") if name.strip())


@dataclass(frozen=True)
class Resolution:
    """The outcome of looking for a pipeline: what will be used, and what was tried."""

    info: PipelineInfo | None
    origin: str  # "configured", "default", "fallback" or "none"
    tried: tuple[str, ...]
    problem: str | None = None


def resolve_pipeline(explicit: str | None = None) -> Resolution:
    """Find the pipeline to use without loading it."""
    explicit = explicit or os.environ.get("BLOGTEXT_MODEL") or None
    if explicit:
        info = _describe(explicit)
        if info is None:
            return Resolution(
                None,
                "none",
                (explicit,),
                f"configured pipeline '{explicit}' is not installed and is not a pipeline directory",
            )
        return Resolution(info, "configured", (explicit,))
    tried: list[str] = []
    for position, name in enumerate(fallback_names()):
        tried.append(name)
        info = _describe(name)
        if info is not None:
            return Resolution(info, "default" if position == 0 else "fallback", tuple(tried))
    names = ", ".join(tried) or "(none)"
    return Resolution(
        None, "none", tuple(tried), f"no German spaCy pipeline is installed (looked for {names})"
    )


def require_pipeline(explicit: str | None = None) -> PipelineInfo:
    """The pipeline to use; raises :class:`ModelNotAvailableError` with the install hint."""
    resolution = resolve_pipeline(explicit)
    if resolution.info is None:
        raise ModelNotAvailableError(f"{resolution.problem}; {INSTALL_HINT}")
    return resolution.info


def _describe(name_or_path: str) -> PipelineInfo | None:
    # Without importing spaCy (~1 s): a cached rerun or a `model status` never needs it.
    path = _package_directory(name_or_path)
    if path is not None:
        try:
            # A package directory holds one subdirectory with the data (name-version).
            data_dirs = [p for p in path.iterdir() if (p / "meta.json").is_file()]
            path = data_dirs[0] if data_dirs else path
        except OSError:
            pass
    else:
        path = Path(name_or_path).expanduser()
        if not (path / "meta.json").is_file() or not (path / "config.cfg").is_file():
            return None
    try:
        meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(meta, dict) or not all(meta.get(key) for key in ("lang", "name", "version")):
        return None  # what spacy.util.load_meta rejects
    package = f"{meta['lang']}_{meta['name']}"
    return PipelineInfo(
        name=package,
        version=str(meta["version"]),
        path=str(path),
        components=tuple(meta.get("pipeline", ())),
        stand_in=package == STAND_IN,
    )


def _package_directory(name: str) -> Path | None:
    """The directory of the installed pipeline package ``name`` (as spaCy's is_package and
    get_package_path find it, but without importing the package, which imports spaCy)."""
    from importlib import metadata, util

    try:
        metadata.distribution(name)
        spec = util.find_spec(name)
    except (metadata.PackageNotFoundError, ImportError, ValueError):
        return None
    locations = list(spec.submodule_search_locations or []) if spec else []
    return Path(locations[0]) if locations else None


@cache
def load_pipeline(
    explicit: str | None = None, exclude: tuple[str, ...] = ()
) -> tuple[Language, PipelineInfo]:
    """Load the resolved pipeline once per process (later calls return the same object).

    Args:
        explicit: A configured pipeline name or path (else the resolution order applies).
        exclude: Components not to load (``("parser",)`` when nothing needs dependencies).

    Raises:
        ModelNotAvailableError: None is installed, or the configured one cannot be loaded.
    """
    import spacy

    info = require_pipeline(explicit)
    try:
        nlp = spacy.load(info.path or info.name, exclude=list(exclude))
    except (OSError, ValueError, ImportError) as exc:
        raise ModelNotAvailableError(
            f"pipeline {info.label} at {info.path} cannot be loaded ({exc}); {INSTALL_HINT}"
        ) from None
    return nlp, info


# --- installation ----------------------------------------------------------------------------


def wheel_directories(extra: str | None = None, start: Path | None = None) -> list[Path]:
    """Directories that may hold pipeline wheels, most specific first.

    ``--wheels DIR``, then ``$BLOGTEXT_MODEL_WHEELS``, then ``shared/models/wheels`` in the
    current directory or any parent (the layout of the team's machines and CI).
    """
    candidates: list[Path] = []
    if extra:
        candidates.append(Path(extra))
    if os.environ.get(WHEELS_ENV):
        candidates.append(Path(os.environ[WHEELS_ENV]))
    start = (start or Path.cwd()).resolve()
    for directory in (start, *start.parents):
        candidates.append(directory / "shared" / "models" / "wheels")
    seen: list[Path] = []
    for candidate in candidates:
        if candidate.is_dir() and candidate.resolve() not in seen:
            seen.append(candidate.resolve())
    return seen


def find_wheel(directories: list[Path]) -> tuple[str, Path] | None:
    """The best pipeline wheel in ``directories``: the official one first, then the stand-in."""
    for name in DEFAULT_PIPELINES:
        for directory in directories:
            wheels = sorted(directory.glob(f"{name}-*.whl"))
            if wheels:
                return name, wheels[-1]
    return None


def internet_reachable(timeout: float = 3.0) -> bool:
    """Whether spaCy's model download host answers (quick TCP check)."""
    import socket
    from urllib.parse import urlparse

    try:
        from spacy import about

        host = urlparse(about.__download_url__).hostname or ""
    except (ImportError, AttributeError):
        return False
    try:
        with socket.create_connection((host, 443), timeout=timeout):
            return True
    except OSError:
        return False


@dataclass(frozen=True)
class InstallResult:
    name: str
    method: str  # "already-installed" | "download" | "wheel"
    detail: str


def install_pipeline(
    wheels: str | None = None, offline: bool = False, run: Any = subprocess.run
) -> InstallResult:
    """Install ``de_core_news_sm`` (download) or, without internet, a pipeline wheel.

    Raises:
        ModelNotAvailableError: Nothing could be installed; the message says what was tried.
    """
    import spacy.util

    if spacy.util.is_package(OFFICIAL):
        return InstallResult(OFFICIAL, "already-installed", "de_core_news_sm is installed")
    if not offline and internet_reachable():
        done = run([sys.executable, "-m", "spacy", "download", OFFICIAL], check=False)
        if done.returncode == 0:
            return InstallResult(OFFICIAL, "download", "downloaded with `python -m spacy download`")
    directories = wheel_directories(wheels)
    found = find_wheel(directories)
    if found is None:
        where = (
            ", ".join(str(d) for d in directories)
            or f"none found (set {WHEELS_ENV} or pass --wheels DIR)"
        )
        raise ModelNotAvailableError(
            f"cannot download {OFFICIAL} (no internet) and no pipeline wheel in: {where}"
        )
    name, wheel = found
    if spacy.util.is_package(name):
        return InstallResult(name, "already-installed", f"{name} is installed (offline stand-in)")
    command = [
        sys.executable,
        "-m",
        "pip",
        "install",
        "--no-index",
        "--find-links",
        str(wheel.parent),
        name,
    ]
    done = run(command, check=False)
    if done.returncode != 0:
        raise ModelNotAvailableError(f"pip could not install {wheel.name} (exit {done.returncode})")
    return InstallResult(name, "wheel", f"installed from {wheel}")
