"""Key themes of a post: what it is about, as a reader would name it.

:func:`analyze_themes` is a pure function over the parsed article body (a ``Doc`` of
``BodyText(blocks).text``). It returns a frozen :class:`ThemeAnalysis` whose ``themes`` are
the report's ``themes`` entries (DESIGN.md). Steps:

1. candidates: German noun phrases by part of speech — nouns, runs of up to three nouns,
   adjectives + noun (:mod:`._themes_candidates`); nouns grouped by a lemma that the post
   itself backs up (:mod:`._themes_normalize`); compounds lend support to the post's nouns
   they contain, "Kooperationsvertrag" → "Kooperation" (:mod:`._themes_compounds`);
2. ranking: weighted frequency × dispersion, title ×3 and headings ×2 (:mod:`._themes_rank`;
   a personalised TextRank is available and was measured — see ``scripts/eval_themes.py``);
3. selection: one theme per noun — a phrase that contains a better-ranked noun is dropped,
   and a noun whose mentions are mostly one adjective phrase is shown as that phrase
   ("erneuerbare Energie").

Across a corpus, :class:`CorpusThemes` (in :mod:`._themes_corpus`) turns per-post candidates
into document frequencies and c-TF-IDF, separates blog themes (in most posts) from post
themes and tabulates them per post, per theme and over time.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc

from blogtext.analyzers._themes_candidates import WeightOptions, extract_mentions
from blogtext.analyzers._themes_corpus import CorpusThemes, TrendRow
from blogtext.analyzers._themes_rank import Candidate, RankOptions, rank
from blogtext.model import Block, BodyText

__all__ = [
    "CandidateCount",
    "CorpusThemes",
    "Theme",
    "ThemeAnalysis",
    "ThemeOptions",
    "TrendRow",
    "analyze_themes",
    "extract_themes",
]


@dataclass(frozen=True)
class ThemeOptions:
    """Settings of the theme analysis.

    Attributes:
        top: Themes reported per post.
        keep: Ranked themes kept for corpus re-ranking (``ThemeAnalysis.ranked``).
        weights: Mention weights for title, headings and body.
        rank: Ranking method and its weights.
        min_phrase_count: A multi-word phrase needs this many mentions to be a theme.
        phrase_share: A noun is displayed as its adjective phrase when that phrase makes up
            at least this share of the noun's mentions ("erneuerbare Energien").
    """

    top: int = 10
    keep: int = 30
    weights: WeightOptions = field(default_factory=WeightOptions)
    rank: RankOptions = field(default_factory=RankOptions)
    min_phrase_count: int = 2
    phrase_share: float = 0.75


@dataclass(frozen=True, slots=True)
class Theme:
    """One key theme of a post.

    Attributes:
        phrase: As written in the post (most frequent variant), e.g. "Kooperationen".
        lemma: Normalised form used for grouping and matching, e.g. "Kooperation".
        score: Ranking score relative to the post's best theme (1.0 = best).
        count: Direct mentions in the body (compounds not included).
        lines: Input lines of the direct mentions (empty without a ``BodyText``).
        compounds: Compounds of the post that support the theme ("Kooperationsvertrag").
        key: Grouping key (case-folded lemma; adjective stems for phrases).
    """

    phrase: str
    lemma: str
    score: float
    count: int
    lines: tuple[int, ...] = ()
    compounds: tuple[str, ...] = ()
    key: str = ""

    def to_dict(self) -> dict[str, Any]:
        """The report's ``themes`` entry (DESIGN.md) plus ``lines`` and ``compounds``."""
        return {
            "phrase": self.phrase,
            "lemma": self.lemma,
            "score": self.score,
            "count": self.count,
            "lines": list(self.lines),
            "compounds": list(self.compounds),
        }


@dataclass(frozen=True, slots=True)
class CandidateCount:
    """A candidate's totals in one post, the input of corpus statistics."""

    key: str
    lemma: str
    phrase: str
    count: int
    mass: float  # weighted mentions + compound support
    score: float  # the post-level ranking score (raw)


@dataclass(frozen=True)
class ThemeAnalysis:
    """Result of :func:`analyze_themes` for one post."""

    ranked: tuple[Theme, ...]
    candidates: tuple[CandidateCount, ...]
    top: int = 10

    @property
    def themes(self) -> tuple[Theme, ...]:
        """The top themes (the report's ``themes``)."""
        return self.ranked[: self.top]

    def to_list(self) -> list[dict[str, Any]]:
        """``themes`` as JSON-ready dicts."""
        return [t.to_dict() for t in self.themes]


