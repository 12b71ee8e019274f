"""Reading text that is not clean UTF-8, and refusing what is not text."""

from __future__ import annotations

import pytest

from pressclean.exceptions import BinaryInputError, EmptyInputError, ExitCode
from pressclean.textio import decode_bytes, read_text, write_atomic

FRENCH = "Élève à Besançon « œuvre » – l’été, déjà"
LATIN1 = "Élève à Besançon « ça » déjà, garçon, où"


@pytest.mark.parametrize(("data", "encoding"), [
    (FRENCH.encode("utf-8"), "utf-8"),
    (b"\xef\xbb\xbf" + FRENCH.encode("utf-8"), "utf-8"),
    (FRENCH.encode("utf-16"), "utf-16-le"),
    (b"\xfe\xff" + FRENCH.encode("utf-16-be"), "utf-16-be"),
    (FRENCH.encode("cp1252"), "cp1252"),
])
def test_encodings_are_detected(data: bytes, encoding: str) -> None:
    text, found = decode_bytes(data, "x.txt")
    assert text == FRENCH
    assert found == encoding


def test_latin1_keeps_its_accents() -> None:
    text, _ = decode_bytes(LATIN1.encode("latin-1"), "x.txt")
    assert text == LATIN1


def test_text_is_nfc_and_line_ends_unified() -> None:
    decomposed = "e\u0301te\u0301\r\nfin\r"
    text, _ = decode_bytes(decomposed.encode("utf-8"), "x.txt")
    assert text == "été\nfin\n"


@pytest.mark.parametrize("data", [b"", b"   \n\t\n"])
def test_empty_file_is_refused(data: bytes) -> None:
    with pytest.raises(EmptyInputError) as err:
        decode_bytes(data, "vide.txt")
    assert "vide.txt" in str(err.value)
    assert err.value.exit_code == ExitCode.BAD_INPUT


@pytest.mark.parametrize("data", [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", bytes(range(256)) * 8])
def test_binary_file_is_refused(data: bytes) -> None:
    with pytest.raises(BinaryInputError) as err:
        decode_bytes(data, "image.bin")
    assert "image.bin" in str(err.value) and "binary" in str(err.value)


def test_write_atomic_leaves_no_temporary(tmp_path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "sub" / "out.txt"
    write_atomic(target, "bonjour")
    write_atomic(target, "bonsoir")
    assert target.read_text(encoding="utf-8") == "bonsoir"
    assert [p.name for p in target.parent.iterdir()] == ["out.txt"]


def test_read_text_names_missing_file(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(BinaryInputError) as err:
        read_text(tmp_path / "absent.txt")
    assert "absent.txt" in str(err.value)
