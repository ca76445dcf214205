"""Replacement suggestions for a generic masculine noun, in a target inclusive style.

A suggestion replaces the flagged noun only; a preceding article is left as written (many
style guides accept "den Kund:innen", "die Kund:in" needs the author's eye). Feminine nouns do
not inflect for case, so only the number matters for gendered forms; neutral Partizip nouns
("Mitarbeitende") inflect like adjectives and take the case and the article into account.
"""

from __future__ import annotations

from blogtext.analyzers._gender_lexicon import Lexicon, NounMatch

#: Target styles the suggestions support, in the order DESIGN.md lists them.
TARGET_STYLES = ("doppelpunkt", "stern", "unterstrich", "binnen-i", "paarform", "neutral")
_SEPARATOR = {"doppelpunkt": ":", "stern": "*", "unterstrich": "_"}


def feminine_stem(match: NounMatch) -> str:
    """The whole word's feminine stem: "Kooperations" + "partner", "B2B-" + "Kund"."""
    stem = match.noun.feminine_stem
    if match.prefix and not match.prefix.endswith("-"):
        stem = stem[0].lower() + stem[1:]
    return match.prefix + stem


def gendered_form(match: NounMatch, number: str, style: str) -> str:
    """The noun in an inclusive style ("Kund:innen", "KundInnen", "Kundinnen und Kunden")."""
    stem = feminine_stem(match)
    ending = "innen" if number == "pl" else "in"
    if style in _SEPARATOR:
        return f"{stem}{_SEPARATOR[style]}{ending}"
    if style == "binnen-i":
        return f"{stem}{ending.capitalize()}"
    # Paarform: feminine first; a compound repeats only its head ("… und -partnern").
    conj = "und" if number == "pl" else "oder"
    masc = match.word
    if match.prefix and not match.prefix.endswith("-"):
        masc = "-" + match.head.lower()
    return f"{stem}{ending} {conj} {masc}"


def neutral_forms(
    lex: Lexicon, match: NounMatch, number: str, case: str | None, determiner: bool
) -> list[str]:
    """Neutral alternatives from the table, inflected ("den Mitarbeitenden", "Mitarbeitende")."""
    whole = match.prefix + match.head.lower() if match.prefix else match.head
    out: list[str] = []
    for lemma, compound in ((whole, False), (match.noun.lemma, bool(match.prefix))):
        for alt in lex.alternatives.get(lemma, ()):
            if alt.number != number or (compound and alt.kind != "partizip"):
                continue
            text = alt.text
            if alt.kind == "partizip":
                # Weak ending after an article ("die/den/der Mitarbeitenden"), strong without.
                if determiner or case == "dat":
                    text += "n"
                elif case == "gen":
                    text += "r"
            if compound:
                text = match.prefix + (text if match.prefix.endswith("-") else text.lower())
            if text not in out:
                out.append(text)
        if out:
            break
    return out


def suggestions(
    lex: Lexicon,
    match: NounMatch,
    number: str,
    case: str | None,
    style: str,
    determiner: bool,
) -> tuple[str, ...]:
    """Neutral alternatives first (where the table has a good one), then the target style.

    With ``style="neutral"`` and no neutral alternative, the Doppelpunkt form is offered so
    the author always gets a suggestion.
    """
    out = neutral_forms(lex, match, number, case, determiner)
    target = "doppelpunkt" if style == "neutral" else style
    out.append(gendered_form(match, number, target))
    return tuple(out)
