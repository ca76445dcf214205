"""Rule fixtures: YAML cases (text → rules that must and must not fire) and Markdown drafts
with the expected rule marked on the line (``<!-- expect: style/fuellwort -->``).

All texts are German, written for blogtext. They run through the real pipeline
(:func:`blogtext.pipeline.analyze_text`), so they need the German model.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from blogtext.config import Settings
from blogtext.rules.registry import all_rules

HERE = Path(__file__).parent
AREAS = ("readability", "style")
MARKER = re.compile(r"<!-- expect: ([a-z]+/[a-z0-9-]+(?:, *[a-z]+/[a-z0-9-]+)*) -->")


def _cases() -> list[Any]:
    params = []
    for area in AREAS:
        for case in yaml.safe_load((HERE / area / "cases.yaml").read_text(encoding="utf-8")):
            params.append(pytest.param(case, id=f"{area}:{case['id']}"))
    return params


CASES = _cases()


def _settings(case: dict[str, Any]) -> Settings:
    return Settings(
        rules=dict(case.get("rules", {})),
        options={"thresholds": dict(case.get("thresholds", {}))},
        allow=tuple(case.get("allow", ())),
    )


def _analyze(text: str, settings: Settings | None = None):
    from blogtext.pipeline import analyze_text

    return analyze_text(text, input_format="markdown", settings=settings)


def test_rules_cases_cover_every_rule_both_ways() -> None:
    """Every readability and style rule has a fixture that triggers it and one that does not."""
    expected, absent = set(), set()
    for param in CASES:
        case = param.values[0]
        expected |= {item.split(":")[0] for item in case.get("expect", ())}
        absent |= set(case.get("absent", ()))
    for path in (HERE / area / "draft.md" for area in AREAS):
        for match in MARKER.finditer(path.read_text(encoding="utf-8")):
            expected |= {r.strip() for r in match.group(1).split(",")}
    ours = {rule.id for rule in all_rules() if rule.area in AREAS}
    assert ours - expected == set(), "rules without a triggering fixture"
    assert ours - absent == set(), "rules without a passing fixture"


@pytest.mark.model
@pytest.mark.parametrize("case", CASES)
def test_rules_case(case: dict[str, Any]) -> None:
    report = _analyze(case["text"], _settings(case))
    found = {(f.rule, f.severity) for f in report.findings}
    rules_found = {rule for rule, _ in found}
    for item in case.get("expect", ()):
        rule, _, severity = item.partition(":")
        assert rule in rules_found, f"{rule} did not fire; found {sorted(rules_found)}"
        if severity:
            assert (rule, severity) in found, f"{rule} fired, but not as {severity}: {found}"
    for rule in case.get("absent", ()):
        messages = [f.message for f in report.findings if f.rule == rule]
        assert not messages, f"{rule} fired: {messages}"


@pytest.mark.model
@pytest.mark.parametrize("area", AREAS)
def test_rules_draft_markers(area: str) -> None:
    """Each marked line has its finding, on that line; the marked rules fire nowhere else."""
    text = (HERE / area / "draft.md").read_text(encoding="utf-8")
    marked: set[tuple[int, str]] = set()
    for number, line in enumerate(text.splitlines(), start=1):
        for match in MARKER.finditer(line):
            marked |= {(number, r.strip()) for r in match.group(1).split(",")}
    rules = {rule for _, rule in marked}
    report = _analyze(text)
    found = {(f.line, f.rule) for f in report.findings if f.rule in rules and f.severity != "info"}
    found |= {
        (f.line, f.rule) for f in report.findings if f.rule in rules and f.rule.startswith("style/")
    }
    assert found == marked
