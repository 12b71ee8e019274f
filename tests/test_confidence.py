"""Word confidences from OCR: trusted words are left alone, doubtful ones weighed."""

from __future__ import annotations

from pressclean.document import Word
from pressclean.pipeline import Cleaner

TEXT = "Historiquement, le pays hortoger est marqué par sa précision."


def _words(conf: float) -> list[Word]:
    out, pos = [], 0
    for token in TEXT.split(" "):
        start = TEXT.index(token, pos)
        out.append(Word(token.strip(",."), start, start + len(token.strip(",.")),
                        conf=conf if token == "hortoger" else 96.0))
        pos = start + len(token)
    return out


def test_low_confidence_word_is_corrected(cleaner: Cleaner) -> None:
    doc = cleaner.clean_text(TEXT, words=_words(41.0))
    assert "horloger" in doc.clean_text


def test_high_confidence_word_is_left_alone(cleaner: Cleaner) -> None:
    doc = cleaner.clean_text(TEXT, words=_words(97.0))
    assert "hortoger" in doc.clean_text
    assert doc.words[3].conf == 97.0
