"""Table pairs for the Benchmark page: Danish text on screen, numbers in the Excel file.

Each "Vis tal" table is described once as a list of :class:`Column`; the same
spec gives the text table shown in the app and the export with the same rows,
columns and headings, numbers rounded to the decimals shown.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import pandas as pd

from hedensted.benchmark.charts import OTHERS, group_statuses
from hedensted.core.periods import period_label
from hedensted.present.formatting import (
    MISSING_TEXT,
    and_list,
    format_kroner,
    format_million_kroner,
    format_number,
    format_percent,
    format_points,
)
from hedensted.present.tables import display_table

OTHERS_TOTAL = f"{OTHERS} i alt"  # the row with what the chart's »Øvrige« part adds up to

ColumnKind = Literal["text", "number", "percent", "points", "kroner", "million"]


@dataclass(frozen=True)
class Column:
    """One table column: source column, Danish heading, how to show it."""

    name: str
    heading: str
    kind: ColumnKind = "text"
    decimals: int = 0
    signed: bool = False

    def format(self, value: object) -> str:
        """The value as Danish text (``–`` where missing)."""
        if _missing(value):
            return MISSING_TEXT
        if self.kind == "text":
            return str(value)
        number = float(value)  # type: ignore[arg-type]  # a number: missing and text returned above
        if self.kind == "number":
            return format_number(number, self.decimals, self.signed)
        if self.kind == "percent":
            return format_percent(number, self.decimals, self.signed)
        if self.kind == "points":
            return format_points(number, self.decimals, self.signed)
        if self.kind == "kroner":
            return format_kroner(number, self.decimals, self.signed)
        return format_million_kroner(number, self.decimals, self.signed)

    def export(self, value: object) -> object:
        """The value for Excel: numbers rounded as shown (millions in millions)."""
        if _missing(value):
            return None
        if self.kind == "text":
            return str(value)
        number = float(value)  # type: ignore[arg-type]  # a number: missing and text returned above
        if self.kind == "million":
            number /= 1_000_000
        rounded = round(number, self.decimals)
        return int(rounded) if self.decimals == 0 else rounded


def _missing(value: object) -> bool:
    if value is None or value is pd.NA:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and value == ""


def table_pair(frame: pd.DataFrame, columns: Sequence[Column]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``(shown, export)``: the Danish text table and the same table with numbers.

    Raises ``ValueError`` if a column is not in ``frame`` or two columns share a heading.
    """
    headings = [c.heading for c in columns]
    if len(set(headings)) != len(headings):
        raise ValueError("To kolonner i tabellen har samme overskrift.")
    shown = display_table(
        frame,
        {c.name: c.heading for c in columns},
        {c.name: c.format for c in columns},
    )
    export = pd.DataFrame(
        {c.heading: [c.export(v) for v in frame[c.name]] for c in columns}
    ).reset_index(drop=True)
    return shown, export


# --- The page's "Vis tal" tables ------------------------------------------------------

Pair = tuple[pd.DataFrame, pd.DataFrame]


def values_table(
    wide: pd.DataFrame,
    category: str,
    category_heading: str,
    kind: ColumnKind,
    decimals: int,
    unit: str,
) -> Pair:
    """Values per category (rows) and area (columns), e.g. pct. of the labour force."""
    columns = [Column(category, category_heading)]
    columns += [
        Column(area, f"{area} ({unit})", kind, decimals)
        for area in wide.columns
        if area != category
    ]
    return table_pair(wide, columns)


def differences_table(
    differences: pd.DataFrame,
    category: str,
    category_heading: str,
    reference: str,
    kind: ColumnKind,
    decimals: int,
    unit: str,
    difference_kind: ColumnKind | None = None,
) -> Pair:
    """Hedensted, the reference and the difference per category."""
    return table_pair(
        differences,
        [
            Column(category, category_heading),
            Column("value", f"Hedensted ({unit})", kind, decimals),
            Column("reference_value", f"{reference} ({unit})", kind, decimals),
            Column(
                "difference",
                f"Forskel, Hedensted minus {reference} ({_difference_unit(kind, unit)})",
                difference_kind or ("points" if kind == "percent" else kind),
                decimals,
                signed=True,
            ),
        ],
    )


def _difference_unit(kind: ColumnKind, unit: str) -> str:
    return "pct.-point" if kind == "percent" else unit


def worth_table(worth: pd.DataFrame, reference: str) -> Pair:
    """The expense gap per group and what it is worth for Hedensted's labour force."""
    return table_pair(
        worth,
        [
            Column("group", "Ydelsesgruppe"),
            Column("value", "Hedensted (kr. pr. person)", "kroner"),
            Column("reference_value", f"{reference} (kr. pr. person)", "kroner"),
            Column("difference", "Forskel (kr. pr. person)", "kroner", signed=True),
            Column("labour_force", "Hedensteds arbejdsstyrke (personer)", "number"),
            Column("total_kr", "Forskel i alt (mio. kr.)", "million", 1, signed=True),
        ],
    )


def published_difference_table(check: pd.DataFrame) -> Pair:
    """The document's own »Forskel« column beside the computed difference."""
    frame = check.assign(agrees_text=["ja" if a else "nej" for a in check["agrees"]])
    return table_pair(
        frame,
        [
            Column("group", "Ydelsesgruppe"),
            Column("reference_area", "Sammenlignet med"),
            Column("published", "Forskel i dokumentet (kr.)", "kroner", signed=True),
            Column("computed", "Beregnet ud fra tabellen (kr.)", "kroner", signed=True),
            Column("agrees_text", "Samme tal"),
        ],
    )


