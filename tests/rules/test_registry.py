"""One parametrized walk over the rule registry (STYLE.md §3).

Every rule has all documentation headings; its Example triggers it and its Use-instead text
does not (through the real pipeline); its id matches the module's area; every option its docs
name is a real option, and every option it has is documented.
"""

from __future__ import annotations

import re
from dataclasses import fields

import pytest

from blogtext.analyzers.gender import GenderOptions
from blogtext.config import Settings
from blogtext.rules.registry import DOC_HEADINGS, SEVERITIES, Rule, all_rules

RULES = all_rules()
#: Settings keys a rule's Options section may name besides its own options.
SETTINGS_KEYS = {"style", "allow"} | {
    f"gender.{f.name.replace('_', '-')}" for f in fields(GenderOptions) if f.name != "style"
}
#: An option named at the start of an Options line: "- `max-words`: …" or "`style`: …".
OPTION_AT_LINE_START = re.compile(r"^(?:- )?`([^`\s]+)`")


def _ids(rule: Rule) -> str:
    return rule.id


def _enabled_everything(rule: Rule) -> Settings:
    """Default settings, with an opt-in rule switched on at its own severity."""
    return Settings(rules={} if rule.enabled else {rule.id: rule.severity})


def test_registry_has_every_area() -> None:
    areas = {rule.area for rule in RULES}
    assert {"gender", "readability", "style"} <= areas


@pytest.mark.parametrize("rule", RULES, ids=_ids)
def test_registry_rule_has_every_heading(rule: Rule) -> None:
    for heading in DOC_HEADINGS:
        assert rule.section(heading), f"{rule.id}: missing or empty '## {heading}'"
    assert rule.summary, f"{rule.id}: the docstring's first line is the summary"


@pytest.mark.parametrize("rule", RULES, ids=_ids)
def test_registry_rule_metadata(rule: Rule) -> None:
    assert rule.severity in SEVERITIES
    assert rule.status in ("stable", "preview")
    module_area = rule.check.__module__.rsplit(".", 1)[-1]
    assert module_area == rule.area, f"{rule.id} is defined in {rule.check.__module__}"
    name = rule.id.split("/", 1)[1]
    assert not name.startswith(("no-", "avoid-")), "ids name the pattern, not the advice"


@pytest.mark.parametrize("rule", RULES, ids=_ids)
def test_registry_options_are_real(rule: Rule) -> None:
    options_doc = rule.section("Options")
    named = {
        match.group(1)
        for line in options_doc.splitlines()
        if (match := OPTION_AT_LINE_START.match(line.strip()))
    }
    for option in named:
        assert option in rule.options or option in SETTINGS_KEYS, (
            f"{rule.id}: Options names unknown option `{option}`"
        )
    for option in rule.options:
        assert f"`{option}`" in options_doc, f"{rule.id}: option `{option}` is not documented"


@pytest.mark.model
@pytest.mark.parametrize("rule", RULES, ids=_ids)
def test_registry_example_triggers_and_use_instead_passes(rule: Rule) -> None:
    from blogtext.pipeline import analyze_text

    settings = _enabled_everything(rule)
    example = analyze_text(rule.section("Example"), input_format="markdown", settings=settings)
    assert any(f.rule == rule.id for f in example.findings), (
        f"{rule.id}: its Example does not trigger it"
    )
    fixed = analyze_text(rule.section("Use instead"), input_format="markdown", settings=settings)
    wrong = [f"{f.line}:{f.column} {f.message}" for f in fixed.findings if f.rule == rule.id]
    assert not wrong, f"{rule.id}: its Use-instead text triggers it: {wrong}"
