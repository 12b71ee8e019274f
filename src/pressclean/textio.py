"""Reading text that is not always clean UTF-8, and writing files atomically.

Detection order, most certain first: a BOM (UTF-8, UTF-16, UTF-32) is proof; valid
UTF-8 is almost never produced by accident from legacy bytes; otherwise
charset-normalizer chooses among the legacy encodings, and we prefer cp1252 when it
and Latin-1 both fit (cp1252 is what Windows-era French OCR exports used). Binary data
(NUL bytes, control characters) is refused rather than decoded into garbage.
"""

from __future__ import annotations

import codecs
import os
import sys
import tempfile
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from pressclean.exceptions import BinaryInputError, EmptyInputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_LEGACY = ("cp1252", "latin-1", "iso8859-15", "mac-roman")
#: C0 controls other than tab, LF, VT, FF, CR and ESC never occur in OCR text
_CONTROL = set(range(0x00, 0x09)) | {0x0E, 0x0F} | set(range(0x10, 0x1B)) | set(range(0x1C, 0x20))


def nfc(text: str) -> str:
    """NFC, the one normal form every offset in pressclean refers to."""
    return unicodedata.normalize("NFC", text)


def decode_bytes(data: bytes, name: str) -> tuple[str, str]:
    """Decode ``data`` to NFC text; return the text and the encoding used."""
    if not data.strip():
        raise EmptyInputError(name, "empty file: no text to clean")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(encoding)
            except UnicodeDecodeError as exc:
                raise BinaryInputError(
                    name, f"declares {encoding} but is not: {exc.reason}") from exc
            return _checked(text, name), encoding
    if _looks_binary(data):
        raise BinaryInputError(name, "binary data, not text (NUL or control bytes)")
    try:
        return _checked(data.decode("utf-8"), name), "utf-8"
    except UnicodeDecodeError:
        pass
    return _checked(data.decode(_guess_legacy(data)), name), _guess_legacy(data)


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b in _CONTROL)
    return controls > max(2, len(sample) // 200)


def _guess_legacy(data: bytes) -> str:
    """Pick a single-byte encoding; charset-normalizer ranks, French letters decide."""
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=list(_LEGACY)).best()
    candidates = [best.encoding] if best is not None else []
    candidates += [e for e in _LEGACY if e not in candidates]

    def french_score(enc: str) -> int:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            return -(10**9)
        good = sum(1 for ch in text if ch in "éèêëàâîïôûùüçœÉÈÊÀÇŒ«»’…–—")
        bad = sum(1 for ch in text if unicodedata.category(ch) in ("Cc", "Co", "Cn")
                  and ch not in "\t\n\r\f\v")
        return good - 5 * bad

    # cp1252 first among equals: it is the superset Windows software wrote.
    normalised = ["cp1252" if c.replace("_", "-").lower() in ("windows-1252", "cp1252") else c
                  for c in candidates]
    return max(normalised, key=lambda e: (french_score(e), e == "cp1252"))


def _checked(text: str, name: str) -> str:
    text = nfc(text.replace("\r\n", "\n").replace("\r", "\n"))
    if not text.strip():
        raise EmptyInputError(name, "empty file: no text to clean")
    bad = sum(1 for ch in text[:8192] if ord(ch) in _CONTROL or ch == "\ufffd")
    if bad > max(2, len(text[:8192]) // 200):
        raise BinaryInputError(name, "binary data, not text (control characters)")
    return text


def read_text(path: str | Path) -> tuple[str, str]:
    """Read a text file (``-`` for stdin) as NFC; return (text, encoding)."""
    if str(path) == "-":
        return decode_bytes(sys.stdin.buffer.read(), "<stdin>")
    p = Path(path)
    try:
        data = p.read_bytes()
    except IsADirectoryError as exc:
        raise BinaryInputError(p, "is a directory, not a file") from exc
    except OSError as exc:
        raise BinaryInputError(p, f"cannot read: {exc.strerror}") from exc
    return decode_bytes(data, str(p))


def _plain_file_mode() -> int:
    """The mode open() would give: mkstemp's 0600 would hide outputs from other users."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


#: permissions of files written atomically (umask honoured, read at import)
FILE_MODE = _plain_file_mode()


def write_atomic(path: str | Path, data: str | bytes) -> None:
    """Write via a temporary file in the same folder, then rename: never half a file."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    stream_atomic(path, lambda fh: fh.write(payload))


def stream_atomic(path: str | Path, write: Callable[[BinaryIO], object]) -> None:
    """Let ``write`` fill a temporary file beside ``path``, fsync it, rename it over
    ``path``: a reader (or a crash) never sees half a file."""
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", suffix=".tmp", dir=p.parent)
    try:
        os.fchmod(fd, FILE_MODE)
        with os.fdopen(fd, "wb") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, p)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
