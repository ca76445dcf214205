"""Themes across a corpus: document frequency, c-TF-IDF, blog themes, tables, trends.

A theme that is in (almost) every post of a blog — "Kunde" on a marketing blog — says what the
*blog* is about, not what one post is about. :class:`CorpusThemes` collects each post's
candidate totals and ranked themes and

* computes document frequency and class-based TF-IDF (c-TF-IDF, Grootendorst 2022, BERTopic:
  ``tf(t, post) · log(1 + A / f(t))`` with ``A`` the mean candidate mass per post and ``f(t)``
  the mass of ``t`` in the whole corpus), with the post's own ranking score as ``tf`` so
  headings and dispersion still count;
* moves themes found in at least ``blog_share`` of the posts to the blog themes;
* tabulates rows ready for ``pandas.DataFrame(rows)``: one per (post, theme), one per theme
  (posts, first/last date, trend), one per (theme, period).

Inputs are duck-typed (anything with the attributes of ``CandidateCount`` / ``Theme``) so this
module does not import :mod:`blogtext.analyzers.themes`.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Protocol


class _CandidateLike(Protocol):
    key: str
    lemma: str
    phrase: str
    count: int
    mass: float


class _ThemeLike(Protocol):
    key: str
    lemma: str
    phrase: str
    score: float
    count: int


@dataclass(frozen=True)
class TrendRow:
    """Posts with a theme in one period (``share`` = posts with it / posts in the period)."""

    lemma: str
    period: str
    posts: int
    posts_in_period: int
    share: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "lemma": self.lemma,
            "period": self.period,
            "posts": self.posts,
            "posts_in_period": self.posts_in_period,
            "share": self.share,
        }


@dataclass
class _Post:
    post_id: str
    masses: dict[str, float]
    themes: list[Any]  # ranked themes of the post (Theme-like)
    date: date | None


def parse_date(value: str | date | datetime | None) -> date | None:
    """A calendar date from ISO text ("2017-04-08", "2017-04-08T11:59") or a date object."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return datetime.fromisoformat(str(value).strip().replace("Z", "+00:00")).date()
    except ValueError:
        try:
            return date.fromisoformat(str(value).strip()[:10])
        except ValueError:
            return None


def period_of(day: date, period: str) -> str:
    """``2017`` (year), ``2017-Q2`` (quarter) or ``2017-04`` (month)."""
    if period == "year":
        return f"{day.year}"
    if period == "quarter":
        return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
    if period == "month":
        return f"{day.year}-{day.month:02d}"
    raise ValueError(f"unknown period {period!r} (year, quarter or month)")


