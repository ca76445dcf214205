"""Run the enabled rules over one document and apply configured levels."""

from __future__ import annotations

from dataclasses import replace

from blogtext.config import Settings
from blogtext.model import Finding
from blogtext.rules.context import RuleContext
from blogtext.rules.registry import Rule, all_rules, normalise_level


def effective_level(rule: Rule, configured: dict[str, str]) -> str:
    """The level a rule runs at: configured (``off`` disables) or its default."""
    if rule.id in configured:
        return normalise_level(configured[rule.id])
    return rule.severity if rule.enabled else "off"


def validate_settings(settings: Settings) -> None:
    """Raise :class:`~blogtext.errors.ConfigError` for unknown rule ids or rule options."""
    from blogtext.config import check_rule_references
    from blogtext.rules.registry import REDIRECTS

    known = {rule.id: tuple(rule.options) for rule in all_rules()}
    check_rule_references(settings, known, REDIRECTS)


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
