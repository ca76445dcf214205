"""Every data file of the readability counter loads and is well-formed."""

from __future__ import annotations

from blogtext.analyzers._readability_lexicon import (
    END_POLICIES,
    WHERE_VALUES,
    abbreviations,
    sentence_starters,
    syllable_exceptions,
)
from blogtext.data import read_lines, read_tsv


def test_readability_data_abbreviations_wellformed() -> None:
    rows = read_tsv("readability", "abbreviations.tsv")
    assert all(len(row) == 5 for row in rows)
    keys = [row[0].lower() for row in rows]
    assert keys == sorted(keys)
    assert len(abbreviations()) == len(rows)  # no two spellings share a key
    for entry in abbreviations().values():
        assert entry.text.endswith(".")
        assert entry.ends in END_POLICIES
        assert entry.syllables >= 1
        assert entry.spoken


def test_readability_data_syllables_wellformed() -> None:
    rows = read_tsv("readability", "syllables.tsv")
    assert all(len(row) == 4 for row in rows)
    keys = [row[0] for row in rows]
    assert keys == sorted(keys)
    assert len(set(keys)) == len(keys)
    for entry in syllable_exceptions().values():
        assert entry.text == entry.text.lower() and entry.text.isalnum()
        assert entry.where in WHERE_VALUES
        assert entry.syllables >= 1


def test_readability_data_starters_wellformed() -> None:
    lines = read_lines("readability", "sentence_starters.txt")
    assert lines == sorted(lines)
    assert len(set(lines)) == len(lines)
    assert all(word[0].isupper() for word in sentence_starters())
