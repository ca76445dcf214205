"""``lint --jobs 2`` gives exactly the findings of an in-process run."""

from __future__ import annotations

import pytest

from blogtext.lint import LintOptions, lint_paths
from blogtext.lint.json import lint_to_dict

DRAFT = """---
title: Entwurf {n}
---

# Kundenbindung, Teil {n}

Unsere Kunden erwarten eigentlich schnelle Antworten, und jeder Mitarbeiter, der am Telefon
sitzt, sollte die wichtigsten Fragen kennen. Die Durchführung einer Schulung zur Verbesserung
der Beantwortung von Anfragen ist quasi Pflicht.
"""


@pytest.mark.model
def test_lint_jobs_two_equals_in_process(tmp_path):
    posts = tmp_path / "posts"
    posts.mkdir()
    for n in range(10):
        (posts / f"entwurf-{n}.md").write_text(DRAFT.format(n=n), encoding="utf-8")
    results = []
    for jobs in (1, 2):
        options = LintOptions(fail_level="none", use_cache=False, jobs=jobs)
        results.append(lint_to_dict(lint_paths([posts], options=options)))
    assert results[0]["findings"] == results[1]["findings"]
    assert len(results[0]["findings"]) >= 10
