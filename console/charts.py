"""Server-side SVG: one horizontal stacked bar per table row, and the same table as CSV. The page
shows the table under each chart (screen readers read the table; the picture is hidden from them)."""
from __future__ import annotations

import csv
import io

from markupsafe import Markup, escape

from .stats import Table

# Colour-blind-safe (Okabe-Ito), in the order of a table's plotted columns.
PALETTE = ("#009E73", "#D55E00", "#999999", "#E69F00", "#0072B2", "#CC79A7", "#56B4E9", "#F0E442")
LABEL_WIDTH, BAR_WIDTH, ROW, GAP, LEGEND = 230, 380, 22, 6, 26
FONT = 'font-family="system-ui, sans-serif" font-size="12"'


def _number(value) -> float:
    return float(value) if isinstance(value, (int, float)) else 0.0


def svg(table: Table) -> Markup:
    """The chart as inline SVG (empty when there is nothing to draw)."""
    columns = table.plotted
    totals = [sum(_number(row[c]) for c in columns) for row in table.rows]
    if not table.rows or not any(totals):
        return Markup("")
    biggest = max(totals)
    height = LEGEND + len(table.rows) * (ROW + GAP)
    width = LABEL_WIDTH + BAR_WIDTH + 50
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {width} {height}" '
             f'width="{width}" height="{height}" aria-hidden="true" {FONT}>']
    x = LABEL_WIDTH
    for colour, column in zip(PALETTE, columns):
        parts.append(f'<rect x="{x}" y="4" width="12" height="12" fill="{colour}"/>'
                     f'<text x="{x + 16}" y="14">{escape(table.columns[column])}</text>')
        x += 24 + 7 * len(table.columns[column])
    for number, (row, total) in enumerate(zip(table.rows, totals)):
        y = LEGEND + number * (ROW + GAP)
        label = str(row[0]) if len(str(row[0])) <= 34 else str(row[0])[:33] + "…"
        parts.append(f'<text x="{LABEL_WIDTH - 8}" y="{y + 15}" text-anchor="end">{escape(label)}</text>')
        x = float(LABEL_WIDTH)
        for colour, column in zip(PALETTE, columns):
            share = BAR_WIDTH * _number(row[column]) / biggest
            if share > 0:
                parts.append(f'<rect x="{x:.1f}" y="{y}" width="{share:.1f}" height="{ROW}" fill="{colour}">'
                             f'<title>{escape(table.columns[column])}: {escape(row[column])}</title></rect>')
            x += share
        parts.append(f'<text x="{x + 6:.1f}" y="{y + 15}">{_whole(total)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def _whole(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:.1f}"


def to_csv(table: Table) -> str:
    """The table as CSV; a cell that a spreadsheet would run as a formula is quoted."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(table.columns)
    for row in table.rows:
        writer.writerow(["'" + v if isinstance(v, str) and v[:1] in "=+-@" else v for v in row])
    return out.getvalue()
