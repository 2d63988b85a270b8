"""Text normalisation that keeps a map back to the original (vn-conventions §5.1).

Steps, in order: NFC; Đ look-alikes (U+00D0, U+0189, U+00F0) to Đ/đ; invisible characters
removed; dash, slash and space variants unified; markdown escapes and emphasis removed; document
numbers and dates re-joined across line breaks; in text read by OCR, the OCR damage of
``ingest.ocr_repair`` undone. Every step records, for each output character,
the original character it came from, so evidence spans can be quoted from the original text.
"""

import functools
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Sequence

from ingest.ocr_repair import OCR_REPAIRS, SYMBOL, read_right_elsewhere
from ingest.records import NormalizedText
from ontology.codes import TYPE_NAMES

__all__ = ["normalize", "normalize_text"]

_ONE_FOR_ONE: dict[str, str] = {
    "\u00d0": "Đ",
    "\u0189": "Đ",
    "\u00f0": "đ",
    **dict.fromkeys("‐‑‒–—―−﹘﹣－", "-"),
    **dict.fromkeys("⁄∕／", "/"),
    **dict.fromkeys(
        "\xa0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000", " "
    ),
    "\r": "\n",
    "\f": "\n",
    "\v": "\n",
}
# A regex finds the rare characters to map; str.translate would look up every character.
_ONE_FOR_ONE_RE = re.compile("[" + re.escape("".join(_ONE_FOR_ONE)) + "]")


def _one_for_one(text: str) -> str:
    """Map look-alikes, dashes, slashes and spaces; one character for one, so offsets are unchanged."""
    return _ONE_FOR_ONE_RE.sub(lambda m: _ONE_FOR_ONE[m.group(0)], text)


