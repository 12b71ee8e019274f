"""Composes the text stages: layout (and, for OCR, the apostrophe style) → glyph rules
→ dictionary/model correction.

A :class:`Cleaner` loads its resources (lexicon, rules, model, decisions) once and
cleans any number of documents; every stage proposes edits and :class:`EditLog`
records them, so the resulting Document knows each change and its reason.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pressclean import layout, rules, typography
from pressclean.decisions import DocumentVeto
from pressclean.doccontext import DocPairs
from pressclean.document import Document, Word
from pressclean.offsets import EditLog
from pressclean.parallel import Team
from pressclean.resources import Resources, load_resources
from pressclean.textio import read_text


@dataclass(frozen=True)
class CleanOptions:
    """What a user can choose about cleaning (CLI flags map one to one)."""

    #: join wrapped lines into paragraphs; False keeps the source's line layout
    reflow: bool = True
    #: glyph-rule files added after (and overriding by id) the packaged rules
    rules_files: tuple[Path, ...] = ()
    #: user dictionaries folder (lexicons, names, protected words, rules)
    dictionaries: Path | None = None
    #: a model written by ``pressclean learn`` (None: the packaged default)
    model: Path | None = None
    #: the OCR engine that read the text ("tesseract"), where the input names it: with
    #: no ``model``, the packaged model learned for that engine's confusions
    engine: str | None = None
    #: a reviewer's decisions file (rejected corrections and rules)
    decisions: Path | None = None
    #: run dictionary/model correction after the glyph rules
    spell: bool = True
    #: processes one long document's paragraphs are decided in (``parallel``)
    jobs: int = 1
    extra: dict[str, str] = field(default_factory=dict)


class Cleaner:
    """Loaded once, used for many documents."""

    def __init__(self, options: CleanOptions | None = None,
                 resources: Resources | None = None) -> None:
        self.options = options or CleanOptions()
        self.resources = resources or load_resources(self.options)
        #: word pairs of every text of this call (``count_archive``), or None
        self.archive: DocPairs | None = None

    def preload(self) -> None:
        """Load every index now rather than at the first unknown word, and move what is
        loaded out of the cycle collector's sight, for a process that lives to clean
        many documents (the CLI, a worker).

        The lexicon, model and indexes are millions of objects: every full collection
        would walk them while cleaning makes many short-lived tokens (most of a second
        on 1 MB). Frozen objects are still freed by reference counting; only cycles
        among them are never collected, so a library caller may leave this out."""
        self.resources.speller.preload()
        gc.freeze()

    def count_archive(self, texts: Iterable[str]) -> None:
        """Count the word pairs of every (NFC) text this cleaner is about to clean, so
        that each is weighed with the evidence of the others (``doccontext``)."""
        self.archive = self.resources.speller.pair_counts(texts)

    def clean_text(self, text: str, path: str = "<text>",
                   words: list[Word] | None = None) -> Document:
        """Clean NFC ``text``; ``words`` (with confidences) come from OCR when known.

        ``path`` is also the key a reviewer's decisions are filed under.
        """
        decisions = self.resources.decisions
        log = EditLog(text, veto=decisions.veto_for(path) if decisions else None)
        with Team(self.options.jobs, len(text)) as team:  # a long text: several cores
            log.apply(layout.layout_edits(log.text, self.resources.lexicon,
                                          reflow=self.options.reflow, words=words))
            if words:  # read from a page: one printed style (digital text may mix them)
                log.apply(typography.apostrophe_edits(log.text))
            speller = self.resources.speller.for_document(log.text, self.archive, team)
            log.apply(rules.rule_edits(log.text, self.resources, speller, words))
            if self.options.spell:
                edits = speller.edits(log.text, words)
                # a second look with the confusions this document repeated made likelier
                trial = log.fork(decisions.veto_for(path) if decisions else None)
                trial.apply(edits)
                adapted = speller.adapted(trial.corrections(), trial.text)
                if adapted is not None:
                    edits = adapted.edits(log.text, words, previous=edits)
                log.apply(edits)
        doc = Document(path=path, source_text=text, clean_text=log.text,
                       corrections=log.corrections(), words=list(words or []),
                       spans=log.net_spans())
        if team.size > 1:
            doc.meta["processes"] = team.size  # the paragraphs were shared out
        if isinstance(log.veto, DocumentVeto) and log.veto.overruled:
            doc.meta["overruled"] = log.veto.overruled  # what decisions refused, for review
        return doc

    def clean_file(self, path: str | Path) -> Document:
        """Read a text file (any supported encoding) and clean it."""
        text, encoding = read_text(path)
        doc = self.clean_text(text, path=str(path))
        doc.meta["encoding"] = encoding
        return doc
