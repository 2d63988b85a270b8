"""Documents before rendering (:class:`Doc`) and the :class:`Sink` that renders and writes them: plain
text (wrapped like text copied from a PDF, with NFD paragraphs now and then), markdown copies and
a bounded sample of DOCX files, counted by level, kind and format."""

import os
import random
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from testkit.synth.text import Mess, header_lines, nfd, render_md, wrap, write_docx
from testkit.synth.world import Settings

__all__ = ["MAX_DOCX", "Doc", "Sink"]


@dataclass(slots=True)
class Doc:
    """A document before rendering: header columns, title, body lines (``True`` marks filler prose)."""

    level: str
    kind: str
    tag: str
    left: list[str]
    number_line: str
    right: tuple[str, ...]
    date_line: str
    vv: list[str] = field(default_factory=list)
    heading: str | None = None
    title: list[str] = field(default_factory=list)
    body: list[tuple[str, bool]] = field(default_factory=list)


_FORMAT_WEIGHTS = {"txt": 0.87, "md": 0.10, "docx": 0.03}
MAX_DOCX = 2000


class Sink:
    """Writes documents and counts them."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.documents = 0
        self.bytes = 0
        self.by_level: Counter[str] = Counter()
        self.by_kind: Counter[str] = Counter()
        self.by_format: Counter[str] = Counter()
        self._dirs: dict[str, str] = {}
        allowed = [f for f in ("txt", "md", "docx") if f in settings.formats]
        total = sum(_FORMAT_WEIGHTS[f] for f in allowed)
        acc = 0.0
        self._cum: list[tuple[float, str]] = []
        for f in allowed:
            acc += _FORMAT_WEIGHTS[f] / total
            self._cum.append((acc, f))

    def _format(self, rng: random.Random) -> str:
        x = rng.random()
        fmt = next((f for threshold, f in self._cum if x < threshold), self._cum[-1][1])
        if fmt == "docx" and self.by_format["docx"] >= MAX_DOCX and "txt" in self.settings.formats:
            return "txt"  # python-docx is slow: a large corpus keeps a bounded sample of DOCX files
        return fmt

    def write(
        self, subdir: str, stem: str, doc: Doc, rng: random.Random, mess: Mess, *, fmt: str | None = None
    ) -> str:
        fmt = fmt or self._format(rng)
        name = f"{stem}.{fmt}"
        folder = self._dirs.get(subdir)
        if folder is None:
            (self.settings.out / subdir).mkdir(parents=True, exist_ok=True)
            folder = self._dirs[subdir] = f"{self.settings.out / subdir}{os.sep}"
        if fmt == "docx":
            size = write_docx(
                Path(folder + name),
                [*doc.left, doc.number_line] if doc.left else [doc.date_line],
                [*doc.right, doc.date_line] if doc.left else [""],
                [*doc.vv, *([doc.heading] if doc.heading else []), *doc.title, *(t for t, _ in doc.body)],
            )
        else:
            text = _render_md(doc) if fmt == "md" else _render_txt(doc, rng, mess)
            data = text.encode("utf-8")
            with open(folder + name, "wb") as f:
                f.write(data)
            size = len(data)
        self.documents += 1
        self.bytes += size
        self.by_level[doc.level] += 1
        self.by_kind[doc.kind] += 1
        self.by_format[fmt] += 1
        return name


def _render_txt(doc: Doc, rng: random.Random, mess: Mess) -> str:
    lines: list[str] = []
    if doc.left:
        lines.extend(header_lines(doc.left, doc.number_line, doc.right, doc.date_line, rng))
    elif doc.date_line:
        lines.append(doc.date_line)
    lines.extend(doc.vv)
    lines.append("")
    if doc.heading:
        lines.append(" " * rng.randint(0, 24) + doc.heading)
    lines.extend(doc.title)
    lines.append("")
    pdf = rng.random() < 0.3
    width = rng.randint(70, 92)
    for text, filler in doc.body:
        if filler:
            if mess.chance(0.06):
                text = nfd(text)
            if pdf:
                lines.extend(wrap(text, width))
                continue
        lines.append(text)
    out = ("\n\n" if pdf and rng.random() < 0.4 else "\n").join(lines) + "\n"
    if mess.chance(0.02):
        out = nfd(out)
    return out


def _render_md(doc: Doc) -> str:
    lines: list[str] = []
    if doc.left:
        lines.extend([*doc.left, doc.number_line, "", *doc.right, doc.date_line])
    elif doc.date_line:
        lines.append(doc.date_line)
    lines.extend(doc.vv)
    lines.append("")
    if doc.heading:
        lines.append(doc.heading)
    lines.extend(doc.title)
    lines.append("")
    lines.extend(t for t, _ in doc.body)
    return render_md(lines, doc.heading)
