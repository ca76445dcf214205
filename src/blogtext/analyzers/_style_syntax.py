"""Passive voice, clause count and Satzklammer of one German sentence, from tags and lemmas.

The pipeline's parser is weak (LAS ≈ 70 on German), so nothing here follows dependency arcs:
the decisions use STTS tags (``token.tag_``), lemmas and word forms inside a clause, where a
clause is the stretch between commas, semicolons, colons, dashes and brackets. Those are
robust where the parse is not, and every rule below is written so that a tagging error makes
us miss a construction rather than invent one.

Terms (see also docs on the rules):

- **Vorgangspassiv**: a form of *werden* + Partizip II in one clause ("wird geprüft", "wurde
  verschickt", "muss geprüft werden", "ist gelöst worden"). Not passive: Futur I
  (*werden* + infinitive, "wird vorstellen"), Futur II ("wird gemacht haben"), *werden* as a
  full verb ("wird Lehrer", "wird besser").
- **Zustandspassiv**: a form of *sein* + Partizip II ("ist geschlossen") – unless the verb
  builds its perfect with *sein* ("ist gestiegen", "sind gekommen"), which is Perfekt.
- **Satzklammer**: the finite verb of a main clause and the rest of its predicate at the
  clause end (participle, infinitive or separable particle): "Wir *haben* … *vorgestellt*".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from blogtext.analyzers._style_lexicon import sein_perfect_verbs


class Tok(NamedTuple):
    """The parts of a spaCy token the style analysis reads (copied once for speed).

    A named tuple rather than a frozen dataclass: a post has thousands of tokens, and a
    tuple is built in a third of the time.
    """

    i: int
    text: str
    lower: str
    tag: str
    pos: str
    lemma: str
    start: int
    end: int
    is_participle: bool

    @property
    def is_word(self) -> bool:
        text = self.text
        # Most tokens are all letters: answer those without looking at each character.
        return text.isalpha() or any(ch.isalpha() for ch in text)


@dataclass(frozen=True, slots=True)
class Passive:
    """A passive construction: ``kind`` is ``vorgangspassiv`` or ``zustandspassiv``."""

    kind: str
    start: int
    end: int
    auxiliary: str
    participle: str


@dataclass(frozen=True, slots=True)
class Bracket:
    """A Satzklammer: finite verb … closing verb part, with the words in between."""

    start: int
    end: int
    opening: str
    closing: str
    words_between: int


WERDEN_FORMS = frozenset(
    {"werde", "wirst", "wird", "werden", "werdet", "wurde", "wurdest", "wurden", "wurdet",
     "würde", "würdest", "würden", "würdet", "worden"}
)  # fmt: skip
SEIN_FORMS = frozenset(
    {"bin", "bist", "ist", "sind", "seid", "war", "warst", "waren", "wart", "sei", "seien",
     "wäre", "wären", "sein"}
)  # fmt: skip
#: Punctuation that closes a clause for the passive and bracket checks.
CLAUSE_BREAKS = frozenset({",", ";", ":", "(", ")", "–", "—", "-", "/"})
#: Breaks after which a new main clause starts (the bracket scan stops there).
STRONG_BREAKS = frozenset({";", ":"})
FINITE_TAGS = frozenset({"VVFIN", "VAFIN", "VMFIN"})
#: Right bracket: participles, infinitives and separable particles.
CLOSING_TAGS = frozenset({"VVPP", "VAPP", "VMPP", "VVINF", "VAINF", "VMINF", "PTKVZ"})
#: Tags that open a subordinate clause.
SUBORDINATOR_TAGS = frozenset({"KOUS", "KOUI", "PRELS", "PRELAT"})
#: Interrogatives open a subordinate clause when they follow a comma ("…, wie wir …").
INTERROGATIVE_TAGS = frozenset({"PWAV", "PWS"})
COORDINATORS = frozenset({"und", "oder", "aber", "denn", "sondern", "doch"})


def clauses_of(tokens: Sequence[Tok]) -> list[list[Tok]]:
    """The sentence split at :data:`CLAUSE_BREAKS` (breaks dropped, empty parts dropped)."""
    parts: list[list[Tok]] = [[]]
    for tok in tokens:
        if tok.text in CLAUSE_BREAKS:
            parts.append([])
        else:
            parts[-1].append(tok)
    return [p for p in parts if p]


def find_passives(tokens: Sequence[Tok]) -> list[Passive]:
    """Vorgangspassiv and Zustandspassiv constructions of one sentence, in text order."""
    found: list[Passive] = []
    if not any(t.is_participle for t in tokens):
        return found  # every passive has a participle
    for clause in clauses_of(tokens):
        hit = _clause_passive(clause)
        if hit is not None:
            found.append(hit)
    return found


def _is_werden(tok: Tok) -> bool:
    # "geworden" is not in WERDEN_FORMS: it is the participle of the full verb ("ist Chef
    # geworden"), never passive.
    return tok.lower in WERDEN_FORMS and (tok.tag.startswith("VA") or tok.lemma == "werden")


def _is_sein(tok: Tok) -> bool:
    return tok.lower in SEIN_FORMS and (tok.tag.startswith("VA") or tok.lemma == "sein")


def _clause_passive(clause: list[Tok]) -> Passive | None:
    participles = [t for t in clause if t.is_participle]
    if not participles:
        return None
    werden = [t for t in clause if _is_werden(t)]
    has_worden = any(t.lower == "worden" for t in clause)
    if werden:
        if not has_worden and _futur_zwei(clause, participles[-1]):
            return None
        if not has_worden and any(
            t.tag == "VAFIN" and t.lemma == "haben" for t in clause
        ):  # "werden besser und haben gelernt": the participle belongs to "haben"
            return None
        aux, part = werden[0], participles[0]
        return Passive(
            "vorgangspassiv",
            min(aux.start, part.start),
            max(aux.end, part.end),
            aux.text,
            part.text,
        )
    sein = [t for t in clause if _is_sein(t)]
    if not sein or any(t.lemma == "haben" and t.tag.startswith("VA") for t in clause):
        return None
    candidates = [p for p in participles if not _perfect_with_sein(p)]
    if not candidates:
        return None
    aux, part = sein[0], candidates[0]
    return Passive(
        "zustandspassiv", min(aux.start, part.start), max(aux.end, part.end), aux.text, part.text
    )


def _futur_zwei(clause: list[Tok], participle: Tok) -> bool:
    """'wird gemacht haben' / 'wird gegangen sein': werden + participle + haben/sein infinitive."""
    return any(
        t.i > participle.i and t.lower in ("haben", "sein") and t.tag in ("VAINF", "VAFIN")
        for t in clause
    )


#: Participle endings of verbs that take "sein" in the perfect, for when the lemma is wrong.
_SEIN_PARTICIPLE_ENDINGS = (
    "gangen", "kommen", "fahren", "laufen", "flogen", "stiegen", "sunken", "fallen", "wachsen",
    "worden", "wesen", "blieben", "passiert", "schehen", "lungen", "schwunden", "storben",
    "sprungen", "rannt",
)  # fmt: skip


def _perfect_with_sein(participle: Tok) -> bool:
    lemma = participle.lemma.lower()
    if any(lemma.endswith(verb) for verb in sein_perfect_verbs()):
        return True
    return participle.lower.endswith(_SEIN_PARTICIPLE_ENDINGS)


def count_clauses(tokens: Sequence[Tok]) -> int:
    """Clauses of a sentence: finite verbs, or subordinators + 1, whichever is larger.

    Each clause has one finite verb, so counting them is the direct measure; subordinating
    conjunctions and relative pronouns back it up where the tagger misses a finite verb.
    """
    if not tokens:
        return 0
    finite = subordinators = 0
    previous = ""  # text of the token before
    for tok in tokens:
        tag = tok.tag
        if tag in FINITE_TAGS:
            finite += 1
        # KOUS "weil", relative pronouns, KOUI "um … zu"; interrogatives only after a comma
        # ("…, wie wir …"), since at the start they open a main-clause question.
        elif tag in SUBORDINATOR_TAGS or (tag in INTERROGATIVE_TAGS and previous == ","):
            subordinators += 1
        previous = tok.text
    return max(finite, subordinators + 1, 1)


def _segments(tokens: Sequence[Tok]) -> list[tuple[str, list[Tok]]]:
    """Clause segments with the break before them ("" for the first)."""
    segments: list[tuple[str, list[Tok]]] = [("", [])]
    for tok in tokens:
        text = tok.text
        if text in CLAUSE_BREAKS:
            segments.append((text, []))
        elif text.isalpha() or tok.is_word:  # end marks and quotes would hide the final verb
            segments[-1][1].append(tok)
    return [(brk, seg) for brk, seg in segments if seg]


def _is_subordinate(segment: list[Tok]) -> bool:
    first = segment[0]
    if first.tag in SUBORDINATOR_TAGS or first.tag in INTERROGATIVE_TAGS:
        return True
    if first.tag == "APPR" and len(segment) > 1 and segment[1].tag in ("PRELS", "PRELAT", "PWS"):
        return True  # "…, mit dem wir …"
    # Infinitive clauses ("…, das Produkt vorzustellen") belong to another predicate.
    return any(t.tag in ("VVIZU", "PTKZU") for t in segment)


def _is_closing(tok: Tok, segment: list[Tok], position: int) -> bool:
    if tok.tag in CLOSING_TAGS:
        return True
    # The tagger often reads a clause-final infinitive as finite ("sollte … auswerten"/VVFIN):
    # a verb at the very end of a main-clause segment closes the bracket.
    return tok.pos in ("VERB", "AUX") and position == len(segment) - 1


def find_brackets(tokens: Sequence[Tok]) -> list[Bracket]:
    """Satzklammern of the main clauses of one sentence (subordinate clauses inside count)."""
    brackets: list[Bracket] = []
    if not any(t.tag in FINITE_TAGS for t in tokens):
        return brackets  # every bracket opens with a finite verb
    segments = _segments(tokens)
    # Each segment's tags and whether it is subordinate, looked up again and again below.
    tags = [[t.tag for t in segment] for _brk, segment in segments]
    subordinate = [_is_subordinate(segment) for _brk, segment in segments]
    k = 0
    while k < len(segments):
        finite_at = next((j for j, tag in enumerate(tags[k]) if tag in FINITE_TAGS), None)
        if subordinate[k] or finite_at is None:
            k += 1
            continue
        opening = segments[k][1][finite_at]
        closing: Tok | None = None
        stop = False
        m = k
        while m < len(segments) and not stop:
            brk, seg = segments[m]
            if m > k and (brk in STRONG_BREAKS or subordinate[m]):
                if brk in STRONG_BREAKS:
                    break
                m += 1
                continue
            begin = finite_at + 1 if m == k else 0
            seg_tags = tags[m]
            if m > k and not FINITE_TAGS.isdisjoint(seg_tags[:-1]):
                break  # "…, wir stellen es vor": a new main clause
            for j in range(begin, len(seg)):
                tok = seg[j]
                if tok.lower in COORDINATORS and not FINITE_TAGS.isdisjoint(seg_tags[j + 1 :]):
                    stop = True  # "… und wir stellen …": a coordinated main clause
                    break
                if _is_closing(tok, seg, j):
                    closing = tok
            m += 1
        if closing is not None:
            between = sum(
                t.is_word
                for t in tokens
                if opening.i < t.i < closing.i and t.text not in CLAUSE_BREAKS
            )
            brackets.append(
                Bracket(opening.start, closing.end, opening.text, closing.text, between)
            )
        k = max(m, k + 1)
    return brackets
