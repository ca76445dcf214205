"""``--format sarif``: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

What GitHub reads (docs "SARIF support for code scanning"): ``tool.driver`` with ``rules``
(id, short/full description, help, default level), ``results`` with ``ruleId``/``ruleIndex``,
``level``, ``message.text``, one ``physicalLocation`` (relative ``uri`` + ``region``) and
``partialFingerprints`` so an alert keeps its identity when lines above it move. Columns are
Unicode code points (``columnKind``), 1-based, ``endColumn`` exclusive, as in our findings.

The fingerprint hashes the rule, the file and the flagged text (whitespace-normalised) plus
the occurrence number of that triple in the file: stable when text is inserted elsewhere,
new when the flagged words change.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import quote

from blogtext import __version__
from blogtext.lint.result import LEVEL_NAMES, LintFinding, LintResult
from blogtext.rules.registry import Rule

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVELS = {"error": "error", "warning": "warning", "info": "note"}
FINGERPRINT_KEY = "blogtext/v1"


def lint_to_sarif(result: LintResult) -> dict[str, Any]:
    """The SARIF log of one lint run (one ``run``)."""
    rules = list(result.rules)
    index = {rule.id: i for i, rule in enumerate(rules)}
    for item in result.shown:  # a rule that reported but is not in the catalog (defensive)
        if item.finding.rule not in index:
            index[item.finding.rule] = len(rules)
            rules.append(
                Rule(item.finding.rule, item.finding.severity, item.finding.rule, lambda c: [])
            )
    occurrences: Counter[tuple[str, str, str]] = Counter()
    results = [_result(item, index, occurrences) for item in result.shown]
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "blogtext",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": [_descriptor(rule) for rule in rules],
            }
        },
        "invocations": [_invocation(result)],
        "originalUriBaseIds": {"SRCROOT": {"uri": Path.cwd().resolve().as_uri() + "/"}},
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    if result.pipeline:
        run["properties"] = {"pipeline": result.pipeline}
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}


def render_sarif(result: LintResult) -> str:
    """The SARIF log as indented JSON."""
    return json.dumps(lint_to_sarif(result), ensure_ascii=False, indent=2) + "\n"


def _descriptor(rule: Rule) -> dict[str, Any]:
    what = rule.section("What it flags") or rule.summary
    why = rule.section("Why it matters")
    full = f"{what}\n\n{why}".strip()
    return {
        "id": rule.id,
        "name": _camel(rule.id),
        "shortDescription": {"text": rule.summary or rule.id},
        "fullDescription": {"text": full or rule.summary or rule.id},
        "help": {"text": rule.doc or rule.summary or rule.id, "markdown": _help_markdown(rule)},
        "defaultConfiguration": {
            "enabled": rule.enabled,
            "level": _LEVELS[LEVEL_NAMES[rule.severity]],
        },
        "properties": {"tags": [rule.area, "german", "prose"], "status": rule.status},
    }


def _help_markdown(rule: Rule) -> str:
    doc = rule.doc or rule.summary or rule.id
    # Rule docs use "## Heading"; GitHub renders help below its own title, so one level down.
    return "\n".join("#" + line if line.startswith("## ") else line for line in doc.splitlines())


def _camel(rule_id: str) -> str:
    pattern = rule_id.split("/", 1)[-1]
    return "".join(part.capitalize() for part in pattern.split("-"))


def _result(
    item: LintFinding, index: dict[str, int], occurrences: Counter[tuple[str, str, str]]
) -> dict[str, Any]:
    f = item.finding
    start_line, start_column = max(f.line, 1), max(f.column, 1)
    end_line = max(f.end_line, start_line)
    end_column = max(f.end_column, 1)
    if end_line == start_line and end_column <= start_column:
        end_column = start_column + 1  # SARIF: endColumn is exclusive, so at least start + 1
    identity = (f.rule, item.path, " ".join(f.text.split()).casefold())
    occurrences[identity] += 1
    digest = hashlib.sha256("\0".join(identity).encode("utf-8")).hexdigest()[:32]
    location: dict[str, Any] = {
        "physicalLocation": {
            "artifactLocation": {"uri": _uri(item.path), "uriBaseId": "SRCROOT"},
            "region": {
                "startLine": start_line,
                "startColumn": start_column,
                "endLine": end_line,
                "endColumn": end_column,
            },
        }
    }
    if f.text:
        location["physicalLocation"]["region"]["snippet"] = {"text": f.text}
    result: dict[str, Any] = {
        "ruleId": f.rule,
        "ruleIndex": index[f.rule],
        "level": _LEVELS[LEVEL_NAMES[f.severity]],
        "message": {"text": _message(item)},
        "locations": [location],
        "partialFingerprints": {FINGERPRINT_KEY: f"{digest}:{occurrences[identity]}"},
    }
    if item.record is not None:
        result["properties"] = {"record": item.record}
    return result


def _message(item: LintFinding) -> str:
    f = item.finding
    message = " ".join(f.message.split())
    if f.suggestions:
        message += " Vorschlag: " + ", ".join(f.suggestions)
    return message


def _uri(path: str) -> str:
    """A relative URI reference for a display path (absolute paths become file URIs)."""
    candidate = Path(path)
    if candidate.is_absolute():
        return candidate.as_uri()
    return quote(candidate.as_posix(), safe="/")


def _invocation(result: LintResult) -> dict[str, Any]:
    notifications = [
        {
            "level": "error",
            "message": {"text": f"{error.location}: {error.problem}"},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": _uri(error.location.split(":")[0])}
                    }
                }
            ],
        }
        for error in result.errors
    ]
    invocation: dict[str, Any] = {
        "executionSuccessful": not result.errors,
        "exitCode": int(result.exit_code),
    }
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    return invocation
