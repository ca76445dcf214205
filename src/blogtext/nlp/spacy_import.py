"""Import spaCy without its command-line package, which blogtext never uses at run time.

``spacy/__init__.py`` imports ``spacy.cli`` only to re-export ``spacy.info``. That package
pulls in typer, weasel, requests, jinja2 and the project tooling: about 0.4–0.5 s of every
cold start of ``blogtext check`` (measured: ``import spacy`` 1.29 s → 0.78 s on this
machine). spaCy's maintainers have proposed the same change upstream (explosion/spaCy#12962,
merged then reverted because ``spacy.cli`` stopped resolving; #13721 redoes it with a module
``__getattr__``). Until it lands, :func:`install` does it from outside, and only in the
``blogtext`` command (the library never changes how a notebook imports spaCy):

* while ``spacy/__init__.py`` runs, ``spacy.cli`` and ``spacy.cli.info`` are placeholder
  modules; ``spacy.info`` becomes a forwarder that imports the real one when called;
* right after, the placeholders leave ``sys.modules``, so ``import spacy.cli`` imports the real
  package, and the attribute ``spacy.cli`` loads it on first access (module ``__getattr__``).

Loading a pipeline asks spaCy's registries (catalogue) for entry points about 180 times, and
each ask scans every entry point of every installed distribution (~70 ms in all). The same
hook gives catalogue's table of entry points an index by group, with identical answers.

``BLOGTEXT_EAGER_SPACY=1`` switches this off. If spaCy's package no longer looks as expected,
the hook steps aside and spaCy is imported as usual.
"""

from __future__ import annotations

import importlib
import importlib.machinery
import os
import sys
from types import ModuleType
from typing import Any

__all__ = ["install"]

EAGER_ENV = "BLOGTEXT_EAGER_SPACY"
_CLI = "spacy.cli"
_CLI_INFO = "spacy.cli.info"


def install() -> bool:
    """Make the next ``import spacy`` skip ``spacy.cli``; False when nothing was changed."""
    if "spacy" in sys.modules or os.environ.get(EAGER_ENV, "") not in ("", "0"):
        return False
    if any(isinstance(finder, _SpacyFinder) for finder in sys.meta_path):
        return True
    sys.meta_path.insert(0, _SpacyFinder())
    return True


def _real_info(*args: Any, **kwargs: Any) -> Any:
    """``spacy.info``: imports the command-line package on first call."""
    return importlib.import_module(_CLI_INFO).info(*args, **kwargs)


def _spacy_getattr(name: str) -> Any:
    """Module ``__getattr__`` of ``spacy``: ``spacy.cli`` imports the real package on access."""
    if name == "cli":
        return importlib.import_module(_CLI)
    raise AttributeError(f"module 'spacy' has no attribute {name!r}")


class _SpacyFinder:
    """Wraps the loader of the top-level ``spacy`` package once, then removes itself.

    Finder and loader follow the import protocols by duck typing: subclassing the ABCs in
    ``importlib.abc`` would import ``importlib.resources`` (~35 ms) on every start.
    """

    def find_spec(
        self, fullname: str, path: Any = None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname != "spacy":
            return None
        sys.meta_path.remove(self)
        spec = importlib.machinery.PathFinder.find_spec(fullname, path)
        if spec is None or spec.loader is None or not hasattr(spec.loader, "exec_module"):
            return spec
        spec.loader = _WithoutCliLoader(spec.loader)
        return spec


class _WithoutCliLoader:
    def __init__(self, loader: Any) -> None:
        self._loader = loader

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType | None:
        return self._loader.create_module(spec)

    def exec_module(self, module: ModuleType) -> None:
        cli = ModuleType(_CLI, "placeholder while spaCy imports (see blogtext.nlp.spacy_import)")
        cli.__path__ = []  # a package, so ``from .cli.info import info`` resolves
        info = ModuleType(_CLI_INFO)
        info.info = _real_info  # type: ignore[attr-defined]
        cli.info = info  # type: ignore[attr-defined]
        placeholders = {_CLI: cli, _CLI_INFO: info}
        sys.modules.update(placeholders)
        try:
            self._loader.exec_module(module)
        finally:
            for name, placeholder in placeholders.items():
                if sys.modules.get(name) is placeholder:
                    del sys.modules[name]
            # Later readers (importlib.resources, pickling) see spaCy's own loader.
            module.__loader__ = self._loader
            if module.__spec__ is not None:
                module.__spec__.loader = self._loader
            _index_entry_points()
            # The placeholders were never loaded, so ``spacy.cli`` is unset unless spaCy set it.
            if module.__dict__.get("cli") is cli:
                del module.__dict__["cli"]
            if "cli" not in module.__dict__:
                module.__dict__.setdefault("__getattr__", _spacy_getattr)


def _index_entry_points() -> None:
    """Answer catalogue's ``select(group=...)`` from a dict instead of a scan of all groups."""
    catalogue = sys.modules.get("catalogue")
    table = getattr(catalogue, "AVAILABLE_ENTRY_POINTS", None)
    if table is None or not isinstance(table, dict) or not hasattr(table, "select"):
        return  # another catalogue or Python version: leave it alone

    from importlib.metadata import EntryPoints

    nothing = EntryPoints(())

    class GroupIndexedEntryPoints(type(table)):  # type: ignore[misc]
        def select(self, **params: Any) -> Any:
            if params.keys() == {"group"}:
                return dict.get(self, params["group"], nothing)
            return super().select(**params)

    catalogue.AVAILABLE_ENTRY_POINTS = GroupIndexedEntryPoints(dict.items(table))  # type: ignore[union-attr]
