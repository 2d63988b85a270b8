"""Small charts for the reports: inline SVG built by hand, and PNG through matplotlib when installed.

The SVG charts need nothing outside the page (no script, font or link), so an HTML report that
carries them works offline. The PNG charts are for DOCX; ``hbar_png`` and ``columns_png`` return
``None`` when matplotlib is not installed, and the report then draws its bars as a table.

Counts are whole numbers: axes tick at whole numbers only, and numbers are written for the
language (``lang``): ``1.234`` and ``12,5%`` in Vietnamese, ``1,234`` and ``12.5%`` in English.
"""

import importlib
import io
from collections.abc import Callable, Iterator, Sequence
from html import escape
from types import ModuleType
from typing import Any

from viz.i18n import Lang, format_int

__all__ = [
    "PALETTE",
    "columns_png",
    "columns_svg",
    "hbar_png",
    "hbar_svg",
    "integer_ticks",
    "matplotlib_available",
    "number_text",
]

PALETTE = ("#1f4e79", "#c0504d", "#4f8a3c", "#d08a1c", "#6f4a8e", "#2e8b99", "#7f7f7f", "#b5651d")
_FONT = "font-family:'Times New Roman',Times,serif"
_CHAR_W = 6.6  # average width of a 12px character, for laying out labels


def number_text(v: float, lang: Lang = "vi") -> str:
    """``1.234`` / ``12,5`` (vi) or ``1,234`` / ``12.5`` (en)."""
    if float(v).is_integer():
        return format_int(int(v), lang)
    s = f"{v:,.1f}"
    return s.translate(str.maketrans(",.", ".,")) if lang == "vi" else s


