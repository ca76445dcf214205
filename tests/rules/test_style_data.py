"""Every data file of the style rules loads and is well-formed (STYLE.md §6)."""

from __future__ import annotations

import random
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


def _reference_find(index: lexicon.PhraseIndex, words: list[str]) -> list[tuple[int, int]]:
    """Longest phrase at each token, left to right, skipping past every match."""
    folded = [w.casefold() for w in words]
    found, i = [], 0
    while i < len(folded):
        matched = 0
        for phrase, _entry in index._by_first.get(folded[i], ()):
            if tuple(folded[i : i + len(phrase)]) == phrase:
                found.append((i, i + len(phrase) - 1))
                matched = len(phrase)
                break
        i += matched or 1
    return found


@pytest.mark.parametrize("seed", range(10))
def test_style_data_phrase_index_scan_matches_the_reference(seed: int) -> None:
    rng = random.Random(seed)
    index = lexicon.PhraseIndex(
        [*lexicon.transition_words(), *lexicon.empty_phrases(), *lexicon.fillers()]
    )
    vocabulary = [w for e in lexicon.empty_phrases() for w in e.words] + ["Haus", ",", "."]
    words = [rng.choice(vocabulary) for _ in range(300)]
    words = [w.capitalize() if rng.random() < 0.2 else w for w in words]
    assert [(m.first, m.last) for m in index.find(words)] == _reference_find(index, words)
    folded = [w.casefold() for w in words]
    assert index.starts(folded) == [i for i, w in enumerate(folded) if w in index._by_first]
