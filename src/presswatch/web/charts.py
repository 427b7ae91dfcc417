"""Charts drawn on the server as SVG: bars, stacked bars, columns over months, lines over months.

No script, no style attribute and no <style> element (the pages' CSP, style-src 'self', blocks
both): colours are presentation attributes (fill=, stroke=), text is styled by the `.chart` rules
of the app's stylesheet. Every text and attribute value goes through `esc`: speaker and outlet
names are untrusted. Each chart has a <title> and a <desc> (role="img"); the page shows its
numbers in a table beside it. A chart with nothing to draw says so ("no data").
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from html import escape
from typing import Optional, Sequence

WIDTH = 760
PALETTE = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22",
           "#17becf")
UNKNOWN = "#c7c7c7"  # the bucket of what is not known (no gender, no speaker) is grey in every chart
AXIS, GRID, INK = "#555555", "#e4e4e4", "#222222"
CHAR_PX = 6.6  # the mean width of a 12px character of the stylesheet's sans-serif, to fit labels


def esc(value) -> str:
    return escape(str(value), quote=True)


def fit(text, px: float) -> str:
    """`text` cut with an ellipsis to about `px` pixels (the full text stays in the element's <title>)."""
    text = str(text)
    most = max(3, int(px / CHAR_PX))
    return text if len(text) <= most else text[:most - 1].rstrip() + "…"


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    href: Optional[str] = None  # a link of the app's own (the label links there)


def _id(name: str) -> str:
    return re.sub(r"[^a-z0-9-]", "-", name.lower())


def _open(name: str, title: str, desc: str, height: float) -> list[str]:
    i = _id(name)
    return [f'<svg class="chart" id="chart-{i}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height:.0f}" '
            f'width="{WIDTH}" height="{height:.0f}" role="img" aria-labelledby="chart-{i}-title chart-{i}-desc">',
            f'<title id="chart-{i}-title">{esc(title)}</title>', f'<desc id="chart-{i}-desc">{esc(desc)}</desc>']


def no_data(name: str, title: str, desc: str, message: str = "No data for this selection") -> str:
    """A chart with nothing to draw: a grey panel saying so (and why, in `message`)."""
    out = _open(name, title, f"{desc} {message}.", 70)
    out += [f'<rect x="0.5" y="0.5" width="{WIDTH - 1}" height="69" fill="#f4f4f4" stroke="{GRID}"/>',
            f'<text class="nodata" x="{WIDTH / 2}" y="40" text-anchor="middle" fill="{AXIS}">{esc(message)}</text>',
            "</svg>"]
    return "\n".join(out)


def ticks(top: float, most: int = 5) -> list[float]:
    """Round axis values from 0 to at least `top` (steps of 1, 2 or 5 times a power of ten)."""
    if top <= 0:
        return [0, 1]
    raw = top / most
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    step = max(step, 1) if top >= 1 else step
    return [k * step for k in range(int(math.ceil(top / step)) + 1)]


def number(v: float) -> str:
    return f"{v:,.0f}" if float(v).is_integer() else f"{v:,.1f}"


def counted(v: float, unit: str) -> str:
    """"1 statement", "2 statements": the unit (a plural in -s) singular for exactly one."""
    return f"{number(v)} {unit[:-1] if v == 1 and unit.endswith('s') else unit}"


def _link(text: str, href: Optional[str]) -> str:
    return f'<a href="{esc(href)}">{text}</a>' if href else text


def legend(entries: list[tuple[str, str]], y: float, columns: int = 3) -> tuple[list[str], float]:
    """(SVG lines, height) of a legend: a swatch and a name per entry, `columns` to a row."""
    col = (WIDTH - 20) / columns
    out = []
    for k, (name, colour) in enumerate(entries):
        x, yy = 10 + (k % columns) * col, y + (k // columns) * 20
        out.append(f'<g><title>{esc(name)}</title><rect x="{x:.1f}" y="{yy:.1f}" width="12" height="12" fill="{colour}"/>'
                   f'<text class="legend" x="{x + 17:.1f}" y="{yy + 10.5:.1f}" fill="{INK}">{esc(fit(name, col - 24))}</text></g>')
    return out, 20 * math.ceil(len(entries) / columns)


def bar_chart(name: str, title: str, desc: str, bars: list[Bar], unit: str = "statements",
              colour: str = PALETTE[0]) -> str:
    """Horizontal bars, one per label (in the order given), the value written at each bar's end."""
    if not bars or not any(b.value for b in bars):
        return no_data(name, title, desc)
    label_w, right, row, top = 230, 70, 24, 6
    scale = ticks(max(b.value for b in bars))
    x0, x1 = label_w + 10, WIDTH - right
    px = (x1 - x0) / scale[-1]
    height = top + row * len(bars) + 26
    out = _open(name, title, desc, height) + _grid_x(scale, x0, px, top, height - 22, "")
    for k, b in enumerate(bars):
        y = top + k * row
        w = b.value * px
        out.append(f'<g><title>{esc(b.label)}: {esc(counted(b.value, unit))}</title>'
                   + _link(f'<text class="label" x="{label_w}" y="{y + 16}" text-anchor="end" fill="{INK}">'
                           f'{esc(fit(b.label, label_w - 10))}</text>', b.href)
                   + f'<rect x="{x0}" y="{y + 4}" width="{w:.1f}" height="{row - 8}" fill="{colour}"/>'
                   f'<text class="value" x="{x0 + w + 5:.1f}" y="{y + 16}" fill="{INK}">{number(b.value)}</text></g>')
    out.append("</svg>")
    return "\n".join(out)


def _grid_x(scale: list, x0: float, px: float, top: float, bottom: float, suffix: str) -> list[str]:
    """Vertical grid lines and their values below, for horizontal bars."""
    out = []
    for v in scale:
        x = x0 + v * px
        out.append(f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{bottom}" stroke="{GRID}"/>'
                   f'<text class="tick" x="{x:.1f}" y="{bottom + 15}" text-anchor="middle" fill="{AXIS}">'
                   f'{number(v)}{suffix}</text>')
    return out


def stacked_bars(name: str, title: str, desc: str, rows: Sequence[tuple[str, Sequence[float], Optional[str]]],
                 parts: list[tuple[str, str]], share: bool = False, unit: str = "statements") -> str:
    """Horizontal bars cut into parts (parts: (name, colour)); rows: (label, a value per part, link).
    `share`: every bar is 100% and each part its percentage, written inside where it fits."""
    rows = [r for r in rows if sum(r[1]) > 0]
    if not rows:
        return no_data(name, title, desc)
    label_w, right, row, top = 230, 60, 26, 6
    scale = [0, 25, 50, 75, 100] if share else ticks(max(sum(v) for _, v, _ in rows))
    x0, x1 = label_w + 10, WIDTH - right
    px = (x1 - x0) / scale[-1]
    bottom = top + row * len(rows)
    keys, key_h = legend(parts, bottom + 30)
    out = _open(name, title, desc, bottom + 34 + key_h) + _grid_x(scale, x0, px, top, bottom, "%" if share else "")
    for k, (label, values, href) in enumerate(rows):
        y, x, total = top + k * row, float(x0), sum(values)
        out.append(_link(f'<text class="label" x="{label_w}" y="{y + 17}" text-anchor="end" fill="{INK}">'
                         f'{esc(fit(label, label_w - 10))}<title>{esc(label)}</title></text>', href))
        for (part, colour), v in zip(parts, values):
            w = (100 * v / total if share else v) * px
            if v <= 0:
                continue
            pct = 100 * v / total
            out.append(f'<g><title>{esc(label)}, {esc(part)}: {esc(counted(v, unit))} ({pct:.0f}%)</title>'
                       f'<rect x="{x:.1f}" y="{y + 4}" width="{w:.1f}" height="{row - 8}" fill="{colour}"/>'
                       + (f'<text class="inbar" x="{x + w / 2:.1f}" y="{y + 17}" text-anchor="middle" fill="#ffffff">'
                          f'{pct:.0f}%</text>' if share and w >= 34 else "") + "</g>")
            x += w
        if not share:
            out.append(f'<text class="value" x="{x + 5:.1f}" y="{y + 17}" fill="{INK}">{number(total)}</text>')
    out += keys + ["</svg>"]
    return "\n".join(out)


def month_labels(months: list[str], width: float) -> dict[int, str]:
    """Which months of an axis get a label, and the label: each month ("2024-03") while they fit,
    else the Januaries as years ("2024"), every k-th year where even those would crowd."""
    if not months:
        return {}
    per = width / len(months)
    if per >= 52:
        return dict(enumerate(months))
    if len(months) <= 24:
        step = math.ceil(52 / per)
        return {i: m for i, m in enumerate(months) if i % step == 0}
    years = [(i, m[:4]) for i, m in enumerate(months) if m.endswith("-01") or i == 0]
    step = max(1, math.ceil(len(years) * 40 / width))
    return dict(years[::step])


def _frame(scale: list, months: list[str], x0: float, x1: float, top: float, bottom: float) -> list[str]:
    """The y grid with its values, and the month axis below a time chart."""
    py = (bottom - top) / scale[-1]
    out = []
    for v in scale:
        y = bottom - v * py
        out.append(f'<line x1="{x0}" y1="{y:.1f}" x2="{x1}" y2="{y:.1f}" stroke="{GRID}"/>'
                   f'<text class="tick" x="{x0 - 6}" y="{y + 4:.1f}" text-anchor="end" fill="{AXIS}">{number(v)}</text>')
    step = (x1 - x0) / len(months)
    for i, text in month_labels(months, x1 - x0).items():
        x = x0 + (i + 0.5) * step
        out.append(f'<line x1="{x:.1f}" y1="{bottom}" x2="{x:.1f}" y2="{bottom + 4}" stroke="{AXIS}"/>'
                   f'<text class="tick" x="{x:.1f}" y="{bottom + 17}" text-anchor="middle" fill="{AXIS}">{esc(text)}</text>')
    out.append(f'<line x1="{x0}" y1="{bottom}" x2="{x1}" y2="{bottom}" stroke="{AXIS}"/>')
    return out


def month_columns(name: str, title: str, desc: str, months: list[str], parts: list[tuple[str, str, list[float]]],
                  unit: str = "statements") -> str:
    """Columns per month, stacked when there are several parts: (name, colour, a value per month)."""
    totals = [sum(p[2][i] for p in parts) for i in range(len(months))]
    if not months or not any(totals):
        return no_data(name, title, desc)
    x0, x1, top, bottom = 56, WIDTH - 10, 10, 210
    scale = ticks(max(totals))
    py, step = (bottom - top) / scale[-1], (x1 - x0) / len(months)
    keys, key_h = legend([(p[0], p[1]) for p in parts], bottom + 32) if len(parts) > 1 else ([], 0)
    out = _open(name, title, desc, bottom + 30 + key_h) + _frame(scale, months, x0, x1, top, bottom)
    bar = min(step * 0.8, 36)  # a lone month is a column, not a wall
    for i, month in enumerate(months):
        y = float(bottom)
        for part, colour, values in parts:
            h = values[i] * py
            if values[i]:
                out.append(f'<rect x="{x0 + (i + 0.5) * step - bar / 2:.1f}" y="{y - h:.1f}" width="{bar:.1f}" '
                           f'height="{h:.1f}" fill="{colour}"><title>{esc(month)}, {esc(part)}: '
                           f'{esc(counted(values[i], unit))}</title></rect>')
            y -= h
    out += keys + ["</svg>"]
    return "\n".join(out)


def month_lines(name: str, title: str, desc: str, months: list[str], series: list[tuple[str, str, list[float]]],
                unit: str = "statements") -> str:
    """A line per series over the months: (name, colour, a value per month); dots where months are few."""
    if not months or not any(any(s[2]) for s in series):
        return no_data(name, title, desc)
    x0, x1, top, bottom = 56, WIDTH - 10, 10, 210
    scale = ticks(max(max(s[2]) for s in series))
    py, step = (bottom - top) / scale[-1], (x1 - x0) / len(months)
    keys, key_h = legend([(s[0], s[1]) for s in series], bottom + 32)
    out = _open(name, title, desc, bottom + 30 + key_h) + _frame(scale, months, x0, x1, top, bottom)
    for label, colour, values in series:
        points = [(x0 + (i + 0.5) * step, bottom - v * py) for i, v in enumerate(values)]
        out.append(f'<g><title>{esc(label)}</title><polyline fill="none" stroke="{colour}" stroke-width="2" '
                   f'points="{" ".join(f"{x:.1f},{y:.1f}" for x, y in points)}"/>')
        if len(months) <= 36:
            out += [f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{colour}"><title>{esc(label)}, {esc(m)}: '
                    f'{esc(counted(v, unit))}</title></circle>' for (x, y), m, v in zip(points, months, values)]
        out.append("</g>")
    out += keys + ["</svg>"]
    return "\n".join(out)


def months_between(first: str, last: str) -> list[str]:
    """Every "YYYY-MM" from `first` to `last`, so that a month without statements shows as 0."""
    y, m = int(first[:4]), int(first[5:7])
    out = []
    while f"{y:04d}-{m:02d}" <= last:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out
