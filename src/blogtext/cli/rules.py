"""``blogtext rules`` – list the rules, or explain one."""

from __future__ import annotations

import click


@click.group(invoke_without_command=True)
@click.pass_context
def rules(ctx: click.Context) -> None:
    """List every rule with its id, default level and summary.

    \b
    Example:
        blogtext rules
        blogtext rules explain gender/generic-masculine
    """
    if ctx.invoked_subcommand is None:
        from blogtext.rules.registry import all_rules

        listed = all_rules()
        width = max((len(rule.id) for rule in listed), default=10)
        for rule in listed:
            state = "" if rule.enabled else " (off by default)"
            click.echo(f"{rule.id:<{width}}  {rule.severity:<7}  {rule.summary}{state}")


@rules.command()
@click.argument("rule_id")
def explain(rule_id: str) -> None:
    """Print a rule's documentation with its examples.

    \b
    Example:
        blogtext rules explain readability/long-sentence
    """
    from blogtext.rules.registry import get_rule

    rule = get_rule(rule_id)
    click.echo(f"{rule.id}  (default level: {rule.severity}, {rule.status})\n")
    click.echo(rule.doc)
    if rule.options:
        click.echo("\nDefaults: " + ", ".join(f"{k} = {v!r}" for k, v in rule.options.items()))
