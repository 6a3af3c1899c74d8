"""What a theme page exports for the committee: sections with charts, key figures and tables.

The page builds these from exactly what the viewer sees (same areas, reference,
groups and sorting); the builders in ``export_images``, ``export_slides`` and
``export_workbook`` turn them into PNG/SVG, PowerPoint and Excel files. Nothing
here formats or computes a figure: key figures arrive as finished Danish
sentences, tables keep their numbers as numbers.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import pandas as pd

MAX_DECIMALS = 6


def _require_text(value: object, what: str) -> None:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{what} skal være en tekst, der ikke er tom.")


def _require_texts(values: object, what: str) -> None:
    if not isinstance(values, tuple):
        raise ValueError(f"{what} skal være en tuple af tekster.")
    for value in values:
        _require_text(value, f"Hver linje i {what.lower()}")


def _require_items(values: object, kind: type, what: str) -> None:
    if not isinstance(values, tuple) or not all(isinstance(v, kind) for v in values):
        raise ValueError(f"{what} skal være en tuple af {kind.__name__}.")


@dataclass(frozen=True)
class ExportChart:
    """One chart as drawn: a title and its Vega-Lite spec (``chart.to_dict()``, themed).

    ``key_figures`` are the sentences that belong to this chart (e.g. the one shown
    with it in its tab) and ``source_lines`` the source under it; its slide shows
    them instead of the whole section's when given. ``short_sources`` are the
    short lines a slide shows (``hedensted.present.sources.short_source_line``);
    the full ``source_lines`` go into the slide's notes. ``headline`` is the slide's
    message as presentation view heads it (a computed sentence); empty: the slide is
    titled »<section> – <chart>«.
    """

    title: str
    spec: dict
    key_figures: tuple[str, ...] = ()
    source_lines: tuple[str, ...] = ()
    short_sources: tuple[str, ...] = ()
    headline: str = ""

    def __post_init__(self) -> None:
        _require_text(self.title, "Figurens titel")
        if not isinstance(self.spec, dict):
            raise ValueError(
                f"Figuren »{self.title}« skal have en Vega-Lite-specifikation (en dict)."
            )
        _require_texts(self.key_figures, f"Nøgletallene til »{self.title}«")
        _require_texts(self.source_lines, f"Kildelinjerne til »{self.title}«")
        _require_texts(self.short_sources, f"De korte kildelinjer til »{self.title}«")


@dataclass(frozen=True)
class ExportTable:
    """A table as shown in "Vis tal": numbers kept as numbers, Danish column headings.

    ``decimals`` gives the decimals Excel shows per column (columns left out get
    as many as their values need, at most three). ``unit`` is the unit of the
    datasets behind the table (``hedensted.present.units.heading_unit``): the
    workbook adds it to a numeric column's heading that names none. ``slide_columns``
    names the columns a slide shows when the table is too wide for one (default: the
    key columns found by their headings). ``slide_rows`` (positions in ``frame``) are
    the rows a slide shows when not all (``None``: all), and ``slide_note`` says under
    the slide's table what the others are – as the meeting-room screen shows them.
    """

    title: str
    frame: pd.DataFrame
    source_lines: tuple[str, ...]
    period_label: str
    decimals: Mapping[str, int] = field(default_factory=dict)
    unit: str = ""
    short_sources: tuple[str, ...] = ()
    slide_columns: tuple[str, ...] = ()
    slide_rows: tuple[int, ...] | None = None
    slide_note: str = ""

    def __post_init__(self) -> None:
        _require_text(self.title, "Tabellens titel")
        if not isinstance(self.frame, pd.DataFrame):
            raise ValueError(f"Tabellen »{self.title}« skal være en pandas DataFrame.")
        if self.frame.columns.empty:
            raise ValueError(f"Tabellen »{self.title}« har ingen kolonner.")
        if self.frame.columns.duplicated().any():
            raise ValueError(f"Tabellen »{self.title}« har to kolonner med samme overskrift.")
        if missing := [c for c in self.slide_columns if c not in self.frame.columns]:
            raise ValueError(
                f"Tabellen »{self.title}« har ikke kolonnerne {', '.join(missing)} til diasset."
            )
        if self.slide_rows is not None and any(
            not 0 <= row < len(self.frame) for row in self.slide_rows
        ):
            raise ValueError(f"Tabellen »{self.title}« har ikke alle rækkerne til diasset.")
        _require_texts(self.source_lines, "Kildelinjerne")
        _require_texts(self.short_sources, "De korte kildelinjer")
        _require_text(self.period_label, "Perioden")
        for column, places in self.decimals.items():
            if column not in self.frame.columns:
                raise ValueError(
                    f"Tabellen »{self.title}« har ingen kolonne »{column}« (antal decimaler)."
                )
            if not isinstance(places, int) or not 0 <= places <= MAX_DECIMALS:
                raise ValueError(
                    f"Antal decimaler for »{column}« skal være et helt tal fra 0 til "
                    f"{MAX_DECIMALS}."
                )


@dataclass(frozen=True)
class ExportSection:
    """One section of a page (one "slide" in presentation view, one Excel sheet).

    ``short_sources``: the short source lines for its slides (the full ``source_lines``
    go into the notes); a section recorded without them shows the full lines.
    """

    title: str
    charts: tuple[ExportChart, ...]
    key_figures: tuple[str, ...]
    source_lines: tuple[str, ...]
    tables: tuple[ExportTable, ...]
    short_sources: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        _require_text(self.title, "Afsnittets titel")
        _require_items(self.charts, ExportChart, f"Figurerne i »{self.title}«")
        _require_items(self.tables, ExportTable, f"Tabellerne i »{self.title}«")
        _require_texts(self.key_figures, "Nøgletallene")
        _require_texts(self.source_lines, "Kildelinjerne")
        _require_texts(self.short_sources, "De korte kildelinjer")


def require_sections(sections: object) -> tuple[ExportSection, ...]:
    """The sections as a tuple; ``ValueError`` if there are none or one is not a section."""
    if isinstance(sections, (str, bytes)) or not hasattr(sections, "__iter__"):
        raise ValueError("Afsnittene skal være en liste af ExportSection.")
    found = tuple(sections)
    if not found:
        raise ValueError("Der er ingen afsnit at eksportere.")
    for section in found:
        if not isinstance(section, ExportSection):
            raise ValueError("Afsnittene skal være en liste af ExportSection.")
    return found


def bold_runs(text: str) -> list[tuple[str, bool]]:
    """``"**Alle ydelser**: nr. 12"`` → ``[("Alle ydelser", True), (": nr. 12", False)]``.

    Key figures may carry Markdown bold as the page shows them; slides make it
    bold, the workbook drops the asterisks (:func:`plain_text`).
    """
    runs = [(part, index % 2 == 1) for index, part in enumerate(text.split("**"))]
    if len(runs) % 2 == 0:  # an unpaired "**" is text, not markup
        return [(text, False)]
    return [(part, bold) for part, bold in runs if part]


def plain_text(text: str) -> str:
    """The text without Markdown bold markers."""
    return "".join(part for part, _ in bold_runs(text))
