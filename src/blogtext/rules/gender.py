"""Gender-neutral phrasing rules (area ``gender``).

The analysis runs once per document (:func:`blogtext.analyzers.gender.analyze_gender`, result in
``context.analyses["gender"]``); each rule here turns its part of the result into findings.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from blogtext.model import Finding
from blogtext.rules.context import RuleContext
from blogtext.rules.registry import register


def _findings_of(context: RuleContext, rule_id: str) -> Iterator[Finding]:
    analysis = context.analyses.get("gender")
    if analysis is None:
        return
    for raw in analysis.findings:
        if raw.rule == rule_id:
            yield context.finding(
                raw.start, raw.end, raw.message, raw.suggestions, severity=raw.severity
            )


@register("gender/generic-masculine", "warning")
def generic_masculine(context: RuleContext) -> Iterator[Finding]:
    """A masculine person noun used for people in general ("Kunden", "Kooperationspartner").

    ## What it flags
    Person nouns in masculine form that stand for people of any gender: "die Kunden",
    "unsere Mitarbeiter", "den Kooperationspartnern", "ein Berater". Compounds are split on
    their head ("Bestandskunden" → Kunde). The suggestion is inflected for case and number in
    the target style (`style`), with a neutral alternative first where a good one exists
    ("Kunden" → "Kundschaft", "Mitarbeiter" → "Mitarbeitende").

    Not flagged: epicene nouns (Mensch, Person, Gast, Mitglied), things that share the form
    (der Drucker, die Leiter), named individuals ("Herr Müller, unser Berater"), nouns inside
    an inclusive form or Paarform ("Kundinnen und Kunden"), proper names, organisations in
    apposition ("unser Partner, die Muster GmbH"), and terms on the allowlist.

    ## Why it matters
    Readers read the generic masculine as male: studies on German (e.g. Stahlberg & Sczesny
    2001; Gygax et al. 2008) show that masculine forms make readers think of men first. A
    business blog that wants to address all customers, applicants and partners loses part of
    its audience.

    ## Example
    Unsere Kunden erwarten schnelle Antworten.

    ## Use instead
    Unsere Kundschaft erwartet schnelle Antworten.

    ## Options
    - `style`: target style of suggestions (doppelpunkt, stern, unterstrich, binnen-i, paarform, neutral).
    - `allow`: words never flagged (config key `allow = ["Partner"]`).
    - `gender.skip-organisations` (default true), `gender.downgrade-with-disclaimer` (default false).

    ## Known limitations
    A specific man without a name ("unser Geschäftsführer") is flagged; adjectival nouns
    ("ein Angestellter") are not. Suggestions replace the noun, not its article.

    ## References
    - Duden: Geschickt gendern (2017)
    - Stahlberg, D. & Sczesny, S. (2001): Effekte des generischen Maskulinums. Psychologische Rundschau 52.
    """
    yield from _findings_of(context, "gender/generic-masculine")


@register("gender/generic-pronoun", "warning")
def generic_pronoun(context: RuleContext) -> Iterator[Finding]:
    """A masculine pronoun pattern used generically ("jeder, der …", "der Eine … der Andere").

    ## What it flags
    "jeder, der …", "wer …, der …", "keiner, der …", "jemand … seine …", "der Eine … der
    Andere" and "der eine oder andere" – the span of the whole pattern.

    ## Why it matters
    The pronoun refers back to everyone but is masculine, so the sentence reads as if only
    men were meant – even when the nouns around it are inclusive.

    ## Example
    Wer mit uns arbeiten möchte, der schreibt uns eine Nachricht.

    ## Use instead
    Wer mit uns arbeiten möchte, schreibt uns eine Nachricht.

    ## Options
    None.

    ## Known limitations
    Patterns are matched on the text, not on a parse: "jeder … er" can pick up an "er" that
    refers to someone else.

    ## References
    - Duden: Geschickt gendern (2017), chapter on pronouns
    """
    yield from _findings_of(context, "gender/generic-pronoun")


@register("gender/gendered-compound", "warning")
def gendered_compound(context: RuleContext) -> Iterator[Finding]:
    """A compound that names a sex in the word itself ("Fachmann", "Mannstunden").

    ## What it flags
    Compounds with -mann/-männer/-frau or Mann-/Manns- where a neutral word exists:
    "Fachmann" → "Fachkraft", "Mannstunden" → "Personenstunden", "Putzfrau" →
    "Reinigungskraft", "Feuerwehrmänner" → "Feuerwehrleute".

    ## Why it matters
    These words state a sex where none is meant; the neutral compound is as short and precise.

    ## Example
    Für die Umstellung brauchen wir einen Fachmann.

    ## Use instead
    Für die Umstellung brauchen wir eine Fachkraft.

    ## Options
    None; the word list is `data/gender/gendered_compounds.tsv`.

    ## Known limitations
    Only compounds on the list are found.

    ## References
    - LanguageTool German rules on -mann/-frau compounds
    """
    yield from _findings_of(context, "gender/gendered-compound")


@register("gender/parenthetical-form", "warning")
def parenthetical_form(context: RuleContext) -> Iterator[Finding]:
    """The Klammer style ("Mitarbeiter(innen)"), which makes the feminine look optional.

    ## What it flags
    Forms with the feminine ending in brackets: "Mitarbeiter(innen)", "Kunde(n)/(in)".

    ## Why it matters
    Brackets mark what is optional; putting the feminine there says that women are an
    afterthought. Most style guides advise against it.

    ## Example
    Alle Mitarbeiter(innen) erhalten eine Schulung.

    ## Use instead
    Alle Mitarbeiter:innen erhalten eine Schulung.

    ## Options
    `style`: the style the suggestion uses.

    ## Known limitations
    None known.

    ## References
    - Duden: Geschickt gendern (2017)
    """
    yield from _findings_of(context, "gender/parenthetical-form")


@register("gender/mixed-styles", "warning")
def mixed_styles(context: RuleContext) -> Iterator[Finding]:
    """More than one inclusive style in a text, or inclusive forms next to generic masculine.

    ## What it flags
    One finding per document that uses, say, "Kund:innen" and "Mitarbeiter*innen", or
    "Kolleg:innen" next to generic "Kunden". The message lists each style with its count and
    lines. Neutral forms (Mitarbeitende, Team) mix with every style and are not counted.

    ## Why it matters
    Switching styles looks careless and makes readers wonder whether a difference is meant;
    inclusive forms next to generic masculine ones suggest the masculine ones are not inclusive.

    ## Example
    Unsere Kund:innen und Mitarbeiter*innen sind zufrieden.

    ## Use instead
    Unsere Kund:innen und Mitarbeiter:innen sind zufrieden.

    ## Options
    `style`: the style you want; suggestions of the other rules use it.

    ## Known limitations
    Only the first differing occurrence is highlighted; the others are listed in the message.

    ## References
    - Rat für deutsche Rechtschreibung: Geschlechtergerechte Schreibung (2021, 2023)
    """
    analysis = context.analyses.get("gender")
    if analysis is None:
        return
    for raw in analysis.findings:
        if raw.rule != "gender/mixed-styles":
            continue
        lines: dict[str, list[int]] = defaultdict(list)
        for related in raw.related:
            line = context.body.position(related.start)[0]
            if line not in lines[related.label]:
                lines[related.label].append(line)
        where = "; ".join(
            f"{label} on line(s) {', '.join(map(str, found[:8]))}" for label, found in lines.items()
        )
        yield context.finding(
            raw.start, raw.end, f"{raw.message} ({where})", raw.suggestions, raw.severity
        )


@register("gender/disclaimer", "info")
def disclaimer(context: RuleContext) -> Iterator[Finding]:
    """A Generalklausel: a note that masculine forms are meant to include everyone.

    ## What it flags
    "Alle Formulierungen betreffen sowohl die männliche wie auch die weibliche Ansprache",
    "Aus Gründen der besseren Lesbarkeit wird … das generische Maskulinum verwendet",
    "… gelten gleichermaßen für alle Geschlechter", "(m/w/d)" notes.

    ## Why it matters
    It is information, not a fault: the note shows the author cares, but readers still read
    the masculine forms as male. The other gender findings stay (configurable: downgraded to
    info with `gender.downgrade-with-disclaimer = true`).

    ## Example
    Aus Gründen der besseren Lesbarkeit wird in diesem Beitrag das generische Maskulinum verwendet.

    ## Use instead
    In diesem Beitrag sprechen wir alle Leserinnen und Leser an.

    ## Options
    None.

    ## Known limitations
    Only phrasings on the list `data/gender/disclaimers.txt` are found.

    ## References
    - Duden: Geschickt gendern (2017), on Generalklauseln
    """
    yield from _findings_of(context, "gender/disclaimer")
