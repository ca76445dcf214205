"""Our spaCy extensions and pipeline components, registered once at import.

Extensions (on the global ``Doc`` class, guarded by ``has_extension``, never ``force=True``):

- ``doc._.blogtext_body`` – the :class:`~blogtext.model.BodyText` the Doc was made from,
  set before the pipeline runs; components use it for block kinds (headings, list items).
- ``doc._.blogtext_readability`` / ``doc._.blogtext_gender`` / ``doc._.blogtext_themes`` –
  results set by the components below (``None`` until a component ran).

Factories are exposed through the ``spacy_factories`` entry point group, so
``nlp.add_pipe("blogtext_gender")`` works in any spaCy program after ``pip install blogtext``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

for _name in ("blogtext_body", "blogtext_readability", "blogtext_gender", "blogtext_themes"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


def _body(doc: Doc):
    from blogtext.model import Block, BodyText, LineSlice

    body = doc._.blogtext_body
    if body is None:
        # A Doc made outside blogtext: treat the whole text as one paragraph on line 1.
        body = BodyText([Block("paragraph", (LineSlice(1, 0, doc.text),))])
        doc._.blogtext_body = body
    return body


@Language.component(
    "blogtext_readability",
    assigns=["doc._.blogtext_readability"],
)
def readability_component(doc: Doc) -> Doc:
    """Set ``doc._.blogtext_readability`` (:class:`ReadabilityScores`) from the body's blocks.

    Needs no annotation: sentences, words and syllables are counted by blogtext's own rules.
    """
    from blogtext.analyzers.readability import analyze_readability

    doc._.blogtext_readability = analyze_readability(_body(doc))
    return doc


class GenderComponent:
    """Set ``doc._.blogtext_gender`` (:class:`GenderAnalysis`) with the configured style."""

    def __init__(
        self, style: str, skip_organisations: bool, downgrade_with_disclaimer: bool
    ) -> None:
        from blogtext.analyzers.gender import GenderOptions

        self.options = GenderOptions(
            style=style,
            skip_organisations=skip_organisations,
            downgrade_with_disclaimer=downgrade_with_disclaimer,
        )

    def __call__(self, doc: Doc) -> Doc:
        from blogtext.analyzers.gender import analyze_gender

        doc._.blogtext_gender = analyze_gender(doc, self.options)
        return doc


@Language.factory(
    "blogtext_gender",
    default_config={
        "style": "doppelpunkt",
        "skip_organisations": True,
        "downgrade_with_disclaimer": False,
    },
    requires=["token.pos", "token.morph", "token.lemma"],
    assigns=["doc._.blogtext_gender"],
)
def make_gender_component(
    nlp: Language, name: str, style: str, skip_organisations: bool, downgrade_with_disclaimer: bool
) -> GenderComponent:
    return GenderComponent(style, skip_organisations, downgrade_with_disclaimer)


@Language.component(
    "blogtext_themes",
    requires=["token.pos", "token.tag", "token.lemma"],
    assigns=["doc._.blogtext_themes"],
)
def themes_component(doc: Doc) -> Doc:
    """Set ``doc._.blogtext_themes`` to the post's top themes (``None`` without POS tags)."""
    from blogtext.analyzers.themes import analyze_themes

    body = _body(doc)
    analysis = analyze_themes(doc, body.blocks, body)
    doc._.blogtext_themes = None if analysis is None else list(analysis.themes)
    return doc


@Language.component(
    "blogtext_sentences",
    assigns=["token.is_sent_start"],
)
def sentences_component(doc: Doc) -> Doc:
    """Preset sentence starts from blogtext's German splitter, before the parser runs.

    Small German pipelines end sentences after abbreviations ("z. B.", "Mio."), ordinals
    ("8. April") and headings glued to the next line; the parser respects boundaries that
    are already set, so the readability splitter's sentences (abbreviation list, headings and
    list items as sentences of their own) become the Doc's sentences.
    """
    import bisect

    import numpy
    from spacy.attrs import SENT_START

    from blogtext.analyzers.readability import split_sentences

    if len(doc) == 0:
        return doc
    token_starts = [token.idx for token in doc]
    # 1 = starts a sentence, -1 = does not (set as one array: per-token setters are slow).
    # from_array wants uint64; -1 wraps around and is read back as -1.
    flags = numpy.full((len(doc), 1), -1, dtype="int64").astype("uint64")
    flags[0, 0] = 1
    for sentence in split_sentences(_body(doc)):
        flags[min(bisect.bisect_left(token_starts, sentence.start), len(doc) - 1), 0] = 1
    doc.from_array([SENT_START], flags)
    return doc
