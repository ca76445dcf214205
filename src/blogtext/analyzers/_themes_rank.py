"""Rank a post's theme candidates.

Two rankers over the same candidates, chosen by measurement on the gold set
(``scripts/eval_themes.py``):

``tf``
    weighted frequency (title/headings up, compound support at a share) times a dispersion
    bonus: a theme the author returns to in many blocks beats one that fills one paragraph.
``textrank``
    PageRank over a co-occurrence graph of the candidates (same sentence), personalised by the
    weighted frequency (Mihalcea & Tarau 2004, "TextRank"; personalisation as in
    PositionRank, Florescu & Caragea 2017).

Measured on the 13-post gold set with the offline pipeline: ``tf`` precision@5 0.66 /
recall@10 0.88, ``textrank`` 0.62–0.63 / 0.83–0.89 over the same weight grid. Sweeping title
(1–4), heading (1–3), compound (0–1) and dispersion (0–2) weights moves ``tf`` only within
0.60–0.69 (one or two hits on 65), so the defaults stay at their a-priori values.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from operator import itemgetter

from blogtext.analyzers._themes_candidates import Extraction, Mention

#: PageRank damping factor (the usual 0.85) and iteration bounds.
DAMPING = 0.85
MAX_ITERATIONS = 50
TOLERANCE = 1e-6

#: Sort position of a candidate without direct mentions: after every real offset.
_NO_OFFSET = 1 << 30
#: The count of a (key, count) item of a Counter.
_item_count = itemgetter(1)


@dataclass(frozen=True)
class RankOptions:
    """Weights of the ranking (defaults chosen on the gold set, see the eval script)."""

    method: str = "tf"  # "tf" | "textrank"
    compound_weight: float = 0.5  # a compound's support counts this share of a mention
    dispersion: float = 1.0  # bonus factor for the share of blocks a theme occurs in


@dataclass(slots=True)
class Candidate:
    """Everything known about one grouping key in one post."""

    key: str
    kind: str  # "noun" | "phrase"
    nouns: tuple[str, ...]
    # The tallies are plain dicts (key → count, in first-seen order), not Counters: a post
    # has a hundred candidates with four tallies each, and a dict is made far faster.
    lemmas: dict[str, int] = field(default_factory=dict)
    surfaces: dict[str, int] = field(default_factory=dict)
    count: int = 0  # direct mentions
    weighted: float = 0.0  # direct mentions × block weight
    support: float = 0.0  # compound mentions × block weight
    blocks: set[int] = field(default_factory=set)
    offsets: list[int] = field(default_factory=list)  # starts of direct mentions
    compounds: dict[str, int] = field(default_factory=dict)
    #: Weight lent by other candidates (compound key or phrase key → weight, before the
    #: compound share), so selection can discount what a chosen theme already covers.
    borrowed: dict[str, float] = field(default_factory=dict)
    score: float = 0.0

    @property
    def lemma(self) -> str:
        lemmas = self.lemmas
        if len(lemmas) == 1:  # the usual case, and what ``max`` would return
            return next(iter(lemmas))
        # ``max`` is what ``most_common(1)`` does, without its heapq detour: first of equals.
        return max(lemmas.items(), key=_item_count)[0]

    @property
    def phrase(self) -> str:
        """Most frequent surface form; ties go to the first seen (a dict keeps order)."""
        surfaces = self.surfaces
        if len(surfaces) == 1:  # the usual case, and what ``max`` would return
            return next(iter(surfaces))
        return max(surfaces.items(), key=_item_count)[0] if surfaces else self.lemma

    def mass(self, compound_weight: float) -> float:
        return self.weighted + compound_weight * self.support

    def mass_without(self, keys: set[str], compound_weight: float) -> float:
        """Mass left when the candidates ``keys`` (already chosen) take back what they lent."""
        lent = 0.0
        for key, weight in self.borrowed.items():
            if key in keys:
                # Compound support was scaled when it entered the mass; head shares were not.
                lent += weight * (compound_weight if key.count(" ") == 0 else 1.0)
        return max(0.0, self.mass(compound_weight) - lent)


def collect(mentions: Iterable[Mention]) -> dict[str, Candidate]:
    """Group mentions by key."""
    candidates: dict[str, Candidate] = {}
    for m in mentions:
        key, kind, weight = m.key, m.kind, m.weight
        c = candidates.get(key)
        if c is None:
            c = candidates[key] = Candidate(key, "phrase" if kind == "phrase" else "noun", m.nouns)
        if kind == "compound":
            c.support += weight
            compounds = c.compounds
            compounds[m.surface] = compounds.get(m.surface, 0) + 1
            via = m.via or ""
            borrowed = c.borrowed
            borrowed[via] = borrowed.get(via, 0) + weight
            c.blocks.add(m.block)
        elif kind == "head":
            # A phrase's head: partial weight, but not a "count" of the word on its own.
            c.weighted += weight
            via = m.via or ""
            borrowed = c.borrowed
            borrowed[via] = borrowed.get(via, 0) + weight
            c.blocks.add(m.block)
            lemmas = c.lemmas
            lemmas[m.lemma] = lemmas.get(m.lemma, 0) + 0
        else:
            c.count += 1
            c.weighted += weight
            c.blocks.add(m.block)
            c.offsets.append(m.start)
            lemmas = c.lemmas
            lemmas[m.lemma] = lemmas.get(m.lemma, 0) + 1
            surfaces = c.surfaces
            surfaces[m.surface] = surfaces.get(m.surface, 0) + 1
    for c in candidates.values():
        if not c.lemmas:
            c.lemmas[c.key] = 1
        elif sum(c.lemmas.values()) == 0:
            c.lemmas[next(iter(c.lemmas))] += 1
    return candidates


def rank(extraction: Extraction, options: RankOptions) -> list[Candidate]:
    """Candidates with ``score`` set (raw, not normalised), best first."""
    candidates = collect(extraction.mentions)
    if options.method == "textrank":
        _score_textrank(candidates, extraction, options)
    else:
        _score_tf(candidates, extraction, options)
    return sorted(candidates.values(), key=_rank_order)


def _rank_order(c: Candidate) -> tuple[float, int]:
    """Best score first, then the earliest first mention (candidates without one last).

    (An int offset orders as the one-element list ``c.offsets[:1]`` would, without the list.)
    """
    return (-c.score, c.offsets[0] if c.offsets else _NO_OFFSET)


def _score_tf(
    candidates: dict[str, Candidate], extraction: Extraction, options: RankOptions
) -> None:
    for c in candidates.values():
        spread = len(c.blocks) / extraction.blocks
        c.score = c.mass(options.compound_weight) * (1.0 + options.dispersion * spread)


def _score_textrank(
    candidates: dict[str, Candidate], extraction: Extraction, options: RankOptions
) -> None:
    import bisect

    starts = [s for s, _e in extraction.sentences]
    by_sentence: dict[int, set[str]] = defaultdict(set)
    for m in extraction.mentions:
        by_sentence[max(0, bisect.bisect_right(starts, m.start) - 1)].add(m.key)
    edges: dict[str, Counter[str]] = defaultdict(Counter)
    for keys in by_sentence.values():
        for a in keys:
            for b in keys:
                if a != b:
                    edges[a][b] += 1
    prior = {k: c.mass(options.compound_weight) for k, c in candidates.items()}
    total = sum(prior.values()) or 1.0
    prior = {k: v / total for k, v in prior.items()}
    rank_ = dict(prior)
    out_weight = {k: sum(v.values()) for k, v in edges.items()}
    for _ in range(MAX_ITERATIONS):
        new = {}
        for k in candidates:
            incoming = sum(rank_[j] * w / out_weight[j] for j, w in edges.get(k, Counter()).items())
            new[k] = (1 - DAMPING) * prior[k] + DAMPING * incoming
        delta = sum(abs(new[k] - rank_[k]) for k in candidates)
        rank_ = new
        if delta < TOLERANCE:
            break
    for k, c in candidates.items():
        c.score = rank_[k]