_COMBINING_CLUSTER = re.compile(r".[\u0300-\u036f]+", re.S)
_COMBINING_RE = re.compile(r"[\u0300-\u036f]")
_INVISIBLE = re.compile(r"[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_CRLF = re.compile(r"\r\n")
_MD_ESCAPE = re.compile(r"\\([\\*_#\[\]().\-!`>+|{}])")
_MD_EMPHASIS = re.compile(r"\*\*|__")
# Single-asterisk emphasis (``*Căn cứ* *Luật …*``) and decorative stars: an asterisk is never
# part of a document's words, and left in place it cuts keywords off from what follows.
_MD_STAR = re.compile(r"\*+")
_MD_HEADING = re.compile(r"^[ \t]*#{1,6}[ \t]+", re.M)
# Markdown tables (web copies put the two-column header in one): cells and <br> become lines.
_MD_TABLE_RULE = re.compile(r"^[ \t]*\|?(?:[ \t]*:?-{3,}:?[ \t]*\|)+[ \t]*:?-*:?[ \t]*$", re.M)
_HTML_BREAK = re.compile(r"<br\s*/?>", re.I)
_MD_TABLE_PIPE = re.compile(r"^[ \t]*\|[ \t]*|[ \t]*\|[ \t]*$|[ \t]+\|[ \t]+", re.M)
_LETTER = "A-Za-zĐđ"
# 579-\n\nCV/VPTU, 12/\nKH-UBND, 02-KH/\nBCĐ: a symbol broken after its separator.
_BROKEN_AFTER_SEP = re.compile(rf"(\d|\d[-/][{_LETTER}&]+)[ \t]*([-/])[ \t]*\n\s*(?=[{_LETTER}])")
# 1180\n-CV/ĐU: a symbol broken before its separator (a Party header's decorative "*" may sit
# between the two halves when the columns of the header are interleaved).
# (possessive digits: a run of digits is never re-tried shorter)
_BROKEN_BEFORE_SEP = re.compile(rf"(\d{{1,5}}+)[ \t]*\*?[ \t]*\n\s*([-/])(?=[ \t]*[{_LETTER}])")
# 22/12/\n2024: a numeric date broken before its year.
_BROKEN_DATE = re.compile(
    r"(\d(?<!\w\d)\d?[/.-]\d{1,2}[/.-])[ \t]*\n\s*(?=(?:19|20)\d\d\b)"
)  # \d first: fast scan

# A paragraph's first word left alone on its line by a page copied column by column ("ỦY" /
# "BAN NHÂN DÂN", "Ngày" / "19 tháng 6 năm 2025", "Số:" / "607/QĐ-UBND"): joined to the next line
# when that line goes on with the same phrase (an upper-case word after an upper-case one, a
# lower-case word or a number after a capitalised one) and does not open a list item.
# (The pattern opens with the line break, a literal the regex engine finds fast; the first line of
# the text is tried on its own.)
_LONE_WORD = re.compile(
    r"(?P<nl>\n|\A)[ \t]*(?P<w>[A-ZĐÀ-Ỹ][a-zà-ỹđA-ZĐÀ-Ỹ]*)(?P<colon>:?)[ \t]*\n[ \t]*(?=\S)"
)
_LONE_WORD_NEXT = re.compile(r"\n[ \t]*[A-ZĐÀ-Ỹ][a-zà-ỹđA-ZĐÀ-Ỹ]*:?[ \t]*\n")
_LONE_HEADINGS = frozenset(t.upper() for t in TYPE_NAMES if " " not in t)
_LIST_START = re.compile(r"(?:\d+(?:\.\d+)*[.)]|[IVX]+\.|[a-zđ]\)|[-–+•])(?:\s|$)")


def _join_lone_word(m: re.Match[str]) -> str:
    text = m.string
    nxt = text[m.end() : m.end() + 40]
    word = m.group("w")
    joined = f"{m.group('nl')}{word}{m.group('colon')} "
    if _LIST_START.match(nxt):
        return m.group(0)
    if m.group("colon"):
        return joined if word == "Số" and nxt[:1].isdigit() else m.group(0)
    first = nxt.split(None, 1)[0] if nxt.split() else ""
    if len(word) > 1 and word.isupper():
        return joined if first.isupper() and first.isalpha() and word not in _LONE_HEADINGS else m.group(0)
    if word[1:].islower() or len(word) == 1:
        return joined if first[:1].islower() or first[:1].isdigit() else m.group(0)
    return m.group(0)


# A header flattened onto one line ("UBND TỈNH … CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM SỞ … Độc lập - Tự
# do - Hạnh phúc Số : 2917 /SGDĐT-VP Phan Rang-Tháp Chàm, ngày …"): a line break is put back in
# place of the space before each part the two-column header is made of (the motto, its second
# line, the number, the subject line, the addressees) and after the motto.
_FLAT_HEADER_BREAK = re.compile(
    r"(?<=\S)(?P<sp>[ \t]+)(?=CỘNG\s+H[OÒ][AÀ]\s+XÃ\s+HỘI|Độc\s+lập\s*[-–]|Số\s*:|V/v\s|Kính\s+gửi\s*:)"
    r"|(?P<keep>CHỦ\s+NGHĨA\s+VIỆT\s+NAM|Hạnh\s+phúc)(?P<sp2>[ \t]+)(?=\S)"
)
_MOTTO = re.compile(r"CỘNG\s+H[OÒ][AÀ]\s+XÃ\s+HỘI|Độc\s+lập\s*[-–]")
_FLAT_HEADER_SPAN = 700


def _break_flat_header(text: str, offs: list[int]) -> tuple[str, list[int]]:
    """Put the lines of a header flattened onto one line back (same length, offsets unchanged)."""
    head = text[:_FLAT_HEADER_SPAN]
    if not any(len(line) >= 150 and _MOTTO.search(line) for line in head.split("\n")):
        return text, offs  # the header already has its lines

    def broken(m: re.Match[str]) -> str:
        if m.group("sp") is not None:
            return "\n" + m.group("sp")[1:]
        return m.group("keep") + "\n" + m.group("sp2")[1:]

    fixed = "\n".join(_FLAT_HEADER_BREAK.sub(broken, ln) if len(ln) >= 150 else ln for ln in head.split("\n"))
    return fixed + text[_FLAT_HEADER_SPAN:], offs


Repl = Callable[[re.Match[str]], str]


def _sub(text: str, offs: list[int], pattern: re.Pattern[str], repl: Repl) -> tuple[str, list[int]]:
    """``re.sub`` that also rewrites the offset map.

    Characters of a replacement map to the original position of the matched character at the
    same index when there is one, else to the last matched character.
    """
    first = pattern.search(text)
    if first is None:
        return text, offs  # the common case: nothing to rewrite, no copying
    out: list[str] = []
    new_offs: list[int] = []
    pos = 0
    for m in pattern.finditer(text, first.start()):
        s, e = m.span()
        out.append(text[pos:s])
        new_offs.extend(offs[pos:s])
        rep = repl(m)
        out.append(rep)
        if len(rep) == 1:  # the common cases: one character for a cluster or a break, or none
            new_offs.append(offs[s] if s < len(offs) else offs[-1])
        elif rep:
            for i in range(len(rep)):
                src = s + i if s + i < e else max(s, e - 1)
                new_offs.append(offs[src] if src < len(offs) else offs[-1])
        pos = e
    out.append(text[pos:])
    new_offs.extend(offs[pos:])
    return "".join(out), new_offs


@functools.lru_cache(maxsize=4096)
def _nfc_of(cluster: str) -> str:
    return unicodedata.normalize("NFC", cluster)


def _nfc(m: re.Match[str]) -> str:
    return _nfc_of(m.group(0))  # a decomposed text repeats the same few dozen letters


def _pass(text: str, offs: list[int]) -> tuple[str, list[int], bool]:
    """One round of every step; says whether markup was removed (which can expose more to do)."""
    text = _one_for_one(text)
    if _COMBINING_RE.search(text):
        text, offs = _sub(text, offs, _COMBINING_CLUSTER, _nfc)
        text = _one_for_one(text)  # NFC may have composed a look-alike again
    before_markup = text
    text, offs = _sub(text, offs, _INVISIBLE, lambda m: "")
    # Each markup step is tried only when the character it needs is in the text: plain text, the
    # common case, then costs a few substring tests instead of a regex scan per step.
    if "\\" in text:
        text, offs = _sub(text, offs, _MD_ESCAPE, lambda m: m.group(1))
    if "**" in text or "__" in text:
        text, offs = _sub(text, offs, _MD_EMPHASIS, lambda m: "")
    if "*" in text:
        text, offs = _sub(text, offs, _MD_STAR, lambda m: "")
    if "#" in text:
        text, offs = _sub(text, offs, _MD_HEADING, lambda m: "")
    if "---" in text:
        text, offs = _sub(text, offs, _MD_TABLE_RULE, lambda m: "")
    if "<" in text:
        text, offs = _sub(text, offs, _HTML_BREAK, lambda m: "\n")
    if "|" in text:
        text, offs = _sub(text, offs, _MD_TABLE_PIPE, lambda m: "\n")
    markup_removed = text is not before_markup
    text, offs = _break_flat_header(text, offs)
    if _LONE_WORD_NEXT.search(text) or _LONE_WORD.match(text):
        text, offs = _sub(text, offs, _LONE_WORD, _join_lone_word)
    if "\n" in text:  # the last three re-join what a line break cut
        text, offs = _sub(text, offs, _BROKEN_AFTER_SEP, lambda m: m.group(1) + m.group(2))
        text, offs = _sub(text, offs, _BROKEN_BEFORE_SEP, lambda m: m.group(1) + m.group(2))
        text, offs = _sub(text, offs, _BROKEN_DATE, lambda m: m.group(1))
    return text, offs, markup_removed


def _markup_left(text: str) -> bool:
    """Whether a markup step would still find something (removing markup can expose more)."""
    return bool(
        ("\\" in text and _MD_ESCAPE.search(text))
        or "*" in text
        or "**" in text
        or "__" in text
        or ("#" in text and _MD_HEADING.search(text))
        or ("<" in text and _HTML_BREAK.search(text))
        or ("|" in text and _MD_TABLE_PIPE.search(text))
        or ("---" in text and _MD_TABLE_RULE.search(text))
    )


def normalize(original: str, ocr_spans: Sequence[tuple[int, int]] = ()) -> NormalizedText:
    """Normalise ``original`` and keep the offset map; where ``ocr_spans`` (spans of ``original``
    read by OCR) cover the text, OCR damage is repaired too (``ingest.ocr_repair``).

    >>> n = normalize("Số 1180\\\\*  \\n-CV/ĐU và 57/NQ\\u2013TW")
    >>> n.text
    'Số 1180-CV/ĐU và 57/NQ-TW'
    >>> n.original[slice(*n.to_original(3, 13))]
    '1180\\\\*  \\n-CV/ĐU'
    """
    text = original
    offs = list(range(len(original)))
    text, offs = _sub(text, offs, _CRLF, lambda m: "\n")
    # Repeat until nothing changes: removing one markup can expose another ("*\\**"), so a single
    # pass would not be idempotent. Real texts settle in one or two rounds.
    # Removing markup can expose more ("*\\**"), so rounds repeat while markup goes; the other
    # steps are idempotent. Plain texts take one round.
    for _ in range(6):
        before = text
        text, offs, markup_removed = _pass(text, offs)
        if not markup_removed or text == before or not _markup_left(text):
            break
    if ocr_spans:
        text, offs = _repair_ocr(text, offs, ocr_spans)
    offs.append(len(original))
    return NormalizedText(text=text, original=original, offsets=tuple(offs))


def _repair_ocr(text: str, offs: list[int], spans: Sequence[tuple[int, int]]) -> tuple[str, list[int]]:
    """Each repair of ``ingest.ocr_repair`` where its match starts in text read by OCR; last, a
    symbol read right elsewhere in the text mends its misreadings."""
    starts = sorted(a for a, _ in spans)
    ends = [b for _, b in sorted(spans)]

    def read_by_ocr(pos: int) -> bool:
        i = bisect_right(starts, pos) - 1
        return i >= 0 and pos < ends[i]

    def only_ocr(repl: Repl, offs: list[int]) -> Repl:
        return lambda m: repl(m) if read_by_ocr(offs[m.start()]) else m.group(0)

    for _, pattern, repl in OCR_REPAIRS:
        text, offs = _sub(text, offs, pattern, only_ocr(repl, offs))
    return _sub(text, offs, SYMBOL, only_ocr(read_right_elsewhere(text), offs))


def normalize_text(s: str) -> str:
    """The normalised string alone (for short strings such as names and symbols)."""
    return normalize(s).text
