"""What a rule's check function sees: the post, its body, the Doc, the analyses, its options."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from blogtext.config import Settings
from blogtext.model import BodyText, Finding, Post, Segments

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from blogtext.rules.registry import Rule


@dataclass
class RuleContext:
    """Inputs of one rule run over one document.

    ``doc`` is ``None`` when no German pipeline ran (rules that need it then yield nothing);
    ``analyses`` holds results computed once per document (``"readability"``, ``"gender"``).
    """

    post: Post
    segments: Segments
    body: BodyText
    doc: Doc | None
    settings: Settings
    analyses: dict[str, Any] = field(default_factory=dict)
    rule: Rule | None = None

    def option(self, name: str) -> Any:
        """A rule option: ``[tool.blogtext.thresholds."<rule id>"]`` in the config, else the default."""
        assert self.rule is not None
        configured = self.settings.options.get("thresholds", {}).get(self.rule.id, {})
        if name in configured:
            return configured[name]
        return self.rule.options[name]

    def finding(
        self,
        start: int,
        end: int,
        message: str,
        suggestions: tuple[str, ...] | list[str] = (),
        severity: str | None = None,
    ) -> Finding:
        """A finding over ``body.text[start:end]``, positioned in the input file."""
        assert self.rule is not None
        line, column = self.body.position(start)
        end_line, end_column = self.body.position(max(start, end))
        return Finding(
            rule=self.rule.id,
            severity=severity or self.rule.severity,
            message=message,
            line=line,
            column=column,
            end_line=end_line,
            end_column=end_column,
            text=self.body.text[start:end],
            suggestions=tuple(suggestions),
        )