def integer_ticks(peak: float, most: int = 5) -> list[int]:
    """Whole-number ticks from 0 to at least ``peak``, at most ``most`` + 1 of them, on a step of
    1, 2 or 5 times a power of ten."""
    top = max(int(-(-peak // 1)), 1)
    step = next(s for s in _steps() if top / s <= most)
    return list(range(0, -(-top // step) * step + 1, step))


def _steps() -> Iterator[int]:
    scale = 1
    while True:
        for m in (1, 2, 5):
            yield m * scale
        scale *= 10


def _empty_svg(title: str, empty_text: str, width: int) -> str:
    return (
        f'<svg class="chart" role="img" aria-label="{escape(title)}" width="{width}" height="60" '
        f'viewBox="0 0 {width} 60" style="{_FONT}"><title>{escape(title)}</title>'
        f'<text x="0" y="16" font-size="14" font-weight="bold">{escape(title)}</text>'
        f'<text x="0" y="42" font-size="12" fill="#666">{escape(empty_text)}</text></svg>'
    )


def _clip(label: str, chars: int) -> str:
    return label if len(label) <= chars else label[: max(chars - 1, 1)] + "…"


def hbar_svg(
    items: Sequence[tuple[str, float]],
    *,
    title: str,
    empty_text: str = "",
    max_value: float | None = None,
    value_text: Callable[[float], str] | None = None,
    width: int = 640,
    color: str = PALETTE[0],
    lang: Lang = "vi",
) -> str:
    """Horizontal bars, one per ``(label, value)``, largest scale ``max_value`` (default: the largest)."""
    if value_text is None:
        value_text = lambda v: number_text(v, lang)  # noqa: E731
    if not items:
        return _empty_svg(title, empty_text, width)
    label_chars = min(44, max(len(label) for label, _ in items))
    label_w = int(label_chars * _CHAR_W) + 12
    bar_w = max(width - label_w - 70, 80)
    top, row = 30, 24
    height = top + row * len(items) + 6
    scale = max_value if max_value else max(v for _, v in items) or 1
    parts = [
        f'<svg class="chart" role="img" aria-label="{escape(title)}" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" style="{_FONT}"><title>{escape(title)}</title>',
        f'<text x="0" y="16" font-size="14" font-weight="bold">{escape(title)}</text>',
    ]
    for i, (label, value) in enumerate(items):
        y = top + i * row
        w = max(bar_w * min(value / scale, 1.0), 0 if value == 0 else 1)
        parts.append(
            f"<g><title>{escape(label)}: {escape(value_text(value))}</title>"
            f'<text x="{label_w - 8}" y="{y + 15}" font-size="12" text-anchor="end">'
            f"{escape(_clip(label, label_chars))}</text>"
            f'<rect x="{label_w}" y="{y + 3}" width="{w:.1f}" height="16" fill="{color}"/>'
            f'<text x="{label_w + w + 5:.1f}" y="{y + 15}" font-size="12">{escape(value_text(value))}</text></g>'
        )
    parts.append(f'<line x1="{label_w}" y1="{top}" x2="{label_w}" y2="{height - 4}" stroke="#444"/></svg>')
    return "".join(parts)


def columns_svg(
    categories: Sequence[str],
    series: Sequence[tuple[str, Sequence[float]]],
    *,
    title: str,
    empty_text: str = "",
    width: int = 640,
    height: int = 230,
    lang: Lang = "vi",
) -> str:
    """Grouped columns: one group per category (e.g. a month), one column per series, with a legend.
    The axis ticks at whole numbers."""
    if not categories or not series:
        return _empty_svg(title, empty_text, width)
    left, right, top, bottom = 34, 10, 48, 40
    plot_w, plot_h = width - left - right, height - top - bottom
    peak = max((v for _, values in series for v in values), default=0) or 1
    ticks = integer_ticks(peak, 4)
    scale = ticks[-1] or 1
    group_w = plot_w / len(categories)
    col_w = min(28.0, group_w * 0.8 / len(series))
    parts = [
        f'<svg class="chart" role="img" aria-label="{escape(title)}" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" style="{_FONT}"><title>{escape(title)}</title>',
        f'<text x="0" y="16" font-size="14" font-weight="bold">{escape(title)}</text>',
    ]
    x = 0.0
    for s, (name, _) in enumerate(series):
        parts.append(
            f'<rect x="{x:.1f}" y="26" width="12" height="12" fill="{PALETTE[s % len(PALETTE)]}"/>'
            f'<text x="{x + 16:.1f}" y="36" font-size="12">{escape(name)}</text>'
        )
        x += 16 + len(name) * _CHAR_W + 18
    for tick in ticks:
        y = top + plot_h - plot_h * tick / scale
        parts.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}" stroke="#ddd"/>'
            f'<text x="{left - 4}" y="{y + 4:.1f}" font-size="11" text-anchor="end">{format_int(tick, lang)}</text>'
        )
    label_every = max(1, int(len(categories) * 52 / plot_w) + 1)
    for c, cat in enumerate(categories):
        gx = left + c * group_w + (group_w - col_w * len(series)) / 2
        for s, (name, values) in enumerate(series):
            v = values[c]
            h = plot_h * v / scale
            parts.append(
                f'<rect x="{gx + s * col_w:.1f}" y="{top + plot_h - h:.1f}" width="{col_w - 1:.1f}" '
                f'height="{h:.1f}" fill="{PALETTE[s % len(PALETTE)]}">'
                f"<title>{escape(cat)} – {escape(name)}: {number_text(v, lang)}</title></rect>"
            )
        if c % label_every == 0:
            cx = left + c * group_w + group_w / 2
            parts.append(
                f'<text x="{cx:.1f}" y="{top + plot_h + 16}" font-size="11" text-anchor="middle">'
                f"{escape(cat)}</text>"
            )
    parts.append(
        f'<line x1="{left}" y1="{top + plot_h}" x2="{width - right}" y2="{top + plot_h}" stroke="#444"/></svg>'
    )
    return "".join(parts)


# -- PNG through matplotlib (optional) -------------------------------------------------------


def _mpl() -> tuple[ModuleType, ModuleType] | None:
    """``matplotlib.figure`` and the Agg canvas module, or ``None`` when matplotlib is not installed."""
    try:
        figure = importlib.import_module("matplotlib.figure")
        agg = importlib.import_module("matplotlib.backends.backend_agg")
    except ImportError:
        return None
    return figure, agg


def matplotlib_available() -> bool:
    return _mpl() is not None


def _figure(width_in: float, height_in: float) -> Any:
    mods = _mpl()
    if mods is None:
        return None
    figure, agg = mods
    fig = figure.Figure(figsize=(width_in, height_in), dpi=150)
    agg.FigureCanvasAgg(fig)
    return fig


def _png(fig: Any) -> bytes:
    buf = io.BytesIO()
    fig.tight_layout()
    fig.savefig(buf, format="png", metadata={"Software": None})
    return buf.getvalue()


def _formatter(lang: Lang, percent: bool = False) -> Any:
    ticker = importlib.import_module("matplotlib.ticker")
    return ticker.FuncFormatter(lambda v, _pos: number_text(v, lang) + ("%" if percent else ""))


def _whole_numbers(axis: Any, lang: Lang) -> None:
    """Ticks at whole numbers only, written for the language."""
    ticker = importlib.import_module("matplotlib.ticker")
    axis.set_major_locator(ticker.MaxNLocator(integer=True, min_n_ticks=1))
    axis.set_major_formatter(_formatter(lang))


def hbar_png(
    items: Sequence[tuple[str, float]],
    *,
    title: str,
    max_value: float | None = None,
    lang: Lang = "vi",
    percent: bool = False,
) -> bytes | None:
    """The PNG of ``hbar_svg``'s chart, or ``None`` without matplotlib or data. Counts tick at
    whole numbers; ``percent`` values keep one decimal and a ``%``."""
    if not items:
        return None
    fig = _figure(6.3, 0.9 + 0.38 * len(items))
    if fig is None:
        return None
    ax = fig.add_subplot()
    labels = [_clip(label, 48) for label, _ in items][::-1]
    values = [v for _, v in items][::-1]
    bars = ax.barh(labels, values, color=PALETTE[0])
    ax.bar_label(bars, labels=[number_text(v, lang) + ("%" if percent else "") for v in values], padding=3,
                 fontsize=8)  # fmt: skip
    ax.set_title(title, fontsize=10, fontweight="bold")
    ax.tick_params(labelsize=8)
    ax.set_xlim(0, (max_value or max(values) or 1) * 1.12)
    if percent:
        ax.xaxis.set_major_formatter(_formatter(lang, percent=True))
    else:
        _whole_numbers(ax.xaxis, lang)
    ax.spines[["top", "right"]].set_visible(False)
    return _png(fig)


def columns_png(
    categories: Sequence[str], series: Sequence[tuple[str, Sequence[float]]], *, title: str, lang: Lang = "vi"
) -> bytes | None:
    """The PNG of ``columns_svg``'s chart, or ``None`` without matplotlib or data."""
    if not categories or not series:
        return None
    fig = _figure(6.3, 2.8)
    if fig is None:
        return None
    ax = fig.add_subplot()
    n = len(series)
    width = 0.8 / n
    for s, (name, values) in enumerate(series):
        xs = [i + (s - (n - 1) / 2) * width for i in range(len(categories))]
        ax.bar(xs, list(values), width=width, label=name, color=PALETTE[s % len(PALETTE)])
    ax.set_xticks(
        range(len(categories)), list(categories), fontsize=7, rotation=45 if len(categories) > 8 else 0
    )
    _whole_numbers(ax.yaxis, lang)
    ax.tick_params(axis="y", labelsize=8)
    ax.set_title(title, fontsize=10, fontweight="bold")
    peak = max((v for _, values in series for v in values), default=0) or 1
    ax.set_ylim(0, peak * 1.35)  # room for the legend above the columns
    ax.legend(fontsize=8, frameon=False, loc="upper left", ncol=len(series))
    ax.spines[["top", "right"]].set_visible(False)
    return _png(fig)
