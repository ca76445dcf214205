"""The theme word lists load, are sorted, have no duplicates and match their README."""

from __future__ import annotations

import re

import pytest

from blogtext.data import read_lines, read_text


@pytest.mark.parametrize("name", ["stop_nouns.txt", "stop_adjectives.txt"])
def test_themes_data_sorted_unique_and_counted(name: str) -> None:
    entries = read_lines("themes", name)
    assert entries, name
    assert len(entries) == len(set(e.casefold() for e in entries)), "duplicates"
    assert entries == sorted(entries, key=str.casefold), "not sorted"
    assert all(e == e.strip() and " " not in e for e in entries)
    readme = read_text("themes", "README.md")
    row = next(line for line in readme.splitlines() if line.startswith(f"| `{name}`"))
    assert re.search(rf"\| {len(entries)} \|$", row), f"README count for {name}"


def test_themes_data_stop_nouns_are_capitalised() -> None:
    assert all(word[0].isupper() for word in read_lines("themes", "stop_nouns.txt"))


def test_themes_data_stop_adjectives_are_lower_case() -> None:
    assert all(word.islower() for word in read_lines("themes", "stop_adjectives.txt"))
