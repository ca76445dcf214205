"""Orchestration: Post → segments → Doc → analyses → findings → Report.

The per-post analysis is one pure function of (post, settings, pipeline) so the batch runner,
the ``check`` command and the Python API share it.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from blogtext import __version__
from blogtext.config import Settings
from blogtext.errors import ConfigError, InputError
from blogtext.ingest import read_post_text
from blogtext.ingest.sniff import sniff_format
from blogtext.model import BodyText, PipelineInfo, Post, Report, Segments
from blogtext.nlp.model import load_pipeline, require_pipeline
from blogtext.rules.context import RuleContext
from blogtext.rules.runner import run_rules, validate_settings
from blogtext.segment import segment_post

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


#: Pipeline components no analysis needs (see :attr:`Analyzer.nlp`).
UNUSED_COMPONENTS = ("parser",)

#: Longest article body handed to the German pipeline (spaCy's default ``max_length``).
MAX_BODY_CHARS = 1_000_000


@dataclass
class _Prepared:
    post: Post
    segments: Segments
    body: BodyText


class Analyzer:
    """Analyses posts with one configuration and one German pipeline (loaded once).

    The per-post analysis is: segment → body text → spaCy ``Doc`` (``nlp.pipe`` in batches) →
    analyses (gender, …) → rules → :class:`Report`. :meth:`analyze_posts` is the single
    implementation; the batch runner, ``check``, ``lint`` and the Python API all use it.
    """

    def __init__(self, settings: Settings | None = None, batch_size: int = 16) -> None:
        self.settings = settings or Settings()
        validate_settings(self.settings)
        self.batch_size = batch_size
        self._pipeline: PipelineInfo | None = None

    @property
    def pipeline(self) -> PipelineInfo:
        """The German pipeline in use (raises ModelNotAvailableError when there is none)."""
        if self._pipeline is None:
            self._pipeline = require_pipeline(self.settings.model)
        return self._pipeline

    @property
    def nlp(self) -> Language:
        """The German pipeline as the analyses use it, loaded once per process.

        No analysis reads dependency labels, so the parser is not loaded (it takes about 40 %
        of the small pipelines' time); sentence starts come from blogtext's own German
        splitter (``blogtext_sentences``), which knows abbreviations, dates and headings.
        """
        nlp = load_pipeline(self.settings.model, UNUSED_COMPONENTS)[0]
        if "blogtext_sentences" not in nlp.pipe_names:
            import blogtext.nlp.components  # noqa: F401 - registers blogtext_sentences

            nlp.add_pipe("blogtext_sentences", first=True)
        return nlp

    def analyze_post(self, post: Post) -> Report:
        """The report of one post.

        Raises:
            InputError: The post cannot be analysed (e.g. its body is too long).
        """
        [result] = self.analyze_posts([post])
        if isinstance(result, InputError):
            raise result
        return result

    def analyze_posts(self, posts: Iterable[Post]) -> Iterator[Report | InputError]:
        """Reports of many posts in input order; a post that fails yields an :class:`InputError`.

        Posts are parsed with ``nlp.pipe`` in batches of ``batch_size``; memory is bounded by
        one batch.
        """
        self.pipeline  # noqa: B018 - resolve first: no pipeline is an environment error
        batch: list[_Prepared | InputError] = []
        for post in posts:
            batch.append(self._prepare(post))
            if len(batch) >= self.batch_size:
                yield from self._finish_batch(batch)
                batch = []
        if batch:
            yield from self._finish_batch(batch)

    def _prepare(self, post: Post) -> _Prepared | InputError:
        try:
            segments = segment_post(post)
        except InputError as error:
            return error
        except Exception as error:  # a bug must not stop the batch; the post is reported
            return _failure(post, "segmentation", error)
        body = BodyText(segments.body)
        if len(body.text) > MAX_BODY_CHARS:
            return InputError(
                post.location,
                f"article body has {len(body.text):,} characters; at most {MAX_BODY_CHARS:,} are analysed",
            )
        return _Prepared(post, segments, body)

    def _finish_batch(self, batch: list[_Prepared | InputError]) -> Iterator[Report | InputError]:
        ready = [item for item in batch if isinstance(item, _Prepared)]
        docs = (
            iter(self.nlp.pipe(self._make_doc(item.body) for item in ready)) if ready else iter(())
        )
        for item in batch:
            if isinstance(item, InputError):
                yield item
                continue
            doc = next(docs)
            try:
                yield self._report(item, doc)
            except Exception as error:  # a bug must not stop the batch; the post is reported
                yield _failure(item.post, "analysis", error)

    def _make_doc(self, body: BodyText) -> Doc:
        """A tokenised Doc that knows its blocks (components read ``doc._.blogtext_body``)."""
        import blogtext.nlp.components  # noqa: F401 - registers the Doc extensions

        doc = self.nlp.make_doc(body.text)
        doc._.blogtext_body = body
        return doc

    def _report(self, item: _Prepared, doc: Doc) -> Report:
        from blogtext.analyzers._doc_tokens import settled

        # nlp.pipe has finished the Doc: the analyses and rules share one token table.
        with settled(doc):
            analyses = run_analyses(doc, item.body, item.segments, self.settings)
            context = RuleContext(item.post, item.segments, item.body, doc, self.settings, analyses)
            findings = run_rules(context)
        return Report(
            post=item.post,
            pipeline=self.pipeline,
            segments=item.segments,
            body=item.body,
            readability=analyses.get("readability"),
            gender=analyses.get("gender"),
            themes=analyses.get("themes"),
            quotes=analyses.get("quotes"),
            findings=findings,
            blogtext_version=__version__,
        )


def run_analyses(
    doc: Doc, body: BodyText, segments: Segments, settings: Settings
) -> dict[str, Any]:
    """Every analysis of one document, computed once and shared by the rules and the report."""
    from blogtext.analyzers.gender import GenderOptions, analyze_gender
    from blogtext.analyzers.quotes import QuoteOptions, analyze_quotes
    from blogtext.analyzers.readability import analyze_readability
    from blogtext.analyzers.themes import analyze_themes

    gender_config = settings.options.get("gender", {})
    gender_options = GenderOptions(
        style=settings.style,
        skip_organisations=bool(gender_config.get("skip-organisations", True)),
        downgrade_with_disclaimer=bool(gender_config.get("downgrade-with-disclaimer", False)),
        allowlist=frozenset(settings.options.get("allow", ())),
    )
    try:
        quote_options = QuoteOptions.from_mapping(settings.options.get("quotes"))
    except ValueError as error:
        raise ConfigError(f"{settings.source or 'configuration'}: {error}") from None
    themes = analyze_themes(doc, body.blocks, body)
    return {
        "readability": analyze_readability(body),
        "gender": analyze_gender(doc, gender_options),
        "themes": None if themes is None else list(themes.themes),
        "quotes": analyze_quotes(segments.share_quotes, segments.body, quote_options),
    }


def _failure(post: Post, stage: str, error: Exception) -> InputError:
    return InputError(post.location, f"{stage} failed: {type(error).__name__}: {error}")


def analyze_text(
    text: str, *, input_format: str = "auto", name: str = "<text>", settings: Settings | None = None
) -> Report:
    """Analyse a post or draft given as a string (the notebook entry point).

    Raises:
        InputError: The text is empty or unusable in the given format.
    """
    fmt = sniff_format(text[:8192]) if input_format == "auto" else input_format
    post = read_post_text(text.encode("utf-8"), name, fmt, Path(name).stem or "text")
    return Analyzer(settings).analyze_post(post)


def analyze_file(path: str | os.PathLike[str], settings: Settings | None = None) -> list[Report]:
    """Reports of every post in one file (one for a post file, one per record for JSONL/CSV).

    Raises:
        InputError: The file (or its first failing record) cannot be read or analysed.
    """
    from blogtext.ingest import read_posts_of

    return analyze_posts_of(read_posts_of(str(path), settings), settings)


def analyze_posts_of(posts: list[Post], settings: Settings | None = None) -> list[Report]:
    """Reports of already-read posts; the first post that fails raises its :class:`InputError`."""
    reports = []
    for result in Analyzer(settings).analyze_posts(posts):
        if isinstance(result, InputError):
            raise result
        reports.append(result)
    return reports
