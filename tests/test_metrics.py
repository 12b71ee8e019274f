"""CER, WER and cMER as defined in the literature."""

from __future__ import annotations

import pytest

from pressclean.metrics import cer, cmer, cmer_normalise, wer


def test_cer_counts_graphemes() -> None:
    assert cer("été", "ete") == pytest.approx(2 / 3)
    assert cer("e\u0301te\u0301", "été") == 0.0  # NFC first
    assert cer("le  pays\n", "le pays") == 0.0  # whitespace folded


def test_wer() -> None:
    assert wer("le pays horloger", "[e pays hortoger") == pytest.approx(2 / 3)


def test_cmer_normalisation() -> None:
    assert cmer_normalise("Le Cœur, l'œuvre — et ÆSOPE!") == "le coeur l oeuvre et aesope"
    assert cmer_normalise("compé¬\ntence") == "compétence"
    assert cmer("Le pôle,", "le pôle") == 0.0


def test_cmer_is_match_error_rate() -> None:
    # "abc" vs "abd": 2 hits, 1 substitution -> 1/3
    assert cmer("abc", "abd") == pytest.approx(1 / 3)
    # an insertion: hits 3, insertions 1 -> 1/4
    assert cmer("abc", "abcd") == pytest.approx(1 / 4)
