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
