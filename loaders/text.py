"""Read a file's bytes as text, or say clearly why it cannot be read.

The decoded text is the reference every provenance span points into: line endings
are normalised to ``\\n`` and a byte-order mark is dropped, nothing else changes.

>>> decode_text(b"Article 7\\r\\n", "a.txt")
'Article 7\\n'
>>> decode_text(b"", "e.txt")
Traceback (most recent call last):
...
loaders.text.ReadError: e.txt: empty file
"""

from __future__ import annotations

import codecs
import hashlib
from pathlib import Path

#: files larger than this are refused with a clear error rather than read whole
DEFAULT_MAX_BYTES = 32_000_000

_MAGIC = {
    b"%PDF": "a PDF file",
    b"PK\x03\x04": "a ZIP container (DOCX/XLSX/ODT)",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x7fELF": "an executable",
    b"\x1f\x8b": "a gzip archive",
}


class ReadError(Exception):
    """A file that cannot be read as a document; the message names the file and the reason."""


class NotThatFormat(ReadError):
    """A file whose name promises a format its bytes are not (``report.pdf`` holding text)."""


def read_text(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Read ``path`` as text (UTF-8, or UTF-16/UTF-8 with a byte-order mark)."""
    data, _ = read_bytes(path, max_bytes)
    return decode_text(data, Path(path).name)


def read_bytes(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[bytes, str]:
    """The bytes of ``path`` and their SHA-256, refusing files over ``max_bytes``."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise ReadError(f"{path.name}: file is {size / 1e6:.1f} MB, larger than the "
                            f"{max_bytes / 1e6:.0f} MB limit for one document")
        data = path.read_bytes()
    except OSError as exc:
        raise ReadError(f"{path.name}: cannot read file: {exc.strerror or exc}") from None
    return data, hashlib.sha256(data).hexdigest()


def decode_text(data: bytes, name: str) -> str:
    """Decode a document's bytes, refusing empty, binary and non-UTF-8 input with a reason."""
    if not data.strip():
        raise ReadError(f"{name}: empty file")
    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                       (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return _normalise(data.decode(codec), name)
            except UnicodeDecodeError as exc:
                raise ReadError(f"{name}: invalid {codec} text at byte {exc.start}") from None
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise ReadError(f"{name}: {what}, not a text document (only text documents are read)")
    head = data[:8192]
    if b"\x00" in head:
        raise ReadError(f"{name}: binary file (contains NUL bytes), not a text document")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ReadError(f"{name}: not UTF-8 text (invalid byte 0x{data[exc.start]:02x} at offset {exc.start}); "
                        f"save it as UTF-8") from None
    controls = sum(1 for c in text[:8192] if ord(c) < 32 and c not in "\t\n\r\f\v")
    if controls > 0.05 * min(len(text), 8192):
        raise ReadError(f"{name}: binary file (too many control characters), not a text document")
    return _normalise(text, name)


def _normalise(text: str, name: str) -> str:
    """Unix line ends; a text of nothing but white space (a no-break space, say) is refused as empty."""
    if not text.strip():
        raise ReadError(f"{name}: empty file (nothing but white space)")
    return text.replace("\r\n", "\n").replace("\r", "\n")
