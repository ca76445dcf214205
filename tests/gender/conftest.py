"""Fixtures for the gender analysis tests: pipelines are loaded once per session."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc


@pytest.fixture(scope="session")
def blank_nlp() -> Language:
    """A blank German pipeline: tokenizer only (no tags, no entities)."""
    return spacy.blank("de")


@pytest.fixture(scope="session")
def blank_doc(blank_nlp: Language) -> Callable[[str], Doc]:
    """Build a Doc with the blank pipeline."""
    return blank_nlp