class CorpusThemes:
    """Theme statistics over many posts (add posts, then ask for tables).

    Args:
        top: A post "has" a theme when it is among its ``top`` post-level themes.
        blog_share: Share of posts a theme must appear in (as a candidate) to be a blog theme.
        min_posts: Below this many posts there are no blog themes (two posts sharing a word
            prove nothing).
    """

    def __init__(self, top: int = 10, blog_share: float = 0.5, min_posts: int = 3) -> None:
        self.top = top
        self.blog_share = blog_share
        self.min_posts = min_posts
        self._posts: dict[str, _Post] = {}
        self._lemmas: dict[str, Counter[str]] = defaultdict(Counter)
        self._phrases: dict[str, Counter[str]] = defaultdict(Counter)

    def add(
        self,
        post_id: str,
        candidates: Iterable[_CandidateLike],
        themes: Sequence[_ThemeLike] = (),
        date: str | date | datetime | None = None,
    ) -> None:
        """Add one post: its candidate totals (``ThemeAnalysis.candidates``) and ranked themes
        (``ThemeAnalysis.ranked``); a post added twice replaces the first."""
        masses: dict[str, float] = {}
        for c in candidates:
            masses[c.key] = masses.get(c.key, 0.0) + c.mass
            self._lemmas[c.key][c.lemma] += c.count
            self._phrases[c.key][c.phrase] += c.count
        for t in themes:
            # Displayed theme lemmas (adjective phrases) win over bare candidate lemmas.
            self._lemmas[t.key][t.lemma] += t.count + 1
            self._phrases[t.key][t.phrase] += t.count + 1
        self._posts[post_id] = _Post(post_id, masses, list(themes), parse_date(date))

    @property
    def post_ids(self) -> list[str]:
        return list(self._posts)

    def lemma(self, key: str) -> str:
        """Display lemma of a grouping key across the corpus."""
        counts = self._lemmas.get(key)
        return counts.most_common(1)[0][0] if counts else key

    def phrase(self, key: str) -> str:
        counts = self._phrases.get(key)
        return counts.most_common(1)[0][0] if counts else key

    def document_frequency(self) -> Counter[str]:
        """Number of posts in which each key is a candidate."""
        df: Counter[str] = Counter()
        for post in self._posts.values():
            df.update(post.masses.keys())
        return df

    def blog_theme_keys(self) -> set[str]:
        """Keys in at least ``blog_share`` of the posts (none below ``min_posts`` posts)."""
        n = len(self._posts)
        if n < self.min_posts:
            return set()
        return {k for k, df in self.document_frequency().items() if df / n >= self.blog_share}

    def _idf(self) -> dict[str, float]:
        """c-TF-IDF's ``log(1 + A / f(t))`` per key."""
        totals: Counter[str] = Counter()
        for post in self._posts.values():
            totals.update(post.masses)
        if not self._posts:
            return {}
        average = sum(sum(p.masses.values()) for p in self._posts.values()) / len(self._posts)
        return {k: math.log(1.0 + average / f) for k, f in totals.items() if f > 0}

    def ctfidf(self, post_id: str) -> dict[str, float]:
        """Plain c-TF-IDF of every candidate of one post (mass share × idf)."""
        post = self._posts[post_id]
        idf = self._idf()
        total = sum(post.masses.values()) or 1.0
        return {k: (m / total) * idf.get(k, 0.0) for k, m in post.masses.items()}

    def post_themes(self, post_id: str, top: int | None = None) -> list[dict[str, Any]]:
        """A post's themes in the context of the corpus: blog themes removed, re-ranked by
        post score × c-TF-IDF weight, scores relative to the best (1.0)."""
        post = self._posts[post_id]
        idf = self._idf()
        blog = self.blog_theme_keys()
        rescored = [(t.score * idf.get(t.key, 0.0), t) for t in post.themes if t.key not in blog]
        rescored.sort(key=lambda pair: -pair[0])
        best = rescored[0][0] if rescored and rescored[0][0] > 0 else 1.0
        return [
            {"phrase": t.phrase, "lemma": t.lemma, "score": round(s / best, 3), "count": t.count}
            for s, t in rescored[: top or self.top]
        ]

    def post_theme_rows(self, top: int | None = None) -> list[dict[str, Any]]:
        """One row per (post, theme) for the corpus ``themes`` table."""
        blog = self.blog_theme_keys()
        rows = []
        for post in self._posts.values():
            for rank, theme in enumerate(post.themes[: top or self.top], start=1):
                rows.append(
                    {
                        "post_id": post.post_id,
                        "date": post.date.isoformat() if post.date else None,
                        "rank": rank,
                        "phrase": theme.phrase,
                        "lemma": theme.lemma,
                        "score": theme.score,
                        "count": theme.count,
                        "blog_theme": theme.key in blog,
                    }
                )
        return rows

    def _holders(self) -> dict[str, list[_Post]]:
        holders: dict[str, list[_Post]] = defaultdict(list)
        for post in self._posts.values():
            for theme in post.themes[: self.top]:
                holders[theme.key].append(post)
        return holders

    def theme_rows(self, min_posts: int = 1) -> list[dict[str, Any]]:
        """One row per theme: in how many posts (and which) it is a top theme, in how many it
        is mentioned at all, whether it is a blog theme, dates and trend (slope of the yearly
        share of posts, ``None`` with fewer than two dated years)."""
        df = self.document_frequency()
        blog = self.blog_theme_keys()
        n = len(self._posts) or 1
        trends = self._slopes("year")
        rows = []
        for key, posts in self._holders().items():
            if len(posts) < min_posts:
                continue
            dates = sorted(p.date for p in posts if p.date)
            rows.append(
                {
                    "lemma": self.lemma(key),
                    "phrase": self.phrase(key),
                    "posts": len(posts),
                    "post_ids": [p.post_id for p in posts],
                    "mentioned_in": df.get(key, 0),
                    "share": round(df.get(key, 0) / n, 3),
                    "blog_theme": key in blog,
                    "first_date": dates[0].isoformat() if dates else None,
                    "last_date": dates[-1].isoformat() if dates else None,
                    "trend": trends.get(key),
                }
            )
        rows.sort(key=lambda r: (-r["posts"], -r["mentioned_in"], r["lemma"]))
        return rows

    def trend_rows(self, period: str = "year") -> list[TrendRow]:
        """Per theme and period: posts with the theme among their top themes."""
        per_period: Counter[str] = Counter()
        for post in self._posts.values():
            if post.date:
                per_period[period_of(post.date, period)] += 1
        rows = []
        for key, posts in self._holders().items():
            counts = Counter(period_of(p.date, period) for p in posts if p.date)
            for label in sorted(per_period):
                rows.append(
                    TrendRow(
                        self.lemma(key),
                        label,
                        counts.get(label, 0),
                        per_period[label],
                        round(counts.get(label, 0) / per_period[label], 3),
                    )
                )
        return rows

    def _slopes(self, period: str) -> dict[str, float | None]:
        by_key: dict[str, list[TrendRow]] = defaultdict(list)
        lemma_key = {self.lemma(k): k for k in self._holders()}
        for row in self.trend_rows(period):
            by_key[lemma_key[row.lemma]].append(row)
        return {k: _slope([r.share for r in rows]) for k, rows in by_key.items()}


def _slope(values: list[float]) -> float | None:
    """Least-squares slope of ``values`` over 0, 1, 2 … (``None`` for fewer than two)."""
    n = len(values)
    if n < 2:
        return None
    mean_x, mean_y = (n - 1) / 2, sum(values) / n
    numerator = sum((i - mean_x) * (v - mean_y) for i, v in enumerate(values))
    denominator = sum((i - mean_x) ** 2 for i in range(n))
    return round(numerator / denominator, 4)
