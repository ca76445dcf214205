"""Fixtures for lint tests: tiny ``test/…`` rules and an engine that runs only them.

The real rules are being written in parallel and need the German pipeline; lint's behaviour
(levels, suppression, formats, config, cache, git) is tested against rules registered here,
over a rules-only engine (segment → body text → ``run_rules``, no spaCy Doc).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from blogtext.config import Settings
from blogtext.model import BodyText, Finding, Post
from blogtext.rules import registry, runner
from blogtext.rules.context import RuleContext
from blogtext.segment import segment_post

TEST_RULE_IDS = ("test/kunden", "test/mitarbeiter", "test/hinweis")


def _word_rule(word: str, message: str):
    def check(context: RuleContext) -> Iterator[Finding]:
        for match in re.finditer(rf"\b{word}\b", context.body.text):
            yield context.finding(match.start(), match.end(), message.format(text=match.group()))

    return check


def _kunden(context: RuleContext) -> Iterator[Finding]:
    """Flags the word "Kunden" (test rule).

    ## What it flags
    The word „Kunden“.

    ## Why it matters
    Tests need a rule with a predictable finding.

    ## Example
    Liebe Kunden, willkommen.

    ## Use instead
    Liebe Kundschaft, willkommen.

    ## Options
    None.

    ## Known limitations
    None.

    ## References
    None.
    """
    yield from _word_rule("Kunden", "„{text}“: generisches Maskulinum, besser „Kundschaft“")(
        context
    )


def _mitarbeiter(context: RuleContext) -> Iterator[Finding]:
    """Flags the word "Mitarbeiter" (test rule, error).

    ## What it flags
    The word „Mitarbeiter“.

    ## Why it matters
    Tests need an error-level rule.

    ## Example
    Unsere Mitarbeiter helfen.

    ## Use instead
    Unser Team hilft.

    ## Options
    - `limit`: unused number, to test threshold validation.

    ## Known limitations
    None.

    ## References
    None.
    """
    yield from _word_rule("Mitarbeiter", "„{text}“: bitte geschlechtergerecht formulieren")(context)


def _hinweis(context: RuleContext) -> Iterator[Finding]:
    """Flags the word "Newsletter" as a suggestion (test rule, info).

    ## What it flags
    The word „Newsletter“.

    ## Why it matters
    Tests need an info-level rule.

    ## Example
    Abonnieren Sie den Newsletter.

    ## Use instead
    Abonnieren Sie unsere Rundbriefe.

    ## Options
    None.

    ## Known limitations
    None.

    ## References
    None.
    """
    yield from _word_rule("Newsletter", "„{text}“: Anglizismus, z. B. „Rundbrief“")(context)


@pytest.fixture
def test_rules(monkeypatch) -> Iterator[list[registry.Rule]]:
    """Register the ``test/…`` rules; the runner sees only them (real rules need spaCy)."""
    registry.register("test/kunden", "warning")(_kunden)
    registry.register("test/mitarbeiter", "error", options={"limit": 3})(_mitarbeiter)
    registry.register("test/hinweis", "info")(_hinweis)
    rules = [registry._RULES[rule_id] for rule_id in TEST_RULE_IDS]
    monkeypatch.setattr(runner, "all_rules", lambda: sorted(rules, key=lambda r: r.id))
    try:
        yield rules
    finally:
        for rule_id in TEST_RULE_IDS:
            registry._RULES.pop(rule_id, None)


class RulesEngine:
    """Findings from the registered rules without an NLP pipeline; counts its calls."""

    calls = 0

    def __init__(self, jobs: int = 1) -> None:
        self.jobs = jobs  # same signature as PipelineEngine; always in-process

    def analyze(self, posts: list[Post], settings: Settings) -> list[list[Finding]]:
        found = []
        for post in posts:
            type(self).calls += 1
            segments = segment_post(post)
            context = RuleContext(post, segments, BodyText(segments.body), None, settings)
            found.append(runner.run_rules(context))
        return found

    def identity(self, settings: Settings) -> str | None:
        return "test-engine:1"


@pytest.fixture
def engine(test_rules, monkeypatch) -> RulesEngine:
    """The rules-only engine, also used by ``blogtext lint`` on the command line."""
    import blogtext.lint.api as api

    RulesEngine.calls = 0
    monkeypatch.setattr(api, "PipelineEngine", RulesEngine)
    return RulesEngine()


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch) -> None:
    """Cache under tmp_path, no colour, no GitHub environment, cwd = tmp_path."""
    monkeypatch.setenv("BLOGTEXT_CACHE_DIR", str(tmp_path / ".cache"))
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.chdir(tmp_path)


def _lint_cli(*args: str):
    from click.testing import CliRunner

    from blogtext.cli.main import cli

    return CliRunner().invoke(cli, ["lint", *args], obj={}, catch_exceptions=False)


@pytest.fixture
def lint_cli():
    """Run ``blogtext lint ARGS`` in-process: ``lint_cli("posts", "--format", "line")``."""
    return _lint_cli
