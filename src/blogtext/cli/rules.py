"""``blogtext rules`` – list the rules, or explain one."""

from __future__ import annotations

import click

from blogtext.cli.options import text_or_json_option


@click.group(invoke_without_command=True)
@text_or_json_option("A table, or JSON (id, level, status, enabled, summary, options).")
@click.pass_context
def rules(ctx: click.Context, output_format: str) -> None:
    """List every rule with its id, default level and summary.

    Rules in the lint/ area report on suppression comments (blogtext lint).

    \b
    Example:
        blogtext rules
        blogtext rules explain gender/generic-masculine
    """
    if ctx.invoked_subcommand is not None:
        return
    from blogtext.lint.api import rule_catalog

    listed = rule_catalog()
    if output_format == "json":
        import json

        rows = [
            {
                "id": rule.id,
                "level": rule.severity,
                "status": rule.status,
                "enabled": rule.enabled,
                "summary": rule.summary,
                "options": rule.options,
            }
            for rule in listed
        ]
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2, default=str))
        return
    width = max((len(rule.id) for rule in listed), default=10)
    for rule in listed:
        state = "" if rule.enabled else " (off by default)"
        preview = " [preview]" if rule.status == "preview" else ""
        click.echo(f"{rule.id:<{width}}  {rule.severity:<7}  {rule.summary}{preview}{state}")


@rules.command()
@click.argument("rule_id")
def explain(rule_id: str) -> None:
    """Print a rule's documentation with its examples.

    \b
    Example:
        blogtext rules explain readability/long-sentence
    """
    from blogtext.errors import RuleError
    from blogtext.lint.suppress import META_RULES
    from blogtext.rules.registry import get_rule

    meta = {rule.id: rule for rule in META_RULES}
    if rule_id in meta:
        rule = meta[rule_id]
    else:
        try:
            rule = get_rule(rule_id)
        except RuleError as error:
            raise click.BadParameter(str(error), param_hint="RULE_ID") from None
    click.echo(f"{rule.id}  (default level: {rule.severity}, {rule.status})\n")
    click.echo(rule.doc)
    if rule.options:
        click.echo("\nDefaults: " + ", ".join(f"{k} = {v!r}" for k, v in rule.options.items()))
