"""Fixtures of the report tests (data in report_samples.py)."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from report_samples import hostile_report, hostile_text


@pytest.fixture
def report() -> dict[str, Any]:
    """A fresh copy of the hostile report."""
    return copy.deepcopy(hostile_report())


@pytest.fixture
def source_lines() -> dict[int, str]:
    """Input line number → text of the hostile post."""
    return dict(enumerate(hostile_text().split("\n"), start=1))
