"""What a file's bytes say it is: signatures that must match the extension, UTF-16 without a byte
order mark, UTF-8 with a few bad bytes, and the text of HTML too deeply nested for lxml.

Checked before a reader runs, so that random bytes named ``.doc`` never reach LibreOffice and a
text that is UTF-16 or nearly UTF-8 is read rather than called binary or refused whole.
"""

from html.parser import HTMLParser
from pathlib import Path

from ingest.errors import ExtractionError

__all__ = ["check_signature", "flat_html_text", "nearly_utf8", "utf16_without_bom"]

_SIGNATURES: dict[str, tuple[tuple[bytes, ...], str]] = {
    ".pdf": ((b"%PDF-",), "PDF"),
}


def check_signature(path: Path) -> None:
    """Refuse a ``.pdf`` whose first bytes are not those of its format (a DOCX is checked as a zip by
    ``ingest.limits.check_zip``; a ``.doc`` by ``ingest.office.read_doc``, which names what it is)."""
    expected = _SIGNATURES.get(path.suffix.lower())
    if expected is None:
        return
    with path.open("rb") as f:
        head = f.read(1024)
    magics, what = expected
    # A PDF may have a few bytes of junk before its header (readers accept it within the first 1 KB).
    found = any(head.startswith(m) for m in magics) or (path.suffix.lower() == ".pdf" and magics[0] in head)
    if not found:
        msg = f"{path}: not a readable {what} (its first bytes are not those of the format, whatever the name says)"
        raise ExtractionError(msg)


def utf16_without_bom(data: bytes) -> str | None:
    """The text of UTF-16 written without a byte order mark (every other byte zero in Latin text), or None."""
    if len(data) < 4 or len(data) % 2:
        return None
    sample = data[:8192]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    for zeros, codec in ((odd, "utf-16-le"), (even, "utf-16-be")):
        if zeros > 0.3 * half and (even if codec == "utf-16-le" else odd) < 0.05 * half:
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                return None
            head = text[:4096]
            printable = sum(1 for ch in head if ch.isprintable() or ch in "\n\r\t")
            return text if printable >= 0.95 * len(head) else None
    return None


def nearly_utf8(data: bytes) -> tuple[str, int] | None:
    """``(text, bad bytes)`` when ``data`` is UTF-8 but for a few bad bytes (replaced by U+FFFD), else None.

    Few means at most one in a thousand bytes, and far fewer than the letters read correctly beyond
    ASCII: a legacy 8-bit text (cp1258, TCVN3, VNI) has a bad byte at nearly every accented letter.
    """
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    if bad <= 0:
        return None
    accented = sum(1 for ch in text if ord(ch) > 127) - bad
    if bad > 16 + len(data) // 1000 or accented < 10 * bad:
        return None
    return text, bad


_BLOCKS = {"p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section", "article"}


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag in {"script", "style"}:
            self.skip += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in {"script", "style"} and self.skip:
            self.skip -= 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def flat_html_text(raw: str) -> str:
    """The text of HTML read as a flat stream of tags (no tree, so no depth limit), blocks on their own lines."""
    parser = _Text()
    parser.feed(raw)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)
