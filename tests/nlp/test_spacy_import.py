"""The ``blogtext`` command imports spaCy without ``spacy.cli``, and spaCy still works fully.

Each check runs in a fresh interpreter: the test process has imported spaCy long ago.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("spacy")


def run_python(code: str, **env: str) -> str:
    environment = {k: v for k, v in os.environ.items() if k != "BLOGTEXT_EAGER_SPACY"}
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={**environment, **env},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_spacy_imports_without_its_cli_and_loads_it_on_demand() -> None:
    out = run_python(
        "import sys\n"
        "from blogtext.nlp import spacy_import\n"
        "assert spacy_import.install()\n"
        "import spacy\n"
        "print('after import:', 'spacy.cli' in sys.modules)\n"
        "blank = spacy.blank('de')\n"
        "print('tokens:', [t.text for t in blank('Das ist z. B. gut.')])\n"
        "print('attribute:', spacy.cli.download.__name__, 'spacy.cli' in sys.modules)\n"
        "from spacy.cli.info import info\n"
        "print('info:', spacy.info.__module__ != 'spacy.cli.info', callable(info))\n"
        "print('loader:', type(spacy.__spec__.loader).__name__)\n"
    )
    assert "after import: False" in out
    assert "tokens: ['Das', 'ist', 'z.', 'B.', 'gut', '.']" in out
    assert "attribute: download True" in out
    assert "info: True True" in out
    assert "loader: SourceFileLoader" in out


def test_import_statement_of_spacy_cli_gets_the_real_package() -> None:
    out = run_python(
        "from blogtext.nlp import spacy_import\n"
        "spacy_import.install()\n"
        "from spacy.cli import download, info\n"
        "import spacy\n"
        "print(download.__module__, spacy.cli.__name__, spacy.cli.__file__.endswith('__init__.py'))\n"
    )
    assert out == "spacy.cli.download spacy.cli True"


def test_eager_environment_variable_switches_the_hook_off() -> None:
    out = run_python(
        "import sys\n"
        "from blogtext.nlp import spacy_import\n"
        "print(spacy_import.install())\n"
        "import spacy\n"
        "print('spacy.cli' in sys.modules)\n",
        BLOGTEXT_EAGER_SPACY="1",
    )
    assert out.split() == ["False", "True"]


def test_check_command_never_imports_spacy_cli(tmp_path: Path) -> None:
    draft = tmp_path / "entwurf.md"
    draft.write_text(
        "# Entwurf\n\nUnsere Kunden schätzen den schnellen Support. Das Team antwortet sofort.\n",
        encoding="utf-8",
    )
    out = run_python(
        "import sys\n"
        "from blogtext.cli.main import main\n"
        f"sys.argv = ['blogtext', 'check', {str(draft)!r}]\n"
        "try:\n    main()\nexcept SystemExit as done:\n    code = done.code\n"
        "print('spacy' in sys.modules, 'spacy.cli' in sys.modules, code)\n"
    )
    assert out.splitlines()[-1] in ("True False 0", "True False 1")


def test_entry_point_index_gives_catalogues_answers() -> None:
    out = run_python(
        "import importlib.metadata as metadata\n"
        "from blogtext.nlp import spacy_import\n"
        "spacy_import.install()\n"
        "import spacy, catalogue\n"
        "indexed, full = catalogue.AVAILABLE_ENTRY_POINTS, metadata.entry_points()\n"
        "groups = set(full.groups) | {'spacy_no_such_group'}\n"
        "same = all(list(indexed.select(group=g)) == list(full.select(group=g)) for g in groups)\n"
        "named = list(indexed.select(group='spacy_factories', name='blogtext_sentences'))\n"
        "print(type(indexed).__name__, len(groups) > 5, same, [ep.name for ep in named])\n"
    )
    assert out == "GroupIndexedEntryPoints True True ['blogtext_sentences']"
