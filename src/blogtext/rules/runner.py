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


def is_allowed(finding: Finding, allow: tuple[str, ...] | list[str]) -> bool:
    """Whether the flagged text is a term of the ``allow`` list (case-insensitive, exact)."""
    if not allow:
        return False
    flagged = finding.text.strip().casefold()
    return any(flagged == term.strip().casefold() for term in allow)


def run_rules(context: RuleContext) -> list[Finding]:
    """Findings of every enabled rule, sorted by position then rule id.

    A configured level replaces the severities a rule chose per finding; otherwise a rule
    may grade its own findings (a 35-word sentence is an error, a 22-word one a warning).
    Findings whose text is on the configured ``allow`` list are dropped.
    """
    configured = context.settings.rules
    allow = context.settings.allow
    findings: list[Finding] = []
    for rule in all_rules():
        level = effective_level(rule, configured)
        if level == "off":
            continue
        context.rule = rule
        for finding in rule.check(context):
            if is_allowed(finding, allow):
                continue
            findings.append(replace(finding, severity=level) if rule.id in configured else finding)
    context.rule = None
    return sorted(findings, key=lambda f: (f.line, f.column, f.rule))