def analyze_themes(
    doc: Doc,
    blocks: Sequence[Block] | None = None,
    body: BodyText | None = None,
    options: ThemeOptions | None = None,
) -> ThemeAnalysis | None:
    """Key themes of an article body.

    Args:
        doc: The parsed body (``nlp(BodyText(blocks).text)``); needs POS tags and lemmas.
        blocks: The body's blocks, to weight title and headings; ``None`` = all paragraphs.
        body: ``BodyText(blocks)``, to turn offsets into input lines; ``None`` = no lines.
        options: Settings; defaults are the measured ones.

    Returns:
        The analysis, or ``None`` when ``doc`` has no part-of-speech annotation (not
        available — a blank pipeline), never an empty stand-in.
    """
    if not doc.has_annotation("POS"):
        return None
    options = options or ThemeOptions()
    if body is None and blocks is not None:
        body = BodyText(list(blocks))
    extraction = extract_mentions(
        doc, blocks, body if blocks is not None else None, options.weights
    )
    ranked = rank(extraction, options.rank)
    selected = _select(ranked, options)
    best = selected[0][2] if selected and selected[0][2] > 0 else 1.0
    themes = tuple(_theme(c, shown, s / best, body) for c, shown, s in selected)
    counts = tuple(
        CandidateCount(
            c.key, c.lemma, c.phrase, c.count, c.mass(options.rank.compound_weight), c.score
        )
        for c in ranked
        if c.count
    )
    return ThemeAnalysis(themes, counts, options.top)


def extract_themes(
    doc: Doc,
    blocks: Sequence[Block] | None = None,
    body: BodyText | None = None,
    options: ThemeOptions | None = None,
) -> list[Theme] | None:
    """The top themes of a post (see :func:`analyze_themes`); ``None`` = not available."""
    analysis = analyze_themes(doc, blocks, body, options)
    return None if analysis is None else list(analysis.themes)


def _select(
    ranked: list[Candidate], options: ThemeOptions
) -> list[tuple[Candidate, Candidate, float]]:
    """(candidate, candidate to display, score at pick time) triples, one per noun, best first.

    Greedy: after each pick, candidates lose the weight the picked one lent them (compound
    support, a phrase's head share), so "Remote-Arbeit" does not also bring "Arbeit".
    """
    compound_weight = options.rank.compound_weight
    adjective_phrases: dict[tuple[str, ...], list[Candidate]] = {}
    pool: list[Candidate] = []
    for c in ranked:
        if c.kind == "phrase":
            if " ".join(c.nouns) != c.key:
                # Adjective phrases are shown through their noun (below), never on their
                # own: the noun has every mention of the phrase and so scores at least as high.
                adjective_phrases.setdefault(c.nouns, []).append(c)
                continue
            if c.count < options.min_phrase_count:
                continue
        if c.count and c.score > 0:
            pool.append(c)
    chosen: list[tuple[Candidate, Candidate, float]] = []
    chosen_keys: set[str] = set()
    used_nouns: set[str] = set()

    def adjusted(c: Candidate) -> float:
        if not c.borrowed:  # the usual case, tested before the mass (a method call)
            return c.score
        mass = c.mass(compound_weight)
        if not mass:
            return c.score
        return c.score * c.mass_without(chosen_keys, compound_weight) / mass

    # Best first by adjusted score, ties to the better-ranked candidate (as ``max`` over the
    # pool in rank order would pick). A candidate's adjusted score changes only when a key it
    # borrowed from is chosen: it then gets a new heap entry and the old one goes stale.
    scores = [adjusted(c) for c in pool]
    heap = [(-score, k) for k, score in enumerate(scores)]
    heapq.heapify(heap)
    borrowers: dict[str, list[int]] = {}
    for k, c in enumerate(pool):
        for key in c.borrowed:
            borrowers.setdefault(key, []).append(k)
    taken = [False] * len(pool)  # chosen, or dropped for a noun of a chosen theme
    while heap and len(chosen) < options.keep:
        negative_score, k = heapq.heappop(heap)
        best = pool[k]
        if taken[k] or -negative_score != scores[k]:
            continue
        taken[k] = True
        if not used_nouns.isdisjoint(best.nouns or (best.key,)):
            continue
        best_score = scores[k]
        shown = best
        for phrase in adjective_phrases.get(best.nouns or (best.key,), []):
            if phrase.count >= options.min_phrase_count and phrase.count >= (
                options.phrase_share * best.count
            ):
                shown = phrase
                break
        chosen.append((best, shown, best_score))
        chosen_keys.add(best.key)
        used_nouns.update(best.nouns or (best.key,))
        for j in borrowers.get(best.key, ()):
            if not taken[j]:
                score = adjusted(pool[j])
                if score != scores[j]:
                    scores[j] = score
                    heapq.heappush(heap, (-score, j))
    return chosen


def _theme(c: Candidate, shown: Candidate, score: float, body: BodyText | None) -> Theme:
    lines: tuple[int, ...] = ()
    if body is not None:
        position = body.position
        lines = tuple(sorted({position(offset)[0] for offset in c.offsets}))
    phrase = shown.phrase
    if shown is not c and phrase[:1].isupper():
        # An adjective is capitalised only at a sentence or heading start; show it as in
        # running text ("geeignete Tools") unless the phrase is a name ("Deutsche Bahn"),
        # which is capitalised in every mention.
        lower = phrase[:1].lower() + phrase[1:]
        if any(s[:1].islower() for s in shown.surfaces) or len(shown.surfaces) == 1:
            phrase = lower
    return Theme(
        phrase=phrase,
        lemma=shown.lemma,
        score=round(score, 3),
        count=c.count,
        lines=lines,
        compounds=tuple(sorted(c.compounds)),
        key=c.key,
    )
