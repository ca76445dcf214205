"""The rule registry: one entry per user-visible check.

A rule is its check function plus metadata. The function's docstring is the rule's
documentation, with the fixed headings of :data:`DOC_HEADINGS` (like ruff's rule docs);
``blogtext rules explain ID``, SARIF ``rules[]`` and docs/rules.md are generated from it.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from blogtext.errors import RuleError
from blogtext.model import Finding

if TYPE_CHECKING:
    from blogtext.rules.context import RuleContext

#: Severity levels, lowest first. "suggestion" is accepted as a synonym of "info".
SEVERITIES = ("info", "warning", "error")
LEVEL_ALIASES = {"suggestion": "info", "note": "info"}
DOC_HEADINGS = (
    "What it flags",
    "Why it matters",
    "Example",
    "Use instead",
    "Options",
    "Known limitations",
    "References",
)
_ID = re.compile(r"[a-z]+/[a-z0-9]+(?:-[a-z0-9]+)*")

CheckFunction = Callable[["RuleContext"], Iterable[Finding]]


def normalise_level(level: str) -> str:
    """``suggestion`` → ``info``; raises :class:`RuleError` for unknown levels."""
    level = LEVEL_ALIASES.get(level, level)
    if level not in (*SEVERITIES, "off"):
        raise RuleError(
            f"unknown level '{level}' (use {', '.join((*SEVERITIES, 'suggestion', 'off'))})"
        )
    return level


def severity_rank(level: str) -> int:
    return SEVERITIES.index(normalise_level(level))


@dataclass(frozen=True)
class Rule:
    """A registered rule.

    Attributes:
        id: ``area/pattern-name``, stable forever (renames keep a redirect).
        severity: Default level (``info``/``warning``/``error``).
        summary: One line for listings.
        check: Function producing findings for one document.
        options: Option name → default value (thresholds, lists).
        status: ``stable`` or ``preview``.
        enabled: Whether the rule runs unless configured (``False`` = opt-in).
    """

    id: str
    severity: str
    summary: str
    check: CheckFunction
    options: dict[str, Any] = field(default_factory=dict)
    status: str = "stable"
    enabled: bool = True

    @property
    def area(self) -> str:
        return self.id.split("/", 1)[0]

    @property
    def doc(self) -> str:
        return inspect.cleandoc(self.check.__doc__ or "")

    def section(self, heading: str) -> str:
        """The text under one documentation heading (empty when missing)."""
        return doc_sections(self.doc).get(heading, "")


def doc_sections(doc: str) -> dict[str, str]:
    """Split a rule docstring into ``{heading: text}`` (headings as ``## Heading`` lines)."""
    sections: dict[str, str] = {}
    current = "_summary"
    buffer: list[str] = []
    for line in doc.splitlines():
        if line.startswith("## "):
            sections[current] = "\n".join(buffer).strip()
            current, buffer = line[3:].strip(), []
        else:
            buffer.append(line)
    sections[current] = "\n".join(buffer).strip()
    return sections


_RULES: dict[str, Rule] = {}
REDIRECTS: dict[str, str] = {}


def register(
    rule_id: str,
    severity: str,
    *,
    options: dict[str, Any] | None = None,
    status: str = "stable",
    enabled: bool = True,
) -> Callable[[CheckFunction], CheckFunction]:
    """Decorator: register ``func`` as the check of rule ``rule_id``."""
    if not _ID.fullmatch(rule_id):
        raise ValueError(f"rule id {rule_id!r} must look like area/pattern-name")
    if severity not in SEVERITIES:
        raise ValueError(f"rule {rule_id}: severity must be one of {SEVERITIES}")

    def decorator(func: CheckFunction) -> CheckFunction:
        if rule_id in _RULES:
            raise ValueError(f"rule {rule_id} registered twice")
        summary = inspect.cleandoc(func.__doc__ or "").split("\n", 1)[0].strip()
        _RULES[rule_id] = Rule(
            rule_id, severity, summary, func, dict(options or {}), status, enabled
        )
        return func

    return decorator


def all_rules() -> list[Rule]:
    """Every registered rule, sorted by id (imports the catalog first)."""
    import blogtext.rules.catalog  # noqa: F401 - registers the rule modules

    return sorted(_RULES.values(), key=lambda rule: rule.id)


def get_rule(rule_id: str) -> Rule:
    """The rule with this id (following redirects of renamed ids)."""
    rules = {rule.id: rule for rule in all_rules()}
    rule_id = REDIRECTS.get(rule_id, rule_id)
    if rule_id not in rules:
        raise RuleError(f"unknown rule '{rule_id}' (see `blogtext rules`)")
    return rules[rule_id]
