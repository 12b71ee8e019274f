"""Word confidences from OCR: trusted words are left alone, doubtful ones weighed."""

from __future__ import annotations

import pytest

from pressclean.confidence import load_confidence_model, parse_table
from pressclean.document import Word
from pressclean.exceptions import DataFileError
from pressclean.pipeline import Cleaner
from pressclean.tokens import token_confidences, tokenize

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


def test_ocr_words_holding_punctuation_keep_their_confidence() -> None:
    """Tesseract's words carry their punctuation ("l'industrie,", "«", "(le"); every
    token still finds its word."""
    text = "« On nous disait que l'industrie, Luxe&Tech (son pôle), c'était fini. »"
    words, pos = [], 0
    for i, token in enumerate(text.split(" ")):
        start = text.index(token, pos)
        words.append(Word(token, start, start + len(token), conf=float(50 + i)))
        pos = start + len(token)
    toks = tokenize(text)
    got = {toks[i].text: conf for i, conf in token_confidences(toks, words).items()}
    assert got == {"On": 51.0, "nous": 52.0, "disait": 53.0, "que": 54.0,
                   "l'industrie": 55.0, "Luxe&Tech": 56.0, "son": 57.0, "pôle": 58.0,
                   "c'était": 59.0, "fini": 60.0}


def test_a_trusted_word_followed_by_a_comma_is_left_alone(cleaner: Cleaner) -> None:
    text = "Le pays hortoger, marqué par sa précision."
    words, pos = [], 0
    for token in text.split(" "):
        start = text.index(token, pos)
        words.append(Word(token, start, start + len(token), conf=97.0))
        pos = start + len(token)
    assert cleaner.clean_text(text, words=words).clean_text == text
    assert "horloger" in cleaner.clean_text(text).clean_text  # without confidences


def _marked(text: str, target: str, conf: float) -> list[Word]:
    """Words of ``text`` read at 96, but the first ``target`` read at ``conf``."""
    out, pos, seen = [], 0, False
    for token in text.split(" "):
        start = text.index(token, pos)
        low = token == target and not seen
        seen = seen or low
        out.append(Word(token, start, start + len(token), conf=conf if low else 96.0))
        pos = start + len(token)
    return out


def test_a_doubtful_real_word_gives_way_to_its_context(cleaner: Cleaner) -> None:
    """"à" is a word, so without confidences the context must overrule 5,000 training
    sightings where it was right; read at 60 it is misread one time in four."""
    text = "Le maire à reçu les élus."
    assert cleaner.clean_text(text).clean_text == text
    assert cleaner.clean_text(text, words=_marked(text, "à", 93.0)).clean_text == text
    low = cleaner.clean_text(text, words=_marked(text, "à", 60.0))
    assert low.clean_text == "Le maire a reçu les élus."
    assert [(c.before, c.after, c.rule) for c in low.corrections] == [("à", "a", "context")]


def test_a_trusted_real_word_gives_way_only_to_overwhelming_context(cleaner: Cleaner) -> None:
    """At 95 or more a misreading is some sixteen times rarer than on average, so the
    context must say that much more: "sur ie système" does ("le" read "ie", a habit
    of Tesseract's, sure of itself), "Le maire à reçu" does not."""
    text = "Il installe le logiciel sur ie système de la machine."
    doc = cleaner.clean_text(text, words=_marked(text, "ie", 96.0))
    assert doc.clean_text == "Il installe le logiciel sur le système de la machine."
    assert [(c.before, c.after, c.rule) for c in doc.corrections] == [("ie", "le", "context")]
    text = "Le maire à reçu les élus."
    assert cleaner.clean_text(text, words=_marked(text, "à", 96.0)).clean_text == text


def test_confidence_table_is_calibrated_from_the_package_data() -> None:
    model = load_confidence_model()
    assert model.log_ratio(None) == 0.0
    assert model.log_ratio(97.0) == 0.0  # never lower than the average word
    assert model.doubt(97.0) < -1.0  # ... but a trusted word's own odds are
    assert model.log_ratio(60.0) > 0.5
    assert model.log_ratio(30.0) >= model.log_ratio(85.0) > 0.0


def test_bad_confidence_table_names_its_line() -> None:
    with pytest.raises(DataFileError, match=r"confidence.tsv:3: expected band"):
        parse_table("# comment\n0\t10\t5\n5\tten\t1\n")
    with pytest.raises(DataFileError, match=r"confidence.tsv:2: bad or repeated band"):
        parse_table("0\t10\t5\n0\t3\t1\n")
    with pytest.raises(DataFileError, match=r"confidence.tsv:1: bad or repeated band"):
        parse_table("5\t3\t4\n")
