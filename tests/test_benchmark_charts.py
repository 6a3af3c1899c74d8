"""The Benchmark page's charts (hedensted/benchmark/charts.py): Danish tooltips,
Hedensted highlighted."""

from __future__ import annotations

import json

import pandas as pd

from hedensted.benchmark import charts as cb
from hedensted.benchmark.migrations import NONE_CATEGORY, migration_blocks, migrations
from hedensted.benchmark.outcomes import (
    REMAINDER,
    status_category_order,
    status_stack,
    status_target_groups,
)
from hedensted.benchmark.unemployment import OTHER_AREAS, rate_view
from hedensted.core.view_state import SortOrder
from hedensted.present.charts import HEDENSTED_COLOR
from tests.benchmark_support import AREAS, frame


def test_charts_have_danish_tooltips_and_highlight_hedensted(catalog) -> None:
    rates = frame(catalog, "ledighedsprocent")
    spec = cb.area_bars(
        rate_view(rates, "RAR Østjylland", SortOrder.SOURCE),
        "value",
        "Ledige i pct. af arbejdsstyrken",
        1,
        "RAR Østjylland",
        OTHER_AREAS,
    ).to_dict()
    bars = spec["layer"][0]["encoding"]
    assert bars["color"]["scale"]["domain"][0] == "Hedensted"
    assert bars["color"]["scale"]["range"][0] == HEDENSTED_COLOR
    tooltip = {t["field"]: t for t in bars["tooltip"]}
    assert tooltip["value"]["format"] == ",.1f"
    assert tooltip["area"]["title"] == "Område"
    stack = status_stack(frame(catalog, "status_efter_afsluttet_forloeb"), "Sygedagpenge", AREAS)
    status = cb.status_bars(
        stack,
        ["Hedensted", "Hele landet"],
        status_category_order(frame(catalog, "status_efter_afsluttet_forloeb")),
        REMAINDER,
    ).to_dict()
    assert status["encoding"]["x"]["scale"]["domain"] == [0, 100]
    assert "Hedensted" in json.dumps(status["encoding"]["y"]["axis"]["labelFontWeight"])
    migration = migration_blocks(migrations(frame(catalog, "vandringer_forrige_maalgruppe")))[1][1]
    chart = cb.migration_bars(migration, NONE_CATEGORY).to_dict()
    assert chart["encoding"]["y"]["sort"][0] == "Ingen"


def test_status_chart_has_at_most_six_colours_with_the_rest_as_oevrige(catalog) -> None:
    status = frame(catalog, "status_efter_afsluttet_forloeb")
    order = status_category_order(status)
    for target_group in status_target_groups(status):
        stack = status_stack(status, target_group, AREAS)
        grouped, categories, grouping = cb.group_statuses(stack, order, REMAINDER)
        assert len(categories) <= 6
        # Nothing is lost: every area still adds up to the same total.
        before = stack.groupby("area")["value"].sum().round(1)
        after = grouped.groupby("area")["value"].sum().round(1)
        assert (before == after).all()
        if grouping:
            assert categories[-2:] == [cb.OTHERS, REMAINDER]
            others = grouped[grouped["category"] == cb.OTHERS]
            assert grouping[cb.OTHERS][0] in " ".join(others["parts"])


def test_the_table_behind_the_status_chart_shows_what_oevrige_holds(catalog) -> None:
    from hedensted.benchmark import tables as bt

    status = frame(catalog, "status_efter_afsluttet_forloeb")
    areas = ["Hedensted", "Hele landet", "RAR Østjylland"]
    stack = status_stack(status, "Jobparate kontanthjælpsmodtagere", areas)
    shown, export = bt.status_table(stack, areas, status_category_order(status), REMAINDER)
    rows = export.set_index("Status 1 måned efter")
    # Each grouped status keeps its own row and value, marked as drawn in »Øvrige« ...
    assert rows.loc["A-dagpenge", "I figuren som"] == cb.OTHERS
    assert rows.loc["A-dagpenge", "Hedensted (pct.)"] == 3.8
    assert rows.loc["Andet", "Hedensted (pct.)"] == 2.5
    assert pd.isna(rows.loc["Ledighedsydelse", "Hedensted (pct.)"])  # not published: missing
    # ... and »Øvrige i alt« is the chart's grey part: 3,8 + 2,5 in Hedensted.
    assert rows.loc["Øvrige i alt", "Hedensted (pct.)"] == 6.3
    assert rows.loc["Øvrige i alt", "Hele landet (pct.)"] == 6.2
    assert rows.loc["Selvforsørgelse", "I figuren som"] == "Selvforsørgelse"
    grouped = [c for c in rows.index if rows.loc[c, "I figuren som"] == cb.OTHERS]
    assert grouped == ["Øvrige i alt", "A-dagpenge", "Ledighedsydelse", "Andet"]
    assert list(shown.columns) == list(export.columns)
    assert shown.iloc[4].tolist()[:3] == ["Øvrige i alt", "Øvrige", "6,3\u00a0%"]


def _luminance(color: str) -> float:
    channels = [int(color[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(one: str, other: str) -> float:
    light, dark = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_the_not_shown_part_has_a_visible_swatch(catalog) -> None:
    """»Ikke vist i kilden« has AA contrast against white (it was near-white, #eceff2) and
    differs in lightness from every other colour of the chart (colour-blind safe)."""
    status = frame(catalog, "status_efter_afsluttet_forloeb")
    stack = status_stack(status, "Sygedagpenge", AREAS)
    spec = cb.status_bars(
        stack, ["Hedensted", "Hele landet"], status_category_order(status), REMAINDER
    ).to_dict()
    scale = spec["encoding"]["color"]["scale"]
    colors = dict(zip(scale["domain"], scale["range"], strict=True))
    assert colors[REMAINDER] == "#3d3d3d"
    assert _contrast(colors[REMAINDER], "#ffffff") >= 4.5
    for category, color in colors.items():
        if category != REMAINDER:
            assert _contrast(colors[REMAINDER], color) >= 2, category
