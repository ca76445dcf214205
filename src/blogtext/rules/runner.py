"""Run the enabled rules over one document and apply configured levels."""

from __future__ import annotations

from dataclasses import replace

from blogtext.model import Finding
from blogtext.rules.context import RuleContext
from blogtext.rules.registry import Rule, all_rules, get_rule, normalise_level


def effective_level(rule: Rule, configured: dict[str, str]) -> str:
    """The level a rule runs at: configured (``off`` disables) or its default."""
    if rule.id in configured:
        return normalise_level(configured[rule.id])
    return rule.severity if rule.enabled else "off"


def validate_rule_levels(configured: dict[str, str]) -> None:
    """Raise :class:`~blogtext.errors.RuleError` for unknown rule ids or levels."""
    for rule_id, level in configured.items():
        get_rule(rule_id)
        normalise_level(level)


def run_rules(context: RuleContext) -> list[Finding]:
    """Findings of every enabled rule, sorted by position then rule id.

    A configured level replaces the severities a rule chose per finding; otherwise a rule
    may grade its own findings (a 35-word sentence is an error, a 22-word one a warning).
    """
    configured = context.settings.rules
    findings: list[Finding] = []
    for rule in all_rules():
        level = effective_level(rule, configured)
        if level == "off":
            continue
        context.rule = rule
        for finding in rule.check(context):
            findings.append(replace(finding, severity=level) if rule.id in configured else finding)
    context.rule = None
    return sorted(findings, key=lambda f: (f.line, f.column, f.rule))