def benchmark_numbers_table(table: pd.DataFrame) -> Pair:
    """The ministry's benchmark per benefit area, as published plus actual − expected."""
    return table_pair(
        table,
        [
            Column("benefit_area", "Ydelsesområde"),
            Column("rank_text", "Placering"),
            Column("actual", "Faktisk (fuldtidspersoner)", "number"),
            Column("expected", "Forventet (fuldtidspersoner)", "number"),
            Column(
                "actual_minus_expected",
                "Faktisk minus forventet (fuldtidspersoner)",
                "number",
                signed=True,
            ),
            Column("published_difference", "Forskel fuldtidspersoner (som i kilden)", "number"),
            Column("points", "Pct. point (som i kilden)", "number", 1),
            Column("savings_kr", "Ændring i kommunale besparelser (kr., som i kilden)", "number"),
        ],
    )


def status_table(
    stack: pd.DataFrame, area_order: list[str], categories: list[str], remainder: str
) -> Pair:
    """One target group's status categories (rows) per area (columns), as in the chart.

    Where the chart groups small statuses as »Øvrige« (``group_statuses``), the table
    says so: a column »I figuren som« names the part of the bar each row is drawn in,
    every grouped status keeps its own row with its value, and a row »Øvrige i alt«
    holds their sum (the bar's part). Rows follow the chart's order.
    """
    _, drawn, grouping = group_statuses(stack, categories, remainder)
    grouped = grouping.get(OTHERS, [])
    wide = stack.pivot(index="category", columns="area", values="value")
    wide = wide.reindex(columns=[a for a in area_order if a in wide.columns])
    wide.columns.name = None
    rows = []
    for category in drawn:
        if category == OTHERS:
            parts = wide.reindex([c for c in grouped if c in wide.index])
            # A sum only where the source gives a value (all missing stays missing).
            total = parts.sum(min_count=1).round(1)
            rows.append({"category": OTHERS_TOTAL, "drawn_as": OTHERS, **total.to_dict()})
            rows += [
                {"category": c, "drawn_as": OTHERS, **parts.loc[c].to_dict()} for c in parts.index
            ]
        elif category in wide.index:
            rows.append(
                {"category": category, "drawn_as": category, **wide.loc[category].to_dict()}
            )
    table = pd.DataFrame(rows, columns=["category", "drawn_as", *wide.columns])
    columns = [Column("category", "Status 1 måned efter")]
    if grouped:
        columns.append(Column("drawn_as", "I figuren som"))
    columns += [Column(a, f"{a} (pct.)", "percent", 1) for a in wide.columns]
    return table_pair(table, columns)


def others_note(stack: pd.DataFrame, categories: list[str], remainder: str) -> str | None:
    """Which statuses the chart draws as »Øvrige« (None when it groups none)."""
    grouped = group_statuses(stack, categories, remainder)[2].get(OTHERS, [])
    if not grouped:
        return None
    return f"»{OTHERS}« i figuren samler {and_list(grouped)}; »Vis tal« har hver for sig."


def status_share_table(shares: pd.DataFrame) -> Pair:
    """Computed share to job and education beside the document's statement."""
    return table_pair(
        shares,
        [
            Column("target_group", "Målgruppe"),
            Column("area", "Område"),
            Column("categories", "Lagt sammen"),
            Column("share", "Beregnet ud fra tabellen (pct.)", "percent", 1),
            Column("published", "Tal i dokumentets udsagn (pct.)", "percent", 1),
            Column("difference", "Forskel (pct.-point)", "points", 1, signed=True),
            Column("statement", "Udsagn i dokumentet"),
        ],
    )


def change_numbers_table(table: pd.DataFrame, start: str, end: str, unit: str) -> Pair:
    """Start and end values per area (periods ``start``, ``end``) with the change,
    computed and as published."""
    start_label, end_label = period_label(start), period_label(end)
    return table_pair(
        table,
        [
            Column("area", "Område"),
            Column("area_type", "Områdetype"),
            Column("start_value", f"{start_label} ({unit})", "number"),
            Column("end_value", f"{end_label} ({unit})", "number"),
            Column("change", "Udvikling, beregnet (personer)", "number", signed=True),
            Column("published_change", "Udvikling, som i kilden (personer)", "number", signed=True),
            Column("change_pct", "Udvikling, beregnet (pct.)", "percent", 1, signed=True),
            Column("published_pct", "Udvikling, som i kilden (pct.)", "percent", 1, signed=True),
        ],
    )


def rate_table(rates: pd.DataFrame, period: str) -> Pair:
    """Unemployment rate per area, in the order drawn."""
    return table_pair(
        rates,
        [
            Column("area", "Område"),
            Column("area_type", "Områdetype"),
            Column("value", f"Ledige i pct. af arbejdsstyrken, {period}", "percent", 1),
        ],
    )


def migration_table(frame: pd.DataFrame) -> Pair:
    """Courses created per target group by previous target group, largest first."""
    return table_pair(
        frame,
        [
            Column("target_group", "Målgruppeforløb oprettet"),
            Column("previous_target_group", "Forrige målgruppe"),
            Column("value", "Antal forløb", "number"),
            Column("share", "Andel af målgruppens forløb (pct.)", "percent", 1),
        ],
    )
