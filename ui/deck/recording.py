"""Record what a page section shows, so exports contain exactly what the viewer sees.

While a section is drawn (``recording``), the shared components (chart, KPI tile,
key sentence, "Vis tal" table, source line) add what they draw to the section's
record. The PowerPoint and Excel exports are built from these records: same
filters, same reference area, same figures as on screen.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field, replace

import pandas as pd

from hedensted.exports.model import ExportChart, ExportSection, ExportTable


@dataclass
class SectionRecord:
    """What one section of a page showed in this run."""

    title: str
    charts: list[ExportChart] = field(default_factory=list)
    key_figures: list[str] = field(default_factory=list)
    source_lines: list[str] = field(default_factory=list)
    tables: list[ExportTable] = field(default_factory=list)
    # Key figures drawn since the last chart: they belong to the next chart (a
    # tab's sentence stands above its chart), or to the last one if none follows.
    pending: list[str] = field(default_factory=list)
    # Source lines drawn after each chart (its caption), by chart position, and the
    # short lines of the same sources (a slide's source line).
    chart_sources: list[list[str]] = field(default_factory=list)
    short_sources: list[str] = field(default_factory=list)
    chart_short_sources: list[list[str]] = field(default_factory=list)
    # Charts so far that an untitled table has been named after (the »Vis tal« under it).
    charts_with_table: int = 0

    def frozen(self) -> ExportSection:
        charts = [
            replace(
                chart,
                source_lines=tuple(dict.fromkeys(sources)),
                short_sources=tuple(dict.fromkeys(shorts)),
            )
            for chart, sources, shorts in zip(
                self.charts, self.chart_sources, self.chart_short_sources, strict=True
            )
        ]
        if charts and self.pending:
            last = charts[-1]
            charts[-1] = replace(last, key_figures=(*last.key_figures, *self.pending))
        return ExportSection(
            title=self.title,
            charts=tuple(charts),
            key_figures=tuple(self.key_figures),
            source_lines=tuple(dict.fromkeys(self.source_lines)),
            tables=tuple(self.tables),
            short_sources=tuple(dict.fromkeys(self.short_sources)),
        )


# Each Streamlit session runs its script in its own thread, and a ContextVar is
# per thread, so sessions never see each other's records.
_current: ContextVar[SectionRecord | None] = ContextVar("current_section", default=None)


@contextmanager
def recording(record: SectionRecord) -> Iterator[SectionRecord]:
    """Send what the components draw inside the block to ``record``."""
    token = _current.set(record)
    try:
        yield record
    finally:
        _current.reset(token)


def chart_title(title: str) -> str:
    """The chart's name in exports: its own title, else its section's, numbered
    from the second untitled chart on, so file names stay apart."""
    if title:
        return title
    record = _current.get()
    if record is None:
        return ""
    untitled = sum(chart.title.startswith(record.title) for chart in record.charts)
    return record.title if untitled == 0 else f"{record.title} ({untitled + 1})"


def record_chart(title: str, spec: dict) -> None:
    record = _current.get()
    if record is not None:
        record.charts.append(
            ExportChart(title=title or record.title, spec=spec, key_figures=tuple(record.pending))
        )
        record.pending.clear()
        record.chart_sources.append([])
        record.chart_short_sources.append([])


def record_key_figure(text: str) -> None:
    record = _current.get()
    plain = re.sub(r":material/[a-z_]+:|\*\*", "", text).strip()
    if record is not None and plain:
        record.key_figures.append(plain)
        record.pending.append(plain)


def record_sources(lines: list[str], short: str = "") -> None:
    """The full source lines drawn, and their short line for a slide (if any)."""
    record = _current.get()
    if record is not None:
        record.source_lines.extend(lines)
        if record.chart_sources:
            record.chart_sources[-1].extend(lines)
        if short:
            record.short_sources.append(short)
            if record.chart_short_sources:
                record.chart_short_sources[-1].append(short)


def _untitled_table_title(record: SectionRecord) -> str:
    """An untitled table holds the numbers of the chart drawn just before it (its »Vis
    tal«): it is named like that chart's slide, »<section> – <chart>«. A further
    untitled table after the same chart gets the section's title."""
    if len(record.charts) <= record.charts_with_table:
        return record.title
    record.charts_with_table = len(record.charts)
    chart = record.charts[-1].title
    return chart if chart.startswith(record.title) else f"{record.title} – {chart}"


def record_table(
    title: str,
    frame: pd.DataFrame,
    source_lines: list[str],
    period_label: str,
    unit: str = "",
    short_source: str = "",
    slide_columns: tuple[str, ...] = (),
    slide_rows: tuple[int, ...] | None = None,
    slide_note: str = "",
) -> None:
    record = _current.get()
    if record is not None:
        record.tables.append(
            ExportTable(
                title=title or _untitled_table_title(record),
                frame=frame,
                source_lines=tuple(source_lines),
                period_label=period_label,
                unit=unit,
                short_sources=(short_source,) if short_source else (),
                slide_columns=slide_columns,
                slide_rows=slide_rows,
                slide_note=slide_note,
            )
        )
