"""Every data file of the style rules loads and is well-formed (STYLE.md §6)."""

from __future__ import annotations

from importlib import resources

import pytest

from blogtext.analyzers import _style_lexicon as lexicon
from blogtext.data import read_lines, read_text

FILES = {
    "anglizismen.tsv": 2,
    "beginning_exceptions.txt": 1,
    "compound_heads.txt": 1,
    "floskeln.tsv": 2,
    "fuellwoerter.tsv": 2,
    "modal_verbs.txt": 1,
    "nominal_exceptions.txt": 1,
    "sein_perfect_verbs.txt": 1,
    "transition_words.txt": 1,
}


def test_style_data_every_file_is_listed() -> None:
    folder = resources.files("blogtext.data").joinpath("style")
    present = {p.name for p in folder.iterdir() if p.name != "README.md"}
    assert present == set(FILES)


@pytest.mark.parametrize("name", sorted(FILES))
def test_style_data_wellformed(name: str) -> None:
    rows = [line.split("\t") for line in read_lines("style", name)]
    assert rows, f"{name} is empty"
    assert all(len(row) == FILES[name] for row in rows), f"{name}: wrong number of columns"
    keys = [row[0] for row in rows]
    assert keys == sorted(keys), f"{name}: not sorted"
    assert len(set(keys)) == len(keys), f"{name}: duplicates"
    assert all(key == key.strip().lower() and key for key in keys), f"{name}: keys lower case"
    assert all(all(cell.strip() for cell in row) for row in rows), f"{name}: empty cell"


@pytest.mark.parametrize("name", sorted(FILES))
def test_style_data_readme_counts(name: str) -> None:
    """The README's table states each file's entry count."""
    readme = read_text("style", "README.md")
    count = len(read_lines("style", name))
    assert f"| `{name}` | {count} |" in readme


def test_style_data_loaders() -> None:
    assert "eigentlich" in lexicon.PhraseIndex(lexicon.fillers())
    assert "sollte" in lexicon.modal_verb_forms()
    assert lexicon.sein_perfect_verbs()[0] == max(lexicon.sein_perfect_verbs(), key=len)
    index = lexicon.PhraseIndex(lexicon.transition_words())
    matches = index.find(["Das", "ist", "zum", "Beispiel", "gut", "z.B."])
    assert [(m.first, m.last) for m in matches] == [(2, 3), (5, 5)]


def test_style_data_phrase_index_longest_match_without_overlap() -> None:
    index = lexicon.index_with_extra(lexicon.empty_phrases(), ["im grunde=streichen"])
    words = ["Im", "Grunde", "genommen", "ist", "das", "im", "Grunde", "richtig"]
    found = [(m.first, m.last, m.entry.phrase) for m in index.find(words)]
    assert found == [(0, 2, "im grunde genommen"), (5, 6, "im grunde")]
