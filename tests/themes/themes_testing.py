"""Helpers for the theme tests: blocks from short texts and hand-built Docs (no model).

A plain module, not a conftest.py: a second ``conftest`` on sys.path would shadow the one
other test folders import names from.
"""

from __future__ import annotations

import re

from spacy.lang.de.stop_words import STOP_WORDS
from spacy.tokens import Doc
from spacy.vocab import Vocab

from blogtext.model import Block, BodyText, LineSlice

_TOKEN = re.compile(r"\n\n|\w+(?:-\w+)*|[^\w\s]")


def make_blocks(*parts: tuple[str, str]) -> list[Block]:
    """Blocks from (kind, text) pairs, one input line each, separated by blank lines."""
    return [Block(kind, (LineSlice(1 + 2 * i, 0, text),)) for i, (kind, text) in enumerate(parts)]


def manual_doc(body: BodyText, adjectives: frozenset[str] = frozenset()) -> Doc:
    """A Doc of ``body.text`` tagged by spelling: stop words → DET, listed adjectives →
    ADJ/ADJA, other capitalised words → NOUN/NN (lemma = word), punctuation → PUNCT, the
    rest ADV."""
    words, spaces, pos, tags = [], [], [], []
    matches = list(_TOKEN.finditer(body.text))
    for i, match in enumerate(matches):
        word = match.group()
        following = matches[i + 1].start() if i + 1 < len(matches) else len(body.text)
        words.append(word)
        spaces.append(body.text[match.end() : following] == " ")
        if word == "\n\n":
            pos.append("SPACE"), tags.append("_SP")
        elif word.casefold() in STOP_WORDS:
            pos.append("DET"), tags.append("ART")
        elif word in adjectives:
            pos.append("ADJ"), tags.append("ADJA")
        elif word[0].isupper():
            pos.append("NOUN"), tags.append("NN")
        elif word.isalnum():
            pos.append("ADV"), tags.append("ADV")
        else:
            pos.append("PUNCT"), tags.append("$.")
    doc = Doc(Vocab(), words=words, spaces=spaces, pos=pos, tags=tags, lemmas=list(words))
    assert doc.text == body.text
    return doc


def build(*parts: tuple[str, str], adjectives: frozenset[str] = frozenset()):
    """``build((kind, text), …) -> (blocks, body, doc)`` with a hand-tagged Doc."""
    blocks = make_blocks(*parts)
    body = BodyText(blocks)
    return blocks, body, manual_doc(body, adjectives)
