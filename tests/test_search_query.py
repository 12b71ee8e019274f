"""The query language: what each form turns into, and the one-line errors."""

from __future__ import annotations

import pytest

from pressclean.exceptions import ExitCode, SearchIndexError
from pressclean.querysyntax import Clause, parse_query


def test_words_phrases_prefixes_fields() -> None:
    assert parse_query("Besançon entreprises") == [
        Clause(("besancon",), (0,)), Clause(("entrepris",), (0,))]
    assert parse_query('"pôle des microtechniques"') == [
        Clause(("pol", "microtechn"), (0, 2))]
    assert parse_query("micro*") == [Clause(("micro",), (0,), prefix=True)]
    assert parse_query('"conseil rég*"') == [
        Clause(("conseil", "reg"), (0, 1), prefix=True)]
    assert parse_query("-airbus people:Deschamps") == [
        Clause(("airbus",), (0,), negated=True), Clause(("deschamp",), (0,), field="people")]
    assert parse_query("l'industrie") == [Clause(("industr",), (0,))]


@pytest.mark.parametrize("query, message", [
    ('"pôle des', "unbalanced quote"),
    ("m*", "a prefix needs at least 2 letters"),
    ("mi*cro", "'*' only ends a word"),
    ("auteur:x", "unknown field 'auteur'"),
    ("le la les", "nothing to search for"),
    ("-airbus", "nothing to search for"),
    ("", "nothing to search for"),
])
def test_malformed(query: str, message: str) -> None:
    with pytest.raises(SearchIndexError, match=message) as err:
        parse_query(query)
    assert err.value.exit_code == ExitCode.INDEX_ERROR and "\n" not in str(err.value)
