"""Text for a terminal: what a file name, a note or an evidence sentence may not do to it."""

import re

__all__ = ["one_line"]

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def one_line(text: str) -> str:
    """``text`` for a log line: control characters (newlines, terminal escapes) in file names
    written as ``\\xNN``, so that one file is one line and cannot restyle the terminal.

    >>> one_line("a\\nb\\x1b[31m.txt")
    'a\\\\x0ab\\\\x1b[31m.txt'
    """
    return _CONTROL.sub(
        lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 256 else f"\\u{ord(m.group()):04x}", text
    )
