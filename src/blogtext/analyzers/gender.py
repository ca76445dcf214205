"""Gender-neutral phrasing: inclusive forms, generic masculine, pronouns, compounds, disclaimer.

:func:`analyze_gender` is a pure function over a parsed German ``Doc``; it returns a frozen
:class:`GenderAnalysis` whose findings carry character offsets into ``doc.text``. Turning
offsets into input lines (``BodyText.position``), rule severities from the configuration and
the CLI live elsewhere.

Order of work: inclusive forms are found first (on the raw text, since the tokenizer splits
"Kund:innen"), and everything they cover is excluded from the generic masculine check, so a
Paarform member ("Kundinnen und *Kunden*") is never flagged.

Rules produced here (ids as in the rule registry):

``gender/generic-masculine`` (warning)
    A masculine person noun used for people in general ("die Kooperationspartner").
``gender/generic-pronoun`` (warning)
    "jeder, der …", "wer …, der …", "der Eine … der Andere", "jemand … seine".
``gender/gendered-compound`` (warning)
    A compound that names a sex ("Fachmann", "Mannstunden", "Putzfrau").
``gender/parenthetical-form`` (warning)
    The Klammer style ("Mitarbeiter(innen)"), which makes the feminine look optional.
``gender/mixed-styles`` (warning)
    More than one inclusive style, or inclusive forms next to generic masculine nouns.
``gender/disclaimer`` (info)
    A Generalklausel ("Alle Formulierungen betreffen sowohl die männliche wie auch …").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc

from blogtext.analyzers._doc_tokens import doc_tokens
from blogtext.analyzers._gender_inclusive import (
    find_disclaimer,
    find_footnote_markers,
    find_inclusive,
)
from blogtext.analyzers._gender_lexicon import load_lexicon
from blogtext.analyzers._gender_nouns import CompoundHit, NounHit, find_nouns
from blogtext.analyzers._gender_pronouns import find_generic_pronouns
from blogtext.analyzers._gender_suggest import TARGET_STYLES, gendered_form, suggestions

__all__ = [
    "RULES",
    "STYLES",
    "TARGET_STYLES",
    "Disclaimer",
    "GenderAnalysis",
    "GenderFinding",
    "GenderOptions",
    "InclusiveForm",
    "RelatedSpan",
    "analyze_gender",
]

#: Every style an inclusive form can have. "neutral" forms (Mitarbeitende, Team) are recorded
#: but do not count as a style for ``gender/mixed-styles``: mixing them with any style is good
#: practice, not inconsistency.
STYLES = (
    "paarform",
    "schraegstrich",
    "binnen-i",
    "stern",
    "doppelpunkt",
    "unterstrich",
    "klammer",
    "neutral",
)
#: Rule id → default severity.
RULES = {
    "gender/generic-masculine": "warning",
    "gender/generic-pronoun": "warning",
    "gender/gendered-compound": "warning",
    "gender/parenthetical-form": "warning",
    "gender/mixed-styles": "warning",
    "gender/disclaimer": "info",
}


@dataclass(frozen=True)
class GenderOptions:
    """Settings of the analysis (the lead maps ``[tool.blogtext.gender]`` onto these).

    Attributes:
        style: Target style for suggestions, one of :data:`TARGET_STYLES`.
        skip_organisations: Do not flag a person noun in apposition with a company
            ("unser Partner, die Muster GmbH").
        downgrade_with_disclaimer: Report generic masculine nouns and pronouns as ``info``
            when the text has a Generalklausel.
        allowlist: Word forms or lemmas never flagged as generic masculine.
    """

    style: str = "doppelpunkt"
    skip_organisations: bool = True
    downgrade_with_disclaimer: bool = False
    allowlist: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        if self.style not in TARGET_STYLES:
            raise ValueError(f"unknown gender style {self.style!r}; use one of {TARGET_STYLES}")


@dataclass(frozen=True, slots=True)
class InclusiveForm:
    """An inclusive form in the text (``kind``: noun, pronoun, paarform, neutral)."""

    text: str
    style: str
    kind: str
    start: int
    end: int


@dataclass(frozen=True)
class Disclaimer:
    """A Generalklausel: the sentence (or footnote line) that holds it."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class RelatedSpan:
    """A further place a finding refers to (``gender/mixed-styles`` lists every occurrence)."""

    label: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class GenderFinding:
    """One raw finding; ``start``/``end`` are character offsets into the analysed text."""

    rule: str
    severity: str
    message: str
    start: int
    end: int
    text: str
    suggestions: tuple[str, ...] = ()
    related: tuple[RelatedSpan, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Plain dict (offsets, no line numbers)."""
        out: dict[str, Any] = {
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "suggestions": list(self.suggestions),
        }
        if self.related:
            out["related"] = [
                {"label": r.label, "start": r.start, "end": r.end} for r in self.related
            ]
        return out


@dataclass(frozen=True)
class GenderAnalysis:
    """Everything the gender analysis found in one text.

    Attributes:
        inclusive_forms: Inclusive forms in text order.
        styles_used: Styles found (neutral included), in :data:`STYLES` order.
        style_counts: Occurrences per style.
        generic_masculine: Number of generic masculine nouns flagged.
        words: Number of word tokens (the density's denominator).
        density_per_1000: Generic masculine nouns per 1,000 words; ``None`` for an empty text.
        disclaimer: The Generalklausel, if any.
        findings: Raw findings in text order (mixed-styles last).
    """

    inclusive_forms: tuple[InclusiveForm, ...]
    styles_used: tuple[str, ...]
    style_counts: dict[str, int]
    generic_masculine: int
    words: int
    density_per_1000: float | None
    disclaimer: Disclaimer | None
    findings: tuple[GenderFinding, ...] = field(default=())

    def to_dict(self, position: Callable[[int], tuple[int, int]] | None = None) -> dict[str, Any]:
        """The ``gender`` part of the per-post JSON report (DESIGN.md).

        Args:
            position: Maps a character offset to a 1-based (line, column); when given,
                every form and the disclaimer get a ``line`` key as DESIGN.md shows.
        """

        def place(start: int) -> dict[str, int]:
            return {"line": position(start)[0]} if position else {}

        return {
            "inclusive_forms": [
                {"text": f.text, "style": f.style, "kind": f.kind, "start": f.start, "end": f.end}
                | place(f.start)
                for f in self.inclusive_forms
            ],
            "styles_used": list(self.styles_used),
            "style_counts": dict(self.style_counts),
            "generic_masculine": {
                "count": self.generic_masculine,
                "words": self.words,
                "per_1000_words": self.density_per_1000,
            },
            "disclaimer": (
                None
                if self.disclaimer is None
                else {
                    "text": self.disclaimer.text,
                    "start": self.disclaimer.start,
                    "end": self.disclaimer.end,
                }
                | place(self.disclaimer.start)
            ),
        }


def analyze_gender(doc: Doc, options: GenderOptions | None = None) -> GenderAnalysis:
    """Analyse gender-neutral phrasing in a parsed German text.

    Args:
        doc: A ``Doc`` from a German pipeline; tokens, entities and sentence starts are used
            when present (a blank pipeline works, with fewer exceptions for names).
        options: Settings; defaults to :class:`GenderOptions`.

    Returns:
        The analysis; finding offsets index ``doc.text``.
    """
    opts = options or GenderOptions()
    lex = load_lexicon()
    tokens = doc_tokens(doc)
    text = tokens.text
    forms = [
        InclusiveForm(f.text, f.style, f.kind, f.start, f.end) for f in find_inclusive(text, lex)
    ]
    blocked = [(f.start, f.end) for f in forms if f.kind != "neutral"]
    blocked += find_footnote_markers(text)
    nouns, compounds = find_nouns(
        tokens, lex, blocked, skip_organisations=opts.skip_organisations, allowlist=opts.allowlist
    )
    span = find_disclaimer(text, lex)
    disclaimer = None if span is None else Disclaimer(text[span[0] : span[1]], *span)
    lenient = disclaimer is not None and opts.downgrade_with_disclaimer
    person_severity = "info" if lenient else "warning"

    findings = [_noun_finding(h, lex, opts, text, person_severity) for h in nouns]
    findings += [_compound_finding(h) for h in compounds]
    for name, start, end in find_generic_pronouns(text):
        findings.append(
            GenderFinding(
                "gender/generic-pronoun",
                person_severity,
                f"Generic masculine pronoun pattern “{text[start:end][:60]}”: "
                "say “alle, die …” or “wer …, (die Person) …”, or rephrase in the plural.",
                start,
                end,
                text[start:end],
                _pronoun_suggestions(name),
            )
        )
    findings += [_klammer_finding(f, opts) for f in forms if f.style == "klammer"]
    if disclaimer is not None:
        findings.append(
            GenderFinding(
                "gender/disclaimer",
                "info",
                "Generalklausel found: a note that masculine forms include everyone does not make "
                "the text inclusive for readers; consider inclusive forms instead.",
                disclaimer.start,
                disclaimer.end,
                disclaimer.text,
            )
        )
    findings.sort(key=lambda f: (f.start, f.end))
    mixed = _mixed_styles(forms, nouns, text)
    if mixed is not None:
        findings.append(mixed)

    counts = Counter(f.style for f in forms)
    words = sum(tokens.is_alpha)
    return GenderAnalysis(
        inclusive_forms=tuple(forms),
        styles_used=tuple(s for s in STYLES if counts[s]),
        style_counts={s: counts[s] for s in STYLES if counts[s]},
        generic_masculine=len(nouns),
        words=words,
        density_per_1000=round(1000 * len(nouns) / words, 2) if words else None,
        disclaimer=disclaimer,
        findings=tuple(findings),
    )


def _noun_finding(
    hit: NounHit, lex: Any, opts: GenderOptions, text: str, severity: str
) -> GenderFinding:
    word = text[hit.start : hit.end]
    via = f" (compound of “{hit.match.head}”)" if hit.match.prefix else ""
    number = "plural" if hit.number == "pl" else "singular"
    return GenderFinding(
        "gender/generic-masculine",
        severity,
        f"Generic masculine “{word}”{via} ({number}): "
        f"it names men only; use a neutral or inclusive form.",
        hit.start,
        hit.end,
        word,
        suggestions(lex, hit.match, hit.number, hit.case, opts.style, hit.determiner),
    )


def _compound_finding(hit: CompoundHit) -> GenderFinding:
    return GenderFinding(
        "gender/gendered-compound",
        "warning",
        f"“{hit.text}” names a sex in the word itself; a neutral compound fits everyone.",
        hit.start,
        hit.end,
        hit.text,
        hit.compound.alternatives,
    )


def _klammer_finding(form: InclusiveForm, opts: GenderOptions) -> GenderFinding:
    stem = form.text.split("(", 1)[0]
    plural = "innen" in form.text
    style = "doppelpunkt" if opts.style in {"neutral", "paarform"} else opts.style
    lex = load_lexicon()
    match = lex.lookup(stem) or lex.lookup(stem + "e")
    suggestion = (gendered_form(match, "pl" if plural else "sg", style),) if match else ()
    return GenderFinding(
        "gender/parenthetical-form",
        "warning",
        f"Parenthesis form “{form.text}” (Klammer) makes the feminine look optional; "
        "use one inclusive style throughout.",
        form.start,
        form.end,
        form.text,
        suggestion,
    )


def _pronoun_suggestions(name: str) -> tuple[str, ...]:
    return {
        "jeder-der": ("alle, die", "wer …, (die Person) …"),
        "wer-der": ("wer …, (…) – ohne „der“",),
        "jemand-sein": ("jemand … die eigene …", "alle … ihre …"),
        "der-eine-oder-andere": ("manche", "einige"),
        "der-eine-der-andere": ("die einen … die anderen", "manche … andere"),
    }.get(name, ())


def _mixed_styles(
    forms: list[InclusiveForm], nouns: list[NounHit], text: str
) -> GenderFinding | None:
    """One finding if the text mixes inclusive styles or mixes them with generic masculine."""
    styled = [f for f in forms if f.style != "neutral"]
    counts = Counter(f.style for f in styled)
    if not counts or (len(counts) == 1 and not nouns):
        return None
    parts = [f"{style} ×{n}" for style, n in counts.most_common()]
    if nouns:
        parts.append(f"generic masculine ×{len(nouns)}")
    related = [RelatedSpan(f.style, f.start, f.end) for f in styled]
    related += [RelatedSpan("generic-masculine", h.start, h.end) for h in nouns]
    related.sort(key=lambda r: r.start)
    dominant = counts.most_common(1)[0][0]
    first = next((r for r in related if r.label != dominant), related[0])
    return GenderFinding(
        "gender/mixed-styles",
        "warning",
        "Mixed gender styles: " + ", ".join(parts) + "; pick one style and use it throughout.",
        first.start,
        first.end,
        text[first.start : first.end],
        (),
        tuple(related),
    )
